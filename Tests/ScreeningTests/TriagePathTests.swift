import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

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
        "severe_weakness": TriggerTests.symptom([
            "symptoms": .list(["weakness"]), "weakness_severe": .bool(true), "main_since": .string("under_1_week"),
        ]),
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
        "refeeding_danger": TriggerTests.symptom([
            "eating_less": .bool(true), "refeeding": .bool(true), "body_symptoms": .list(["palpitations"]),
            "palpitations_when": .string("recent"), "palpitations_with": .list(["none"]),
        ]),
        "low_potassium_cause": TriggerTests.symptom(["medicines": .list(["laxative"]), "symptoms": .list(["weakness"])]),
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

    /// With the warning-sign lists answered "None of these", except for a pattern inferred from
    /// other answers, which never fires against that "no" (CLINICAL §0): its second path is for
    /// answers that never asked the warning signs (an older questionnaire, an import).
    @Test(arguments: secondPaths.keys.sorted())
    func theLaterAnswersAloneStillRaiseIt(_ id: String) throws {
        let answers = try #require(Self.secondPaths[id])
        #expect(answers["ws_now"] == nil && answers["ws_recent"] == nil)
        let inferred = Default.questionnaire.triggers.first { $0.id == id }?.inferred ?? false
        let assessment = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(
            inferred ? TriageGateTests.withoutWarningSigns(answers) : Default.answers(answers))
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
            for trigger in Assessor(questionnaire: q, today: .machine).assess(answers, completed: RandomAnswers.completed).triggers
            where trigger.urgency == .emergency {
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
        case let date as DateKind: [date.min ?? CalendarDate(year: 1950, month: 1, day: 1)!, Today.machine.day].map { .string($0.iso) }
        case is TextKind: [.string("anything")]
        default: []
        }
    }
}
