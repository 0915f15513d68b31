import Foundation
import Screening

/// One screening in full, as `history show` and the comparison with earlier screenings read it.
public struct StoredScreening: Sendable, Equatable {
    public var entry: ScreeningEntry
    /// The answers file it was recorded from.
    public var answers: String
    /// The assessment as it was scored then, or nil when this version cannot read its form (a
    /// newer schema of the assessment JSON).
    public var assessment: Assessment?
}
