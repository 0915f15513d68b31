import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

@Suite struct TriggerTests {
    /// A symptom chosen with the shared follow-ups answered: started slowly, 1 to 6 months ago, steady.
    static func symptom(_ changes: [String: PlainValue]) -> [String: PlainValue] {
        ["main_since": .string("months_1_to_6"), "main_onset": .string("gradual"), "main_course": .string("same")].merging(changes) { $1 }
    }

    /// For each trigger: answers that fire it, and a close but harmless pattern that must not.
    static let cases: [(trigger: String, fires: [String: PlainValue], silent: [String: PlainValue])] = [
        ("stroke_signs", ["ws_recent": .list(["one_side"])], symptom(["symptoms": .list(["weakness"]), "weakness_side": .string("both")])),
        ("spreading_weakness", ["ws_recent": .list(["spreading"])], symptom(["symptoms": .list(["weakness"]), "weakness_side": .string("both")])),
        ("severe_weakness", ["ws_now": .list(["cannot_stand"])], symptom(["symptoms": .list(["weakness"]), "weakness_severe": .bool(false)])),
        (
            "cauda_equina", ["ws_recent": .list(["saddle"])],
            symptom(["symptoms": .list(["numbness"]), "sensory_where": .list(["feet"]), "body_symptoms": .list(["back_pain"])])
        ),
        (
            "cord_compression", ["ws_recent": .list(["cancer_back"])],
            symptom(["conditions": .list(["cancer"]), "body_symptoms": .list(["bone_pain"])])
        ),
        (
            "chest_pain", ["ws_now": .list(["chest_pain"])],
            symptom(["body_symptoms": .list(["palpitations"]), "palpitations_when": .string("weeks"), "palpitations_with": .list(["none"])])
        ),
        (
            "breathless_at_rest", ["ws_now": .list(["breathless_rest"])],
            symptom(["body_symptoms": .list(["breathless"]), "breathless_when": .string("exertion")])
        ),
        (
            "heart_rhythm", symptom(["ws_now": .list(["heart_racing"]), "symptoms": .list(["cramps"]), "cramps_when": .string("any_time")]),
            ["ws_now": .list(["heart_racing"])]
        ),
        ("tetany_seizure", ["ws_now": .list(["seizure"])], symptom(["symptoms": .list(["spasms"]), "spasms_lock": .bool(false)])),
        (
            "wernicke", symptom(["ws_recent": .list(["confusion"]), "symptoms": .list(["balance"])]).merging(Default.heavyDrinker) { $1 },
            symptom(["ws_recent": .list(["confusion"]), "symptoms": .list(["balance"])])
        ),
        (
            "rhabdomyolysis", ["ws_now": .list(["cola_urine"])],
            symptom(["hard_exercise": .bool(true), "symptoms": .list(["muscle_pain"]), "muscle_pain_urine": .bool(false)])
        ),
        ("gut_bleeding", ["ws_recent": .list(["black_stools"])], ["stool_blood": .string("black"), "stool_blood_recent": .bool(false)]),
        ("stool_blood_check", ["stool_blood": .string("red"), "stool_blood_recent": .bool(false)], ["stool_blood": .string("no")]),
        (
            "self_harm", symptom(["body_symptoms": .list(["low_mood"]), "self_harm": .string("several_days")]),
            symptom(["body_symptoms": .list(["low_mood"]), "self_harm": .string("not_at_all")])
        ),
        (
            "fluids_with_risk", ["vomiting": .string("prolonged"), "fluids_kept_down": .bool(false), "medicines": .list(["thiazide"])],
            ["vomiting": .string("prolonged"), "fluids_kept_down": .bool(false)]
        ),
        (
            "fluids_not_kept", ["vomiting": .string("brief"), "fluids_kept_down": .bool(false)],
            ["vomiting": .string("brief"), "fluids_kept_down": .bool(true)]
        ),
        ("fainting", ["ws_now": .list(["fainted"])], symptom(["body_symptoms": .list(["dizzy_standing"]), "dizzy_fainted": .bool(false)])),
        ("new_confusion", ["ws_recent": .list(["confusion"])], symptom(["body_symptoms": .list(["memory"])])),
        (
            "b12_spinal_cord",
            symptom(["nitrous_oxide": .string("often"), "symptoms": .list(["numbness", "balance"]), "main_course": .string("worse")]),
            symptom(["nitrous_oxide": .string("often"), "symptoms": .list(["numbness", "balance"]), "main_course": .string("same")])
        ),
        (
            "nitrous_oxide_nerves", symptom(["nitrous_oxide": .string("few_times"), "symptoms": .list(["tingling"])]),
            symptom(["nitrous_oxide": .string("few_times"), "body_symptoms": .list(["fatigue"])])
        ),
        (
            "motor_neurone_pattern",
            symptom([
                "symptoms": .list(["weakness", "twitching"]), "weakness_wasting": .bool(true), "twitching_where": .list(["arms_hands"]),
                "speech_swallow": .bool(false),
            ]),
            symptom(["symptoms": .list(["twitching"]), "twitching_where": .list(["arms_hands"]), "speech_swallow": .bool(false)])
        ),
        (
            "one_sided_progressive", symptom(["symptoms": .list(["weakness"]), "weakness_side": .string("one"), "main_course": .string("worse")]),
            symptom(["symptoms": .list(["weakness"]), "weakness_side": .string("one"), "main_course": .string("same")])
        ),
        (
            "focal_seizures", symptom(["symptoms": .list(["tingling"]), "brief_attacks": .bool(true)]),
            symptom(["symptoms": .list(["tingling"]), "brief_attacks": .bool(false)])
        ),
        (
            "weight_loss_with_nerves", symptom(["symptoms": .list(["numbness"]), "weight_change": .string("without_trying")]),
            symptom(["body_symptoms": .list(["fatigue"]), "weight_change": .string("without_trying")])
        ),
        (
            "iron_with_bowel_signs", symptom(["stool_blood": .string("red"), "body_symptoms": .list(["fatigue"])]),
            symptom(["sex": .string("female"), "age": .number(30), "stool_blood": .string("red"), "body_symptoms": .list(["fatigue"])])
        ),
        (
            "pregnancy_or_surgery_vomiting",
            [
                "sex": .string("female"), "age": .number(30), "pregnant": .string("pregnant"), "vomiting": .string("prolonged"),
                "fluids_kept_down": .bool(true),
            ],
            [
                "sex": .string("female"), "age": .number(30), "pregnant": .string("pregnant"), "vomiting": .string("brief"),
                "fluids_kept_down": .bool(true),
            ]
        ),
        (
            "after_neck_surgery",
            symptom(["surgery": .list(["neck_surgery"]), "neck_surgery_recent": .bool(true), "symptoms": .list(["mouth_tingling"])]),
            symptom(["surgery": .list(["neck_surgery"]), "neck_surgery_recent": .bool(false), "symptoms": .list(["mouth_tingling"])])
        ),
        ("refeeding_risk", ["eating_less": .bool(true), "refeeding": .bool(true)], ["eating_less": .bool(true), "refeeding": .bool(false)]),
        (
            "iron_check", symptom(["body_symptoms": .list(["cravings", "fatigue"])]),
            symptom(["sex": .string("female"), "age": .number(30), "heavy_periods": .bool(true), "body_symptoms": .list(["cravings", "fatigue"])])
        ),
        // Low iron with kidney disease goes to the kidney team (NICE NG8), not to the gut warning above.
        (
            "iron_check_kidney",
            symptom([
                "body_symptoms": .list(["cravings", "fatigue"]), "conditions": .list(["kidney_disease"]), "kidney_treatment": .string("dialysis"),
            ]),
            symptom(["body_symptoms": .list(["cravings", "fatigue"])])
        ),
        (
            "b6_toxicity", symptom(["supplements": .list(["b6"]), "b6_mg": .number(60), "symptoms": .list(["numbness"])]),
            symptom(["supplements": .list(["b6"]), "b6_mg": .number(5), "symptoms": .list(["numbness"])])
        ),
        (
            "folic_acid_masking",
            symptom(["supplements": .list(["folic_acid"]), "folic_acid_dose": .string("one_mg_plus"), "symptoms": .list(["tingling"])]),
            symptom(["supplements": .list(["folic_acid"]), "folic_acid_dose": .string("under_1mg"), "symptoms": .list(["tingling"])])
        ),
        ("statin_muscles", symptom(["medicines": .list(["statin"]), "symptoms": .list(["muscle_pain"])]), ["medicines": .list(["statin"])]),
        (
            "palpitations_check",
            symptom(["body_symptoms": .list(["palpitations"]), "palpitations_when": .string("weeks"), "palpitations_with": .list(["none"])]),
            symptom(["body_symptoms": .list(["palpitations"]), "palpitations_when": .string("longer"), "palpitations_with": .list(["none"])])
        ),
        (
            "likely_nutrient",
            symptom([
                "diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(false),
                "symptoms": .list(["tingling", "balance"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
            ]),
            symptom([
                "diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(true),
                "symptoms": .list(["tingling", "balance"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
            ])
        ),
        (
            "low_potassium_cause", symptom(["medicines": .list(["laxative"]), "symptoms": .list(["weakness"])]),
            symptom(["medicines": .list(["thiazide"]), "diarrhoea": .string("brief"), "symptoms": .list(["weakness"])])
        ),
        (
            "refeeding_danger",
            symptom([
                "eating_less": .bool(true), "refeeding": .bool(true), "body_symptoms": .list(["palpitations"]),
                "palpitations_when": .string("recent"), "palpitations_with": .list(["none"]),
            ]),
            symptom([
                "eating_less": .bool(true), "refeeding": .bool(true), "body_symptoms": .list(["palpitations"]),
                "palpitations_when": .string("longer"), "palpitations_with": .list(["none"]),
            ])
        ),
        (
            "b12_nerve_features",
            symptom([
                "nitrous_oxide": .string("often"), "symptoms": .list(["numbness", "balance"]), "sensory_where": .list(["feet"]),
                "sensory_side": .string("both"), "falls": .bool(true),
            ]),
            symptom([
                "nitrous_oxide": .string("often"), "symptoms": .list(["numbness"]), "sensory_where": .list(["feet"]),
                "sensory_side": .string("both"),
            ])
        ),
        (
            "persistent_symptoms", symptom(["symptoms": .list(["tingling"]), "main_since": .string("over_6_months")]),
            symptom([
                "symptoms": .list(["twitching", "cramps"]), "twitching_where": .list(["eyelids"]), "cramps_when": .string("night"),
                "main_since": .string("over_6_months"), "main_course": .string("worse"), "speech_swallow": .bool(false),
            ])
        ),
    ]

    @Test func everyTriggerHasACase() {
        #expect(Set(Self.cases.map(\.trigger)) == Set(Default.questionnaire.triggers.map(\.id)))
    }

    @Test(arguments: cases.map(\.trigger))
    func triggerFiresOnItsPatternAndStaysSilentOnAHarmlessOne(_ id: String) throws {
        let testCase = try #require(Self.cases.first { $0.trigger == id })
        let fired = Default.assess(testCase.fires)
        let trigger = try #require(fired.triggers.first { $0.id == id }, "\(id) did not fire")
        #expect(!trigger.evidence.isEmpty)
        #expect(fired.triage.level == fired.triggers.map(\.urgency).max())
        let silent = Default.assess(testCase.silent)
        #expect(!silent.triggers.contains { $0.id == id }, "\(id) fired on the harmless pattern")
    }

    @Test func anIsolatedEyelidTwitchAndNightCrampsAloneRaiseNoFlagAtAll() {
        let assessment = Default.assess(Self.cases.last!.silent)
        #expect(assessment.triggers.isEmpty, "\(assessment.triggers.map(\.id))")
        #expect(assessment.flaggedNutrients.isEmpty, "\(assessment.flaggedNutrients.map(\.id))")
    }

    @Test func theMostUrgentTriggerWinsTheHeadlineAndAllAreListed() {
        let assessment = Default.assess(
            Self.symptom([
                "ws_now": .list(["chest_pain"]), "symptoms": .list(["tingling"]), "brief_attacks": .bool(true),
                "main_since": .string("over_6_months"),
            ]))
        #expect(assessment.triage.level == .emergency)
        #expect(assessment.triggers.map(\.urgency) == [.emergency, .urgent, .routine])
        #expect(assessment.triage.headline.hasPrefix("EMERGENCY"))
    }

    @Test func theBecauseLineCitesOnlyTheAnswersThatFiredTheTrigger() throws {
        // Chest pain ticked among warning signs: the trigger cites chest pain only, not the other options.
        let assessment = Default.assess(["ws_now": .list(["chest_pain", "fainted"])])
        let chest = try #require(assessment.triggers.first { $0.id == "chest_pain" })
        #expect(chest.evidence.map(\.answer) == ["Pain, pressure or tightness in your chest"])
    }
}
