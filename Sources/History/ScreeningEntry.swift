import Foundation
import Screening

/// One screening as a listing or a chart shows it: when, whose, the questionnaire, the triage
/// and each nutrient's score, read without its assessment's JSON.
public struct ScreeningEntry: Sendable, Equatable {
    /// A nutrient's score and band.
    public struct NutrientScore: Sendable, Equatable {
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
    /// Every nutrient scored, most likely first.
    public var scores: [NutrientScore]
    public var source: ScreeningSource
    public var recorded: Date

    /// The nutrients in the Possible or Likely band, most likely first.
    public var flagged: [NutrientScore] { scores.filter(\.band.isFlagged) }
}
