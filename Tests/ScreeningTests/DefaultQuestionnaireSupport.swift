import Foundation
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
        "rf_sudden_one_sided": .bool(false), "rf_spreading_weakness": .bool(false), "rf_cannot_stand": .bool(false),
        "rf_back_saddle": .bool(false), "rf_cancer_back": .bool(false), "rf_heart": .bool(false), "rf_spasm_seizure": .bool(false),
        "rf_confusion": .bool(false), "rf_dark_urine": .bool(false), "rf_bleeding": .bool(false),
        "age": .number(40), "sex": .string("male"), "diet": .string("omnivore"), "calcium_foods": .bool(true),
        "plant_foods": .string("most_days"), "eating_less": .bool(false), "low_fat_diet": .bool(false), "caffeine": .string("low"),
        "audit_q1": .string("never"), "medicines": .list(["none"]), "supplements": .list(["none"]), "conditions": .list(["none"]),
        "family_pernicious": .bool(false), "surgery": .list(["none"]), "vomiting_diarrhoea": .string("no"), "weight_loss": .bool(false),
        "bowel_change": .bool(false), "blood_donation": .string("never"), "nitrous_oxide": .bool(false), "sun": .string("plenty"),
        "covered_skin": .bool(false), "skin_tone": .string("light"), "hard_exercise": .bool(false), "stress": .string("low"),
        "symptoms": .list(["none"]),
    ]

    /// The baseline with `changes` applied, checked against the items.
    static func answers(_ changes: [String: PlainValue]) -> AnswerSet {
        Fixture.answers(baseline.merging(changes) { $1 }, in: questionnaire)
    }

    static func assess(_ changes: [String: PlainValue]) -> Assessment {
        Assessor(questionnaire: questionnaire).assess(answers(changes))
    }

    static let heavyDrinker: [String: PlainValue] = [
        "audit_q1": .string("four_plus_weekly"), "audit_q2": .string("five_six"), "audit_q3": .string("weekly"),
    ]
}

/// Random complete paths through a questionnaire, seeded so a failure can be replayed.
enum RandomAnswers {
    static func completePath(_ questionnaire: Questionnaire, _ rng: inout SeededRandom) -> AnswerSet {
        AnswerSampler.completePath(questionnaire, using: &rng)
    }
}
