import Foundation
import Localization

/// A moment as a clock shows it: the local day and time, with the offset from UTC and the zone's
/// abbreviation, in a given `Zone` (the executable resolves the system's). No `Calendar`: ICU
/// would cost milliseconds at start-up for one date.
public struct LocalTime: Hashable, Sendable {
    public var day: CalendarDate
    public var hour: Int
    public var minute: Int
    /// Seconds east of UTC.
    public var offset: Int
    /// "CET", "UTC", "EST" (or "UTC+05:30" where the zone has no abbreviation).
    public var zone: String

    /// `moment` as a clock in `zone` shows it.
    public init(_ moment: Date, in zone: Zone) {
        let shown = zone.fields(at: moment)
        offset = shown.offset
        let name = shown.abbreviation
        let unnamed = name.isEmpty || name.hasPrefix("GMT") || name.hasPrefix("+") || name.hasPrefix("-")
        self.zone = unnamed ? (offset == 0 ? "UTC" : Self.offsetText(offset)) : name
        let fields = UTCTime(moment.addingTimeInterval(TimeInterval(offset)))
        day = CalendarDate(year: fields.year, month: fields.month, day: fields.day) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        (hour, minute) = (fields.hour, fields.minute)
    }

    /// "11:00 CET".
    public var clock: String { String(format: "%02d:%02d ", hour, minute) + zone }

    /// "1 March 2026, 11:00 UTC+01:00 (CET)", or "1 March 2026, 10:00 UTC" in UTC: the day, the
    /// time and the zone, unambiguous on paper ("1 de marzo de 2026, 11:00 UTC+01:00 (CET)").
    public func readable(_ messages: Messages) -> String {
        let time = String(format: "%02d:%02d", hour, minute)
        let zoneText = offset == 0 ? zone : Self.offsetText(offset) + (zone.hasPrefix("UTC") ? "" : " (\(zone))")
        return messages.format.moment(date: day.readable(messages), time: "\(time) \(zoneText)")
    }

    /// "today at 14:05 CET", "yesterday at 09:30 CET" or "on 3 March 2026 at 14:05 CET", the day
    /// counted from `now` on the same clock.
    public func phrase(now: LocalTime, _ messages: Messages) -> String {
        if day == now.day { return messages.format.today(time: clock) }
        if day == now.day.adding(days: -1) { return messages.format.yesterday(time: clock) }
        return messages.format.onDay(date: day.readable(messages), time: clock)
    }

    /// "UTC+01:00", "UTC−05:00".
    static func offsetText(_ offset: Int) -> String {
        String(format: "UTC%@%02d:%02d", offset < 0 ? "−" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
    }
}
