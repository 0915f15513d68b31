/// The run-time value of an expression.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case selection(Set<String>)
    case list([Value])
    /// The item was not answered (skipped, not shown, or not yet asked).
    case missing

    /// Truth in a condition: only a real `true` holds; a missing answer does not.
    public var isTrue: Bool { self == .bool(true) }
}
