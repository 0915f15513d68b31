import Foundation

/// The zone a clock is in: how far east of UTC it is, and the abbreviation it shows, at any
/// moment (summer time moves both). The core never reads the system's zone: the executable
/// resolves it once and passes it in, so every date is shown and judged in the same zone.
public struct Zone: Sendable {
    private let rule: @Sendable (Date) -> (offset: Int, abbreviation: String)

    /// A zone given by its rule: the offset (seconds east of UTC) and abbreviation at a moment.
    public init(rule: @escaping @Sendable (Date) -> (offset: Int, abbreviation: String)) { self.rule = rule }

    /// The zone `timeZone` describes.
    public init(_ timeZone: TimeZone) {
        rule = { moment in (timeZone.secondsFromGMT(for: moment), timeZone.abbreviation(for: moment) ?? "") }
    }

    /// Coordinated Universal Time.
    public static let utc = Zone { _ in (0, "UTC") }

    /// The offset (seconds east of UTC) and the abbreviation at `moment`.
    public func fields(at moment: Date) -> (offset: Int, abbreviation: String) { rule(moment) }
}
