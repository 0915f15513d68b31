import Foundation
import Screening

extension Clock {
    /// The machine's clock in its zone: what tests that do not fix the day judge dates by, as
    /// the executable's `Clock.system` does.
    public static let machine = Clock(zone: Zone(TimeZone.current)) { Date() }
}

extension Today {
    /// Today on the machine's clock.
    public static var machine: Today { Clock.machine.today }
}
