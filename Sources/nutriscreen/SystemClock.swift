import Foundation
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// The one place the program reads the clock and the system's zone: every command resolves them
/// here and passes them in, so the core (Screening, Interview, History, Report) reads neither.
extension Zone {
    /// The system's zone, from the C library, which follows `TZ` (names and POSIX rules alike)
    /// else `/etc/localtime`. No `TimeZone.current`: ICU would cost milliseconds at start-up.
    static let system = Zone { moment in
        tzset()
        var seconds = time_t(moment.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        localtime_r(&seconds, &fields)
        return (fields.tm_gmtoff, fields.tm_zone.map { String(cString: $0) } ?? "")
    }
}

extension Clock {
    /// The machine's clock, in the system's zone.
    static let system = Clock(zone: .system) { Date() }
}
