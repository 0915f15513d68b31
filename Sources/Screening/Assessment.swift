import Foundation
import Localization

/// The result of scoring one set of answers: triage first, then nutrients ranked by score, the
/// validated instruments, advice, and every answer, with every text in one language. Encodes to
/// the versioned JSON schema in `docs/assessment-schema.md`.
public struct Assessment: Codable, Sendable, Equatable {
    /// Version of the JSON shape; bump on any incompatible change.
    public static let currentSchemaVersion = 2

    public var schemaVersion = Assessment.currentSchemaVersion
    public var questionnaire: QuestionnaireReference
    /// The language of every text in it (`en`, `es`): the questionnaire's, and the program's words.
    public var language: Language
    public var name: String?
    /// ISO-8601, UTC.
    public var completed: String?
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
    public var answers: [AnsweredItem]
    /// The questions, in order, that the interview asks a person who gives these answers (only
    /// questions that can change the result); nil when not worked out.
    public var asked: [String]?
    /// Shown questions left without an answer.
    public var unanswered: [String]
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

        /// Writes `level` as `null` when no trigger fired, so the key is always present.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(headline, forKey: .headline)
        }
    }

    public struct TriggerResult: Codable, Sendable, Equatable {
        public var id: String
        public var urgency: Urgency
        public var message: String
        public var references: [String]
        public var evidence: [Evidence]
    }

    /// One scored rule: why points were added (or taken away).
    public struct RuleResult: Codable, Sendable, Equatable {
        public var points: Double
        public var kind: RuleKind
        public var reason: String
        public var references: [String]
        public var evidence: [Evidence]
    }

    /// A test to discuss, with what it serves.
    public struct TestResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// Ids of the nutrients and other causes it serves, in the order they are listed.
        public var `for`: [String]
        /// What it checks.
        public var why: String
    }

    /// A cause other than a nutrient to rule out.
    public struct OtherCauseResult: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
        public var tests: [String]
        public var references: [String]
        public var evidence: [Evidence]
    }

    public struct NutrientResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var summary: String
        public var score: Double
        public var band: Band
        public var thresholds: Thresholds
        /// Points for.
        public var supporting: [RuleResult]
        /// Points against (negative).
        public var contrary: [RuleResult]
        /// Symptoms that fit but did not count, because no risk or specific sign for this nutrient held.
        public var uncounted: [RuleResult]
        /// Ids of the tests that apply (see `Assessment.tests`).
        public var tests: [String]
        public var foods: [String]
        public var notes: [String]
    }

    public struct InstrumentResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var total: Double
        public var maximum: Double
        public var result: String
        public var meaning: String
        public var positive: Bool
        public var cutoff: String
        public var references: [String]
    }

    public struct AdviceResult: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
        public var references: [String]
    }

    public struct AnsweredItem: Codable, Sendable, Equatable {
        public var id: String
        public var section: String
        public var question: String
        public var answer: String
        public var value: PlainValue
    }

    /// Nutrients in the Likely or Possible band, most likely first.
    public var flaggedNutrients: [NutrientResult] { nutrients.filter(\.band.isFlagged) }

    /// The assessment as pretty JSON with sorted keys (stable for scripts and diffs).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
