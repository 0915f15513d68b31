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

/// Defence in depth: no emergency hangs on one answer, either way.
@Suite struct TriagePathTests {
    /// Answers after the warning signs that reach each emergency or urgent pattern a warning sign
    /// also reaches, with every warning-sign list answered "None of these".
    static let secondPaths: [String: [String: PlainValue]] = [
        "stroke_signs": TriggerTests.symptom([
            "symptoms": .list(["numbness"]), "sensory_where": .list(["arms", "legs"]), "sensory_side": .string("one"),
            "main_since": .string("under_1_week"), "main_onset": .string("sudden"), "main_course": .string("gone"),
        ]),
        "spreading_weakness": TriggerTests.symptom([
            "symptoms": .list(["weakness"]), "weakness_where": .list(["lower_legs", "hands"]), "weakness_side": .string("both"),
            "main_since": .string("under_1_week"), "main_course": .string("worse"),
        ]),
        "severe_weakness": TriggerTests.symptom(["symptoms": .list(["weakness"]), "weakness_severe": .bool(true)]),
        "cauda_equina": TriggerTests.symptom([
            "symptoms": .list(["numbness"]), "sensory_where": .list(["saddle"]), "body_symptoms": .list(["back_pain"]),
        ]),
        "cord_compression": TriggerTests.symptom([
            "conditions": .list(["cancer"]), "body_symptoms": .list(["back_pain"]), "symptoms": .list(["weakness"]),
            "weakness_where": .list(["lower_legs"]), "main_course": .string("worse"),
        ]),
        "chest_pain": TriggerTests.symptom([
            "body_symptoms": .list(["palpitations"]), "palpitations_when": .string("recent"), "palpitations_with": .list(["chest_pain"]),
        ]),
        "breathless_at_rest": TriggerTests.symptom(["body_symptoms": .list(["breathless"]), "breathless_when": .string("rest")]),
        "heart_rhythm": TriggerTests.symptom([
            "medicines": .list(["loop_diuretic", "thiazide"]), "diarrhoea": .string("prolonged"), "symptoms": .list(["weakness", "cramps"]),
            "cramps_when": .string("any_time"), "body_symptoms": .list(["palpitations"]), "palpitations_when": .string("recent"),
            "palpitations_with": .list(["none"]),
        ]),
        "tetany_seizure": TriggerTests.symptom(["symptoms": .list(["spasms"]), "spasms_lock": .bool(true)]),
        "wernicke": TriggerTests.symptom([
            "symptoms": .list(["balance"]), "body_symptoms": .list(["double_vision"]), "main_since": .string("weeks_1_to_4"),
        ]).merging(Default.heavyDrinker) { $1 },
        "rhabdomyolysis": TriggerTests.symptom(["symptoms": .list(["muscle_pain"]), "muscle_pain_urine": .bool(true)]),
        "gut_bleeding": ["stool_blood": .string("black"), "stool_blood_recent": .bool(true)],
        "fluids_with_risk": ["vomiting": .string("prolonged"), "fluids_kept_down": .bool(false), "medicines": .list(["thiazide"])],
        "fluids_not_kept": ["vomiting": .string("brief"), "fluids_kept_down": .bool(false)],
        "fainting": TriggerTests.symptom(["body_symptoms": .list(["dizzy_standing"]), "dizzy_fainted": .bool(true)]),
        "new_confusion": TriggerTests.symptom(["body_symptoms": .list(["memory"]), "main_since": .string("weeks_1_to_4")]),
    ]

    static let warningSignItems: Set<String> = ["ws_now", "ws_recent"]

    /// Triggers whose condition reads a warning-sign list, directly or through computed values.
    static var warningSignTriggers: [Trigger] {
        Default.questionnaire.triggers.filter { trigger in
            trigger.condition.expression.references.contains { Self.warningSignItems.contains($0) }
        }
    }

    @Test func everyEmergencyAndUrgentWarningSignHasASecondPath() {
        let needing = Set(Self.warningSignTriggers.filter { $0.urgency >= .urgent }.map(\.id))
        #expect(needing.isSubset(of: Set(Self.secondPaths.keys)), "no second path: \(needing.subtracting(Self.secondPaths.keys))")
    }

    @Test(arguments: secondPaths.keys.sorted())
    func theLaterAnswersAloneStillRaiseIt(_ id: String) throws {
        let answers = try #require(Self.secondPaths[id])
        #expect(answers["ws_now"] == nil && answers["ws_recent"] == nil)
        let assessment = Default.assess(answers)
        let trigger = try #require(assessment.triggers.first { $0.id == id }, "\(id) missed without its warning sign")
        if trigger.urgency == .emergency {
            #expect(Set(trigger.evidence.map(\.itemID)).count >= 2, "\(id) rests on one answer: \(trigger.evidence)")
        }
    }

    /// Every answer to every question asked of everyone after the warning signs, one at a time,
    /// on the calm baseline: none alone is an emergency.
    @Test func noSingleLaterAnswerIsAnEmergencyOnItsOwn() {
        let q = Default.questionnaire
        let shown = Navigator(questionnaire: q).visibleItems(Default.answers([:])).filter(\.takesAnswer)
        var checked = 0
        for item in shown where !Self.warningSignItems.contains(item.id) {
            for value in Self.everyAnswer(to: item) {
                let assessment = Default.assess([item.id: value])
                #expect(assessment.triage.level != .emergency, "\(item.id) = \(value) alone: \(assessment.triggers.map(\.id))")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// Whenever an emergency fires with both warning-sign lists answered "None of these", at least
    /// two different answers are behind it.
    @Test func anEmergencyWithoutAWarningSignRestsOnTwoAnswers() async {
        let q = Default.questionnaire
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            var answers = RandomAnswers.completePath(q, &rng)
            answers["ws_now"] = .multiChoice(["none"])
            answers["ws_recent"] = .multiChoice(["none"])
            for trigger in Assessor(questionnaire: q).assess(answers, completed: RandomAnswers.completed).triggers where trigger.urgency == .emergency
            {
                #expect(Set(trigger.evidence.map(\.itemID)).count >= 2, "seed \(seed): \(trigger.id) on \(trigger.evidence)")
            }
        }
    }

    static func everyAnswer(to item: Item) -> [PlainValue] {
        switch item.kind {
        case let boolean as BooleanKind: [.bool(true), .bool(false)] + (boolean.allowsUnsure ? [.string("unsure")] : [])
        case let choice as ChoiceKind: choice.options.map { .string($0.value) }
        case let multi as MultiChoiceKind: multi.options.map { .list([$0.value]) }
        case let number as any NumberKind: [number.range.min ?? 0, number.range.max ?? 100].map { .number($0) }
        case let date as DateKind: [date.min ?? CalendarDate(year: 1950, month: 1, day: 1)!, CalendarDate(Date())].map { .string($0.iso) }
        case is TextKind: [.string("anything")]
        default: []
        }
    }
}

@Suite struct InstrumentTests {
    private func instrument(_ id: String, _ changes: [String: PlainValue]) -> Assessment.InstrumentResult? {
        Default.assess(changes).instruments.first { $0.id == id }
    }

    private func mnsi(yes: Set<Int>) -> [String: PlainValue] {
        var answers = TriggerTests.symptom(["symptoms": .list(["numbness"]), "sensory_where": .list(["feet"])])
        for n in 1...15 { answers["mnsi_\(n)"] = .bool(yes.contains(n)) }
        return answers
    }

    @Test func mnsiScoresReverseItemsAndIgnoresItems4And10() {
        // Every item yes: 11 scored yes-items; 7 and 13 (yes) score 0; 4 and 10 are not scored.
        #expect(instrument("mnsi", mnsi(yes: Set(1...15)))?.total == 11)
        #expect(instrument("mnsi", mnsi(yes: Set(1...15)))?.result == "Likely neuropathy")
        // Every item no: only the reverse-scored 7 and 13 count.
        #expect(instrument("mnsi", mnsi(yes: []))?.total == 2)
        #expect(instrument("mnsi", mnsi(yes: []))?.result == "Below cut-off")
        // Items 4 and 10 alone change nothing.
        #expect(instrument("mnsi", mnsi(yes: [4, 7, 10, 13]))?.total == 0)
        // 1, 2 plus 7 and 13 answered no: 4, the lower cut-off.
        let four = instrument("mnsi", mnsi(yes: [1, 2]))
        #expect(four?.total == 4)
        #expect(four?.result == "Possible neuropathy")
        #expect(four?.maximum == 13)
        #expect(instrument("mnsi", mnsi(yes: [1, 2, 3, 5, 7, 13, 6, 8]))?.total == 6)
        #expect(instrument("mnsi", mnsi(yes: [1, 2, 3, 5, 13, 6, 8]))?.total == 7)
    }

    @Test func mnsiIsNotReportedWhenNotAsked() {
        #expect(instrument("mnsi", [:]) == nil)
    }

    private func rls(_ urge: Bool, mimic: Bool, frequent: Bool) -> [String: PlainValue] {
        TriggerTests.symptom([
            "symptoms": .list(["restless_legs"]), "rls_urge": .bool(urge), "rls_rest": .bool(true), "rls_movement": .bool(true),
            "rls_evening": .bool(true),
            "rls_mimic": .bool(mimic), "rls_frequency": .string(frequent ? "twice_weekly_plus" : "less"), "rls_impact": .bool(true),
        ])
    }

    @Test func irlssgNeedsAllFiveCriteriaWithCriterionFiveAnsweredNo() {
        #expect(instrument("irlssg", rls(true, mimic: false, frequent: true))?.result == "Criteria met: chronic-persistent")
        #expect(instrument("irlssg", rls(true, mimic: false, frequent: false))?.result == "Criteria met: intermittent")
        let mimic = instrument("irlssg", rls(true, mimic: true, frequent: true))
        #expect(mimic?.total == 4)
        #expect(mimic?.result == "Criteria not met")
        #expect(mimic?.positive == false)
        #expect(instrument("irlssg", rls(false, mimic: false, frequent: true))?.total == 4)
        // Meeting the criteria feeds iron.
        let iron = Default.assess(rls(true, mimic: false, frequent: true)).nutrients.first { $0.id == "iron" }
        #expect(iron?.supporting.contains { $0.points == 3 && $0.reason.contains("IRLSSG") } == true)
    }

    private func audit(_ sex: String, _ q1: String, _ q2: String, _ q3: String) -> [String: PlainValue] {
        [
            "sex": .string(sex), "audit_q1": .string(q1), "audit_q2": .string(q2), "audit_q3": .string(q3), "menopause": .bool(false),
            "heavy_periods": .bool(false),
        ]
    }

    @Test func auditCUsesTheCutOffForEachSex() {
        // 2 + 1 + 0 = 3: positive for a woman, negative for a man.
        let three = audit("female", "two_to_four_monthly", "three_four", "never")
        #expect(instrument("audit_c", three)?.total == 3)
        #expect(instrument("audit_c", three)?.result == "Positive")
        #expect(instrument("audit_c", audit("male", "two_to_four_monthly", "three_four", "never"))?.result == "Negative")
        // 3 + 1 + 0 = 4: positive for a man.
        #expect(instrument("audit_c", audit("male", "two_to_three_weekly", "three_four", "never"))?.result == "Positive")
        // 4 + 4 + 4 = 12, the maximum, high.
        let top = instrument("audit_c", audit("male", "four_plus_weekly", "ten_plus", "daily"))
        #expect(top?.total == 12)
        #expect(top?.result == "High (positive)")
        // A non-drinker scores 0 with the follow-up questions not asked.
        #expect(instrument("audit_c", ["audit_q1": .string("never")])?.total == 0)
    }

    @Test func aPositiveAuditCFeedsThiamineFolateAndMagnesiumStrongly() {
        // AUDIT-C 10 (high): a strong risk for thiamine, folate and magnesium; moderate for B12, B6 and potassium.
        let drinking = Default.assess(Default.heavyDrinker.merging(["audit_q2": .string("seven_nine")]) { $1 })
        for id in ["thiamine", "folate", "magnesium"] {
            let nutrient = drinking.nutrients.first { $0.id == id }
            #expect(nutrient?.supporting.contains { $0.points == 3 && $0.evidence.contains { $0.itemID.hasPrefix("audit_q") } } == true, "\(id)")
        }
        for id in ["b12", "b6_low", "potassium"] {
            let nutrient = drinking.nutrients.first { $0.id == id }
            #expect(nutrient?.supporting.contains { $0.points == 2 && $0.evidence.contains { $0.itemID.hasPrefix("audit_q") } } == true, "\(id)")
        }
        // Drinking just above the cut-off (AUDIT-C 4 in a man) counts less for folate than heavy drinking.
        let moderate = Default.assess(["audit_q1": .string("two_to_three_weekly"), "audit_q2": .string("three_four"), "audit_q3": .string("never")])
        #expect(moderate.nutrients.first { $0.id == "folate" }?.score == 2)
    }
}

@Suite struct EvidenceTests {
    @Test func evidenceCitesOnlyTheBranchesThatHeld() throws {
        // Iron signs in a man: the trigger cites the sex and the iron answers, not the bowel branch.
        let assessment = Default.assess(TriggerTests.symptom(["body_symptoms": .list(["cravings", "fatigue"])]))
        let trigger = try #require(assessment.triggers.first { $0.id == "iron_check" })
        let cited = Set(trigger.evidence.map(\.itemID))
        #expect(cited.contains("sex"))
        #expect(!cited.contains("stool_blood") && !cited.contains("menopause"))
        // The band is cited as the result it is, not as every answer behind it.
        #expect(trigger.evidence.contains { $0.itemID == "band(iron)" && $0.question == "Iron" && $0.answer == "Possible" })
        #expect(!cited.contains("body_symptoms"))
    }
}
