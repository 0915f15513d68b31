import Foundation
import Localization

/// A day on the calendar (no time, no zone): a date of birth, the day a screening was done.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The date, or nil when there is no such day (31 April, 29 February 2023).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...UTCTime.daysIn(month: month, year: year)).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The date of an ISO 8601 calendar date, `1958-03-14`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `moment` falls on in `zone`.
    public init(_ moment: Date, in zone: Zone) { self = LocalTime(moment, in: zone).day }

    /// `1958-03-14`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { iso }

    /// The date in words: "14 March 1958", "14 de marzo de 1958".
    public func readable(_ messages: Messages) -> String { messages.date(year: year, month: month, day: day) }

    /// Days since 1 January 1970.
    var dayNumber: Int { UTCTime.days(fromCivil: year, month, day) }

    /// The date `days` after this one (before it, when negative).
    public func adding(days: Int) -> CalendarDate {
        let (y, m, d) = UTCTime.civil(fromDays: dayNumber + days)
        return CalendarDate(year: y, month: m, day: d)!
    }

    /// Whole years from this date to `later` (an age on that day); negative when `later` comes first.
    public func years(until later: CalendarDate) -> Int {
        let years = later.year - year
        return (later.month, later.day) < (month, day) ? years - 1 : years
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
