import Foundation
import Screening

/// One screening as a listing shows it: when, whose, the questionnaire, the triage and the
/// flagged nutrients.
public struct ScreeningEntry: Sendable, Equatable {
    /// A nutrient in the Possible or Likely band.
    public struct Flagged: Sendable, Equatable {
        public var id: String
        public var name: String
        public var band: Band
        public var score: Double
    }

    public var id: Int64
    public var person: HistoryPerson
    public var completed: Date
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var contentHash: String
    /// The most urgent see-a-doctor warning, nil when none fired.
    public var triage: Urgency?
    /// Most likely first.
    public var flagged: [Flagged]
    public var source: ScreeningSource
    public var recorded: Date
}
