import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A moment as the person's own clock shows it: local time with its zone, from the C library,
/// which follows `TZ` (else `/etc/localtime`). No ICU, which costs milliseconds to start.
public enum LocalTime {
    /// "today at 14:05 CET", "yesterday at 09:30 CET" or "on 3 March 2026 at 14:05 CET", the
    /// day counted from `now` in the same zone.
    public static func phrase(_ date: Date, now: Date = Date()) -> String {
        let moment = fields(date)
        let today = fields(now)
        let time = format(moment, "%H:%M %Z")
        if (moment.tm_year, moment.tm_yday) == (today.tm_year, today.tm_yday) { return "today at \(time)" }
        let yesterday =
            today.tm_yday > 0
            ? (today.tm_year, today.tm_yday - 1) : (today.tm_year - 1, isLeap(Int(today.tm_year) + 1899) ? 365 : 364)
        if (moment.tm_year, moment.tm_yday) == yesterday { return "yesterday at \(time)" }
        return "on \(format(moment, "%-d %B %Y")) at \(time)"
    }

    /// The local calendar fields of `date`.
    private static func fields(_ date: Date) -> tm {
        tzset()
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var result = tm()
        localtime_r(&seconds, &result)
        return result
    }

    /// `fields` through `strftime` (the C locale: English month names).
    private static func format(_ fields: tm, _ pattern: String) -> String {
        var fields = fields
        var buffer = [CChar](repeating: 0, count: 128)
        let count = strftime(&buffer, buffer.count, pattern, &fields)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }
}
