import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Clinical vignettes kept as answers files, with the bands and triage a clinician would expect.
@Suite struct VignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var triage: Urgency?
        var triggers: Set<String>
        var likely: Set<String>
        var possible: Set<String>
        var instruments: [String: String] = [:]
        var description: String { file }
    }

    /// Written from the clinical reference before the vignettes were first run (each file's first
    /// line describes the patient). The first run matched 37 of 42. Two misses showed a content
    /// bug, fixed for everyone: B12's "meat or fish, under 65" evidence against ignored other B12
    /// risks such as heavy drinking (heavy-alcohol, wernicke-second-path). Three expectations were
    /// too narrow and were revised, each for a clinical reason, not to fit a score:
    /// - kidney-dialysis, breathless-rest, vegetarian-long-lacto: `iron_check` fires, because iron
    ///   is Possible in a man or a woman after the menopause, and a blood count and ferritin soon is
    ///   what the clinical reference (red-flag row 16, NICE NG12) asks for; on dialysis it is
    ///   `iron_check_kidney` (revised after a GP review: low iron is expected in kidney disease and
    ///   the kidney team decides whether to look for its cause, NICE NG8);
    /// - kidney-dialysis: magnesium Possible (older age, a moderate risk, with cramps, tingling and
    ///   tiredness, all magnesium symptoms), which a clinician would check on dialysis anyway;
    /// - crohns-resection: vitamin E Possible. The property test "adding a risk never lowers a
    ///   score" found that signs of malabsorption (lasting diarrhoea with weight loss or mouth
    ///   ulcers) stopped counting once a gut diagnosis was added; they now count with it, for
    ///   every nutrient, and Crohn's disease with an ileal resection is a strong risk for vitamin E.
    /// The last eight were added so that every trigger fires and every nutrient is Likely at least
    /// once; their first run matched but for B12 in vitamin-e-cystic-fibrosis, which showed that
    /// balance worse in the dark (lost position sense, shared by B12, vitamin E and B6 excess)
    /// must not count for B12 on its own: it is now a symptom, not a sign, for every person.
    /// Revised for the five levels (issue 23), each from its row of the clinical reference:
    /// neck-surgery-calcium same day (row 17b); kidney-dialysis, iron-postmenopausal,
    /// vegetarian-long-lacto soon (row 16: a blood count and ferritin within about 2 weeks), and
    /// stool-blood-young soon (its message always said "soon"); B12 Likely with unsteadiness,
    /// falls or memory change adds `b12_nerve_features` (NICE NG239: treat promptly), which makes
    /// older-metformin-ppi soon; a strong cause of low potassium with weakness or palpitations adds
    /// `low_potassium_cause` (row 20) below the emergencies of diuretics-diarrhoea and
    /// severe-weakness-laxatives; refeeding with a racing heart adds `refeeding_danger` (row 22).
    /// gbs-second-path is no longer an emergency: the man answered no to "weakness that spreads
    /// or gets worse day by day", and the Guillain-Barré pattern inferred from his other answers
    /// must not contradict him (§0); his worsening weakness is still a reason to be seen.
    static let expectations: [Expectation] = [
        Expectation(file: "vegan", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["b12"], possible: ["iron"]),
        Expectation(file: "vegan-fortified", triage: .routine, triggers: ["persistent_symptoms"], likely: [], possible: ["iron"]),
        Expectation(
            file: "older-metformin-ppi", triage: .soon, triggers: ["b12_nerve_features", "persistent_symptoms", "likely_nutrient"],
            likely: ["b12", "magnesium"],
            possible: ["thiamine"], instruments: ["mnsi": "Possible neuropathy"]),
        Expectation(
            file: "heavy-periods-restless-legs", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["iron"],
            possible: [], instruments: ["irlssg": "Criteria met: chronic-persistent"]),
        Expectation(
            file: "diuretics-diarrhoea", triage: .emergency,
            triggers: ["heart_rhythm", "low_potassium_cause", "palpitations_check", "likely_nutrient", "persistent_symptoms"],
            likely: ["potassium", "magnesium"],
            possible: ["thiamine"]),
        Expectation(
            file: "high-dose-b6", triage: .routine, triggers: ["b6_toxicity", "persistent_symptoms", "likely_nutrient"], likely: ["b6_high"],
            possible: []),
        Expectation(
            file: "folic-acid-neuro", triage: .urgent,
            triggers: ["b12_spinal_cord", "b12_nerve_features", "folic_acid_masking", "persistent_symptoms", "likely_nutrient"],
            likely: ["b12"], possible: ["magnesium"]),
        Expectation(
            file: "heavy-alcohol", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["thiamine", "magnesium"],
            possible: ["folate", "b12", "b6_low", "potassium", "phosphate"], instruments: ["audit_c": "High (positive)"]),
        // 10 mg of B6 a day in all is below the European upper limit (EFSA 2023: 12 mg): the duration
        // and the tingling must not make B6 too much Possible, and no B6 warning fires (written before running).
        Expectation(file: "low-dose-b-complex", triage: .routine, triggers: ["persistent_symptoms"], likely: [], possible: []),
        Expectation(file: "nothing-likely", triage: nil, triggers: [], likely: [], possible: []),
        Expectation(file: "stroke-signs", triage: .emergency, triggers: ["stroke_signs"], likely: [], possible: []),
        Expectation(
            file: "pregnant-vomiting", triage: .urgent, triggers: ["pregnancy_or_surgery_vomiting"], likely: [],
            possible: ["thiamine", "potassium", "magnesium", "folate", "iron"]),
        Expectation(
            file: "hyperemesis-no-fluids", triage: .emergency, triggers: ["fluids_with_risk", "pregnancy_or_surgery_vomiting"], likely: [],
            possible: ["potassium", "folate", "iron"]),
        Expectation(
            file: "kidney-dialysis", triage: .soon, triggers: ["persistent_symptoms", "iron_check_kidney"], likely: [],
            possible: ["b6_low", "thiamine", "vitamin_d", "iron", "b12", "magnesium"]),
        Expectation(
            file: "crohns-resection", triage: .urgent, triggers: ["weight_loss_with_nerves", "persistent_symptoms", "likely_nutrient"],
            likely: ["b12", "folate", "magnesium"], possible: ["potassium", "vitamin_d", "iron", "b6_low", "vitamin_e", "copper"]),
        Expectation(
            file: "coeliac-young", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["iron"],
            possible: ["folate", "vitamin_d", "magnesium"]),
        Expectation(
            file: "bypass-years-later", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["b12"],
            possible: ["iron", "vitamin_d", "magnesium", "folate", "copper"]),
        Expectation(
            file: "bariatric-recent-vomiting", triage: .urgent,
            triggers: ["pregnancy_or_surgery_vomiting", "weight_loss_with_nerves", "likely_nutrient", "persistent_symptoms"], likely: ["thiamine"],
            possible: ["calcium", "potassium", "magnesium", "b12", "folate", "vitamin_d", "vitamin_e", "copper"]),
        Expectation(
            file: "nitrous-oxide", triage: .urgent,
            triggers: ["nitrous_oxide_nerves", "b12_spinal_cord", "b12_nerve_features", "likely_nutrient", "persistent_symptoms"],
            likely: ["b12"], possible: []),
        Expectation(file: "statin-cramps", triage: .routine, triggers: ["statin_muscles", "persistent_symptoms"], likely: [], possible: []),
        Expectation(
            file: "vitamin-d-covered", triage: .routine, triggers: ["likely_nutrient", "persistent_symptoms"], likely: ["vitamin_d"], possible: []),
        Expectation(
            file: "neck-surgery-calcium", triage: .sameDay, triggers: ["after_neck_surgery", "likely_nutrient"], likely: ["calcium"], possible: []),
        Expectation(
            file: "refeeding", triage: .emergency,
            triggers: ["refeeding_danger", "heart_rhythm", "refeeding_risk", "palpitations_check", "likely_nutrient"],
            likely: ["thiamine", "potassium", "phosphate"], possible: ["magnesium"]),
        Expectation(file: "gbs-second-path", triage: .routine, triggers: ["persistent_symptoms"], likely: [], possible: []),
        Expectation(
            file: "cauda-equina-second-path", triage: .emergency, triggers: ["cauda_equina", "persistent_symptoms"], likely: [], possible: []),
        Expectation(file: "chest-pain-palpitations", triage: .emergency, triggers: ["chest_pain", "palpitations_check"], likely: [], possible: []),
        Expectation(
            file: "breathless-rest", triage: .emergency, triggers: ["breathless_at_rest", "iron_check"], likely: [],
            possible: ["magnesium", "potassium", "iron"]),
        Expectation(
            file: "wernicke-second-path", triage: .emergency, triggers: ["wernicke", "likely_nutrient"], likely: ["thiamine"],
            possible: ["folate", "b12", "phosphate"]),
        Expectation(file: "rhabdo-second-path", triage: .emergency, triggers: ["rhabdomyolysis"], likely: [], possible: []),
        Expectation(file: "gut-bleed-second-path", triage: .emergency, triggers: ["gut_bleeding", "iron_check"], likely: [], possible: ["iron"]),
        Expectation(
            file: "tetany-second-path", triage: .emergency, triggers: ["tetany_seizure", "likely_nutrient"], likely: ["calcium"], possible: []),
        Expectation(file: "iron-postmenopausal", triage: .soon, triggers: ["iron_check", "persistent_symptoms"], likely: [], possible: ["iron"]),
        Expectation(
            file: "iron-man-bowel", triage: .urgent, triggers: ["iron_with_bowel_signs", "iron_check", "persistent_symptoms"], likely: [],
            possible: ["iron"]),
        Expectation(file: "benign-night-cramps", triage: nil, triggers: [], likely: [], possible: []),
        Expectation(file: "benign-exercise-cramps", triage: nil, triggers: [], likely: [], possible: []),
        Expectation(file: "motor-neurone", triage: .urgent, triggers: ["motor_neurone_pattern", "persistent_symptoms"], likely: [], possible: []),
        Expectation(
            file: "one-sided-gradual", triage: .urgent, triggers: ["one_sided_progressive", "persistent_symptoms"], likely: [], possible: []),
        Expectation(file: "focal-attacks", triage: .urgent, triggers: ["focal_seizures", "persistent_symptoms"], likely: [], possible: []),
        Expectation(file: "resolved-tia", triage: .emergency, triggers: ["stroke_signs"], likely: [], possible: []),
        Expectation(file: "self-harm", triage: .emergency, triggers: ["self_harm", "persistent_symptoms"], likely: [], possible: []),
        Expectation(
            file: "vegetarian-long-lacto", triage: .soon, triggers: ["persistent_symptoms", "iron_check"], likely: [], possible: ["b12", "iron"]),
        Expectation(file: "hand-weakness-no-route", triage: .routine, triggers: ["persistent_symptoms"], likely: [], possible: []),
        Expectation(
            file: "older-furosemide-hips", triage: .routine, triggers: ["likely_nutrient", "persistent_symptoms"], likely: ["vitamin_d"],
            possible: ["magnesium", "b12"]),
        Expectation(
            file: "b6-low-dialysis-isoniazid", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["b6_low"],
            possible: ["folate", "b12", "vitamin_d"]),
        Expectation(
            file: "vitamin-e-cystic-fibrosis", triage: .routine, triggers: ["persistent_symptoms", "likely_nutrient"], likely: ["vitamin_e"],
            possible: ["vitamin_d"]),
        Expectation(
            file: "cancer-back-legs", triage: .emergency, triggers: ["cord_compression", "persistent_symptoms"], likely: [], possible: ["b12"]),
        Expectation(file: "fainting-dizzy", triage: .urgent, triggers: ["fainting"], likely: [], possible: ["magnesium", "potassium", "b12"]),
        Expectation(file: "fluids-not-kept", triage: .urgent, triggers: ["fluids_not_kept"], likely: [], possible: []),
        Expectation(file: "new-memory-loss", triage: .urgent, triggers: ["new_confusion"], likely: [], possible: ["b12"]),
        Expectation(
            file: "severe-weakness-laxatives", triage: .emergency, triggers: ["severe_weakness", "low_potassium_cause"], likely: [],
            possible: ["potassium"]),
        Expectation(file: "stool-blood-young", triage: .soon, triggers: ["stool_blood_check"], likely: [], possible: []),
    ]

    @Test(arguments: expectations)
    func vignetteGivesTheExpectedBandsAndTriage(_ expected: Expectation) throws {
        let path = Fixture.path("vignettes/\(expected.file).yaml")
        let document = try AnswersDocument.load(path: path, questionnaire: Default.questionnaire, today: .machine)
        let assessment = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(
            document.answers, name: document.name, completed: document.completed)
        #expect(assessment.unanswered.isEmpty, "a vignette answers every question it is shown: \(assessment.unanswered)")
        #expect(assessment.triage.level == expected.triage)
        #expect(Set(assessment.triggers.map(\.id)) == expected.triggers)
        #expect(Set(assessment.nutrients.filter { $0.band == .likely }.map(\.id)) == expected.likely)
        #expect(Set(assessment.nutrients.filter { $0.band == .possible }.map(\.id)) == expected.possible)
        for (id, band) in expected.instruments { #expect(assessment.instruments.first { $0.id == id }?.result == band, "\(id)") }
    }

    @Test func theVignettesFireEveryTriggerAndFlagEveryNutrientLikely() {
        // The triage vignettes fire the Guillain-Barré pattern, said yes to (issue 23).
        let triggers = Set(Self.expectations.flatMap(\.triggers)).union(
            TriageVignetteTests.expectations.flatMap { $0.present.union([$0.lead].compactMap { $0 }) })
        // The coverage vignettes flag copper Likely (after a gastric bypass) and phosphate (refeeding).
        let likely = Set(Self.expectations.flatMap(\.likely)).union(CoverageVignetteTests.expectations.flatMap(\.likely))
        #expect(
            triggers == Set(Default.questionnaire.triggers.map(\.id)),
            "never fired: \(Set(Default.questionnaire.triggers.map(\.id)).subtracting(triggers))")
        #expect(likely == Set(Default.questionnaire.nutrients.map(\.id)))
        // Pregnancy, kidney failure, bowel disease and several people with nothing wrong are all covered.
        #expect(Self.expectations.filter { $0.triage == nil && $0.likely.isEmpty && $0.possible.isEmpty }.count >= 3)
        #expect(Self.expectations.count >= 30)
    }

    /// A "because" cites the answers that fired a trigger, not those that only failed to rule it
    /// out (`not (pregnant or diuretic or …)`, `not (red blood and iron flagged …)`).
    @Test(arguments: [
        ("fluids-not-kept", "fluids_not_kept", ["fluids_kept_down"]), ("stool-blood-young", "stool_blood_check", ["stool_blood"]),
    ])
    func triggersCiteOnlyTheAnswersThatFiredThem(file: String, trigger: String, cited: [String]) throws {
        let document = try AnswersDocument.load(path: Fixture.path("vignettes/\(file).yaml"), questionnaire: Default.questionnaire, today: .machine)
        let assessment = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(document.answers)
        #expect(assessment.triggers.first { $0.id == trigger }?.evidence.map(\.itemID) == cited)
    }

    @Test func everyVignetteFileIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("vignettes")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.expectations.map(\.file)))
    }
}

@Suite struct AssessmentPropertyTests {
    static let cases = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 200

    /// Risk factors from the clinical reference, per nutrient: adding one must never lower that nutrient's score.
    static let riskFactors: [String: [(item: String, value: String)]] = [
        "b12": [
            ("conditions", "pernicious_anaemia"), ("surgery", "gastrectomy"), ("conditions", "coeliac"), ("medicines", "h2_blocker"),
            ("family_pernicious", "yes"), ("conditions", "crohns"),
        ],
        "folate": [("conditions", "coeliac"), ("conditions", "crohns"), ("medicines", "methotrexate"), ("medicines", "anticonvulsant")],
        "b6_low": [("conditions", "kidney_disease"), ("medicines", "anticonvulsant"), ("conditions", "colitis")],
        "b6_high": [("supplements", "b_complex"), ("supplements", "magnesium_b6")],
        "thiamine": [("medicines", "loop_diuretic"), ("conditions", "diabetes"), ("eating_less", "yes")],
        "magnesium": [("medicines", "loop_diuretic"), ("medicines", "thiazide"), ("medicines", "laxative"), ("conditions", "coeliac")],
        "potassium": [("medicines", "thiazide"), ("medicines", "steroid"), ("medicines", "laxative")],
        "calcium": [("surgery", "neck_surgery"), ("medicines", "steroid"), ("conditions", "kidney_disease")],
        "vitamin_d": [("conditions", "obesity"), ("conditions", "liver_pancreas"), ("medicines", "anticonvulsant"), ("covered_skin", "yes")],
        "vitamin_e": [("conditions", "liver_pancreas"), ("conditions", "crohns")],
        "iron": [("conditions", "coeliac"), ("surgery", "gastrectomy"), ("hard_exercise", "yes"), ("conditions", "colitis")],
    ]

    /// The answers with one more risk factor present.
    static func adding(_ factor: (item: String, value: String), to answers: AnswerSet, in q: Questionnaire) -> AnswerSet {
        var changed = answers
        guard let item = q.item(factor.item) else { return answers }
        switch item.kind {
        case let multi as MultiChoiceKind:
            let options = multi.options
            var values: [String] = []
            if case .multiChoice(let current)? = answers[factor.item] { values = current }
            let exclusive = Set(options.filter(\.exclusive).map(\.value))
            values = values.filter { !exclusive.contains($0) } + [factor.value]
            changed[factor.item] = .multiChoice(options.map(\.value).filter(values.contains))
        default:
            changed[factor.item] = .boolean(.yes)
        }
        return changed
    }

    @Test func everyCompletePathScoresEveryNutrient() async {
        let q = Default.questionnaire
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            #expect(Navigator(questionnaire: q).isComplete(answers, skipped: []))
            let assessment = Assessor(questionnaire: q, today: .machine).assess(answers, completed: RandomAnswers.completed)
            #expect(Set(assessment.nutrients.map(\.id)) == Set(q.nutrients.map(\.id)), "seed \(seed)")
            #expect(assessment.unanswered.isEmpty, "seed \(seed): \(assessment.unanswered)")
            #expect(assessment.triage.level == assessment.triggers.map(\.urgency).max(), "seed \(seed)")
            for nutrient in assessment.nutrients {
                #expect(nutrient.score == (nutrient.supporting + nutrient.contrary).reduce(0) { $0 + $1.points })
            }
        }
    }

    @Test func addingARiskFactorNeverLowersThatNutrientsScore() async {
        let q = Default.questionnaire
        let assessor = Assessor(questionnaire: q, today: .machine)
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            let before = assessor.assess(answers, completed: RandomAnswers.completed)
            for (nutrient, factors) in Self.riskFactors {
                let factor = factors.randomElement(using: &rng)!
                let after = assessor.assess(Self.adding(factor, to: answers, in: q), completed: RandomAnswers.completed)
                let old = before.nutrients.first { $0.id == nutrient }!.score
                let new = after.nutrients.first { $0.id == nutrient }!.score
                #expect(new >= old, "seed \(seed): adding \(factor) lowered \(nutrient) from \(old) to \(new)")
            }
        }
    }
}
