import Foundation
import Localization

/// The result of scoring one set of answers, and everything a report says about it: who the
/// person is, triage first, then nutrients ranked by score, the validated instruments, tests,
/// other causes and advice, the warning signs ruled out, the person's context, and every answer
/// with its section, label, kind and chosen options, with every text in one language. A report
/// is built from it alone. Encodes to the versioned JSON schema in `docs/assessment-schema.md`
/// (`Assessment+Coding`, which also reads schemaVersion 2).
public struct Assessment: Sendable, Equatable {
    /// Version of the JSON shape; bump on any incompatible change.
    public static let currentSchemaVersion = 3

    /// The version of the JSON shape it was written in: `currentSchemaVersion`, or 2 for an
    /// assessment read from a history written before version 3 (see `filledIn(from:)`).
    public var schemaVersion = Assessment.currentSchemaVersion
    public var questionnaire: QuestionnaireReference
    /// The language of every text in it (`en`, `es`): the questionnaire's, and the program's words.
    public var language: Language
    public var person: Person
    /// When the screening was completed, to the second; nil when the answers did not say.
    public var completed: Date?
    public var triage: Triage
    public var triggers: [TriggerResult]
    public var nutrients: [NutrientResult]
    public var instruments: [InstrumentResult]
    public var advice: [AdviceResult]
    /// Tests to discuss: each once, with every nutrient and other cause it serves, only where it applies.
    public var tests: [TestResult]
    /// Causes other than nutrients that fit the answers, with their tests.
    public var otherCauses: [OtherCauseResult]
    /// Every published work the results above cite, in the questionnaire's order.
    public var references: [Reference]
    /// Every answer that counts, in asking order.
    public var answers: [AnsweredItem]
    /// The warning signs asked of everyone and answered "none of these": what a clinician can
    /// see was ruled out.
    public var ruledOut: [WarningSign]
    /// What page 1 says about the person's life beyond the symptoms (medicines and supplements,
    /// conditions, diet, pregnancy): each topic the questionnaire's `report:` block names, with
    /// the answers that tell it; topics without an answer are left out.
    public var context: [ContextEntry]
    /// Which answers the report shows where: the questionnaire's `report:` block.
    public var report: ReportConventions
    /// The questions, in order, that the interview asks a person who gives these answers (only
    /// questions that can change the result); nil when not worked out.
    public var asked: [String]?
    /// Shown questions left without an answer.
    public var unanswered: [UnansweredItem]
    /// That this is a screening, not a diagnosis, and to see a clinician.
    public var disclaimer: String

    public struct QuestionnaireReference: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public var title: String
        public var contentHash: String
    }

    /// The most urgent level among the triggers that fired (nil when none did).
    public struct Triage: Codable, Sendable, Equatable {
        public var level: Urgency?
        public var headline: String
        /// What the level tells the person to do (the questionnaire's `levels:`); nil when no
        /// trigger fired, and in assessments written before the levels were data.
        public var advice: String?

        public init(level: Urgency?, headline: String, advice: String? = nil) {
            self.level = level
            self.headline = headline
            self.advice = advice
        }

        /// Writes `level` as `null` when no trigger fired, so the key is always present.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(headline, forKey: .headline)
            try container.encodeIfPresent(advice, forKey: .advice)
        }
    }

    /// Nutrients in the Likely or Possible band, most likely first.
    public var flaggedNutrients: [NutrientResult] { nutrients.filter(\.band.isFlagged) }

    /// The answer to the item `id`, if it counts.
    public func answer(_ id: String?) -> AnsweredItem? { id.flatMap { id in answers.first { $0.id == id } } }

    /// The answers in the section `id`, in asking order; none for nil.
    public func answers(inSection id: String?) -> [AnsweredItem] { id.map { id in answers.filter { $0.section == id } } ?? [] }

    /// The assessment as pretty JSON with sorted keys (stable for scripts and diffs).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
