import Foundation
import Screening

/// Whose a screening is, as the history tells people apart: the name, and the date of birth
/// when the answers give one (two people of one name are told apart by it).
public struct ScreeningOwner: Sendable, Equatable {
    public var name: String
    public var birthDate: CalendarDate?

    public init(name: String, birthDate: CalendarDate?) {
        self.name = name
        self.birthDate = birthDate
    }

    /// The assessment's person, or nil when it names nobody (the history cannot keep it).
    public init?(_ assessment: Assessment) {
        guard let name = assessment.person.name else { return nil }
        self.init(name: name, birthDate: assessment.person.birthDate)
    }
}
