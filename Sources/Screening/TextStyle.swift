/// Bold and colour for a terminal (the executable turns it off when output is not a TTY or
/// `NO_COLOR` is set).
/// Meaning is never carried by colour alone: warnings always carry words too.
public struct TextStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func alert(_ s: String) -> String { wrap(s, "1;31") }

    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
