import Foundation
import Localization

#if canImport(Glibc)
    import Glibc
#endif

/// A moment as a clock shows it: the local day and time, with the offset from UTC and the zone's
/// abbreviation. The system's zone comes from the C library, which follows `TZ` (names and POSIX
/// rules alike) else `/etc/localtime`; a given `TimeZone` is used as it is. No `Calendar`: ICU
/// would cost milliseconds at start-up for one date.
public struct LocalTime: Hashable, Sendable {
    public var day: CalendarDate
    public var hour: Int
    public var minute: Int
    /// Seconds east of UTC.
    public var offset: Int
    /// "CET", "UTC", "EST" (or "UTC+05:30" where the zone has no abbreviation).
    public var zone: String

    /// `moment` on the system's clock, or in `timeZone`.
    public init(_ moment: Date, in timeZone: TimeZone? = nil) {
        var zone: String
        if let timeZone {
            offset = timeZone.secondsFromGMT(for: moment)
            zone = timeZone.abbreviation(for: moment) ?? ""
        } else {
            tzset()
            var seconds = time_t(moment.timeIntervalSince1970.rounded(.down))
            var fields = tm()
            localtime_r(&seconds, &fields)
            offset = fields.tm_gmtoff
            zone = fields.tm_zone.map { String(cString: $0) } ?? ""
        }
        if zone.isEmpty || zone.hasPrefix("GMT") || zone.hasPrefix("+") || zone.hasPrefix("-") {
            zone = offset == 0 ? "UTC" : Self.offsetText(offset)
        }
        self.zone = zone
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
