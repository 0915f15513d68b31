import Foundation
import TestSupport
import Testing

@testable import Screening

/// The shipped default questionnaire and answers built on a calm baseline.
enum Default {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Questionnaires/neuro-nutrition.yaml").path

    static let questionnaire: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: path) } catch { fatalError("default questionnaire does not load: \(error)") }
    }()

    /// A 40-year-old man with no warning signs, no risks and no symptoms.
    static let baseline: [String: PlainValue] = [
        "ws_now": .list(["none"]), "ws_recent": .list(["none"]), "age": .number(40), "sex": .string("male"),
        "symptoms": .list(["none"]), "body_symptoms": .list(["none"]), "diet": .string("omnivore"), "calcium_foods": .bool(true),
        "plant_foods": .string("most_days"), "eating_less": .bool(false), "weight_change": .string("no"), "caffeine": .string("low"),
        "audit_q1": .string("never"), "medicines": .list(["none"]), "b12_injections": .string("never"), "supplements": .list(["none"]),
        "nitrous_oxide": .string("no"), "conditions": .list(["none"]), "family_pernicious": .bool(false), "surgery": .list(["none"]),
        "vomiting": .string("no"), "diarrhoea": .string("no"), "stool_blood": .string("no"), "blood_donation": .string("never"),
        "recent_results": .list(["none"]), "sun": .string("plenty"), "covered_skin": .bool(false), "skin_tone": .string("light"),
        "hard_exercise": .bool(false), "stress": .string("low"),
    ]

    /// The baseline with `changes` applied, checked against the items.
    static func answers(_ changes: [String: PlainValue]) -> AnswerSet {
        Fixture.answers(baseline.merging(changes) { $1 }, in: questionnaire)
    }

    static func assess(_ changes: [String: PlainValue]) -> Assessment {
        Assessor(questionnaire: questionnaire, today: .machine).assess(answers(changes))
    }

    /// The assessment of a vignette answers file.
    static func vignette(_ name: String) throws -> Assessment {
        let document = try AnswersDocument.load(path: Fixture.path("vignettes/\(name).yaml"), questionnaire: questionnaire, today: .machine)
        return Assessor(questionnaire: questionnaire, today: .machine).assess(document.answers, name: document.name, completed: document.completed)
    }

    static let heavyDrinker: [String: PlainValue] = [
        "audit_q1": .string("four_plus_weekly"), "audit_q2": .string("five_six"), "audit_q3": .string("weekly"),
    ]
}

/// Random complete paths through a questionnaire, seeded so a failure can be replayed.
enum RandomAnswers {
    /// When the random screenings are done: assess them with `completed: RandomAnswers.completed`,
    /// so calculated ages count to `day` as they did when the answers were drawn.
    static let completed = Date(timeIntervalSince1970: 1_772_359_200)
    static let day = CalendarDate(completed, in: Clock.machine.zone)

    static func completePath(_ questionnaire: Questionnaire, _ rng: inout SeededRandom) -> AnswerSet {
        AnswerSampler.completePath(questionnaire, on: day, using: &rng)
    }
}
