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

/// Random complete paths through a questionnaire: every shown question answered at random.
enum RandomAnswers {
    static func completePath(_ questionnaire: Questionnaire, _ rng: inout SeededRandom) -> AnswerSet {
        // Conditions read only earlier answers, so one forward pass answers every shown question.
        var answers = AnswerSet()
        for item in questionnaire.items where item.takesAnswer {
            if let condition = item.condition, !Evaluator(questionnaire: questionnaire, answers: answers).holds(condition) { continue }
            answers[item.id] = randomAnswer(item, &rng)
        }
        return answers
    }

    static func randomAnswer(_ item: Item, _ rng: inout SeededRandom) -> Answer {
        switch item.kind {
        case .boolean(let unsure):
            return .boolean(unsure && Int.random(in: 0..<5, using: &rng) == 0 ? .unsure : Bool.random(using: &rng) ? .yes : .no)
        case .choice(let options): return .choice(options.randomElement(using: &rng)!.value)
        case .multiChoice(let options):
            let plain = options.filter { !$0.exclusive }
            let picked = plain.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }.map(\.value)
            if picked.isEmpty, let none = options.first(where: \.exclusive) { return .multiChoice([none.value]) }
            return .multiChoice(picked.isEmpty ? [plain[0].value] : picked)
        case .integer(let r): return .integer(Int.random(in: Int(r.min ?? 0)...Int(r.max ?? 100), using: &rng))
        case .decimal(let r): return .decimal(Double.random(in: (r.min ?? 0)...(r.max ?? 100), using: &rng))
        case .text: return .text("free text \(Int.random(in: 0...999, using: &rng))")
        case .display: return .text("")
        }
    }
}
