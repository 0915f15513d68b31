import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// An inferred pattern never contradicts an answer, an acute pattern needs an acute onset, and
/// a warning sign said yes to leads its level (CLINICAL §0; issue 23).
@Suite struct TriageGateTests {
    /// Each emergency pattern and the warning sign it stands for, from CLINICAL §3 (rows 1–10).
    static let signs: [String: (item: String, options: Set<String>)] = [
        "stroke_signs": ("ws_recent", ["one_side", "speech_sight"]),
        "spreading_weakness": ("ws_recent", ["spreading"]),
        "severe_weakness": ("ws_now", ["cannot_stand"]),
        "cauda_equina": ("ws_recent", ["saddle"]),
        "cord_compression": ("ws_recent", ["cancer_back"]),
        "chest_pain": ("ws_now", ["chest_pain"]),
        "breathless_at_rest": ("ws_now", ["breathless_rest"]),
        "heart_rhythm": ("ws_now", ["heart_racing", "fainted"]),
        "tetany_seizure": ("ws_now", ["seizure", "spasm_lock", "throat"]),
        "rhabdomyolysis": ("ws_now", ["cola_urine"]),
        "gut_bleeding": ("ws_recent", ["black_stools"]),
    ]

    /// The calm baseline without the warning-sign lists: answers from an older questionnaire or
    /// an import that never asked them.
    static func withoutWarningSigns(_ changes: [String: PlainValue]) -> AnswerSet {
        var answers = Default.answers(changes)
        for id in ["ws_now", "ws_recent"] where changes[id] == nil { answers[id] = nil }
        return answers
    }

    static func chosen(_ answers: AnswerSet, _ item: String) -> Set<String>? {
        if case .multiChoice(let values)? = answers[item] { return Set(values) }
        return nil
    }

    /// Whenever the person answered a warning-sign list without the sign a pattern stands for,
    /// that pattern does not fire, and no warning rests on a sign listed as answered no.
    @Test func anInferredPatternNeverFiresAgainstAnAnswer() async {
        let q = Default.questionnaire
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            let assessment = Assessor(questionnaire: q).assess(answers, completed: RandomAnswers.completed)
            let ruledOut = Set(assessment.ruledOut.map { "\($0.item).\($0.value)" })
            for trigger in assessment.triggers {
                guard let sign = Self.signs[trigger.id], let said = Self.chosen(answers, sign.item) else { continue }
                #expect(!said.isDisjoint(with: sign.options), "seed \(seed): \(trigger.id) fired though \(sign.item) was \(said.sorted())")
                #expect(sign.options.allSatisfy { !ruledOut.contains("\(sign.item).\($0)") }, "seed \(seed): \(trigger.id) beside 'answered no'")
            }
        }
    }

    /// The patterns still reach people whose answers never asked the warning signs.
    @Test(arguments: ["spreading_weakness", "cauda_equina", "heart_rhythm"])
    func aPatternStillFiresWhenTheSignWasNeverAsked(_ id: String) throws {
        let answers = try #require(TriagePathTests.secondPaths[id])
        let withSigns = Default.assess(answers)
        let without = Assessor(questionnaire: Default.questionnaire).assess(Self.withoutWarningSigns(answers))
        #expect(without.triggers.contains { $0.id == id })
        #expect(!withSigns.triggers.contains { $0.id == id }, "\(id) fired against 'None of these'")
    }

    /// Row 6: weakness that makes it hard to stand is an emergency when it is new, not after months.
    @Test(arguments: [("under_1_week", true), ("weeks_1_to_4", true), ("months_1_to_6", false), ("over_6_months", false)])
    func severeWeaknessNeedsAnAcuteOnset(since: String, fires: Bool) {
        let answers = Self.withoutWarningSigns(
            TriggerTests.symptom([
                "symptoms": .list(["weakness"]), "weakness_where": .list(["all_over"]), "weakness_side": .string("both"),
                "weakness_severe": .bool(true), "main_since": .string(since), "main_course": .string("worse"),
            ]))
        let assessment = Assessor(questionnaire: Default.questionnaire).assess(answers)
        #expect(assessment.triggers.contains { $0.id == "severe_weakness" } == fires, "\(assessment.triggers.map(\.id))")
    }

    /// Within a level, a warning sign said yes to leads a pattern inferred from other answers,
    /// even one declared earlier in the questionnaire.
    @Test func aSignSaidYesLeadsItsLevel() {
        var answers = Self.withoutWarningSigns(
            TriggerTests.symptom([
                "symptoms": .list(["weakness"]), "weakness_where": .list(["all_over"]), "weakness_side": .string("both"),
                "weakness_severe": .bool(true), "main_since": .string("under_1_week"), "main_course": .string("worse"),
            ]))
        answers["ws_recent"] = .multiChoice(["black_stools"])
        let fired = Assessor(questionnaire: Default.questionnaire).assess(answers).triggers.map(\.id)
        #expect(fired.contains("severe_weakness"))
        #expect(fired.first == "gut_bleeding", "\(fired)")
    }
}
