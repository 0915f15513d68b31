import Foundation

/// The time it is and the zone it is told in. The core never reads the clock: the executable
/// gives its clock to what runs for a while (an interview, which saves as it goes), and the
/// day it reads from it (`Today`) to what judges dates, so a typed date, a resumed one and one
/// in a file are all judged by the same day.
public struct Clock: Sendable {
    /// The zone the time is told in.
    public let zone: Zone
    private let reading: @Sendable () -> Date

    /// A clock that reads `now` each time it is asked.
    public init(zone: Zone, now: @escaping @Sendable () -> Date) {
        self.zone = zone
        self.reading = now
    }

    /// A clock stopped at `moment`.
    public static func fixed(at moment: Date, in zone: Zone) -> Clock { Clock(zone: zone) { moment } }

    /// The time now.
    public var now: Date { reading() }

    /// The day it is now, in the clock's zone.
    public var today: Today { Today(day: CalendarDate(now, in: zone), zone: zone) }
}

/// The day it is and the zone the person lives in: what the core judges every date by (a date
/// of birth may not be after it; an age is worked out on it; a completion time falls on a day in
/// this zone).
public struct Today: Sendable {
    /// The day it is.
    public let day: CalendarDate
    /// The zone completion times fall into days in.
    public let zone: Zone

    public init(day: CalendarDate, zone: Zone) {
        self.day = day
        self.zone = zone
    }

    /// The day of the screening: the day `completed` falls on in this zone, else today.
    public func day(of completed: Date?) -> CalendarDate { completed.map { CalendarDate($0, in: zone) } ?? day }
}
