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

    /// The patterns inferred from other answers (CLINICAL §0: the Guillain-Barré pattern from
    /// weakness on both sides, in two places or more, getting worse): never against the person's
    /// own "no" to the sign. The other patterns restate the sign in later, more specific answers
    /// (sudden weakness on one side, numbness between the legs with back pain), and still fire.
    static let inferred: Set<String> = ["spreading_weakness"]

    /// Whenever the person answered a warning-sign list without the sign an inferred pattern
    /// stands for, that pattern does not fire; and no warning that fires rests on a sign listed
    /// as answered no.
    @Test func noWarningContradictsAnAnswer() async {
        let q = Default.questionnaire
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            let assessment = Assessor(questionnaire: q, today: .machine).assess(answers, completed: RandomAnswers.completed)
            let ruledOut = Set(assessment.ruledOut.map { "\($0.item).\($0.value)" })
            for trigger in assessment.triggers {
                guard let sign = Self.signs[trigger.id] else { continue }
                if Self.inferred.contains(trigger.id), let said = Self.chosen(answers, sign.item) {
                    #expect(!said.isDisjoint(with: sign.options), "seed \(seed): \(trigger.id) fired though \(sign.item) was \(said.sorted())")
                }
                #expect(sign.options.allSatisfy { !ruledOut.contains("\(sign.item).\($0)") }, "seed \(seed): \(trigger.id) beside 'answered no'")
            }
        }
    }

    /// The Guillain-Barré pattern still reaches people whose answers never asked the warning signs.
    @Test func anInferredPatternFiresOnlyWhenTheSignWasNotDenied() throws {
        let answers = try #require(TriagePathTests.secondPaths["spreading_weakness"])
        let withSigns = Default.assess(answers)
        let without = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(Self.withoutWarningSigns(answers))
        #expect(without.triggers.contains { $0.id == "spreading_weakness" })
        #expect(!withSigns.triggers.contains { $0.id == "spreading_weakness" }, "fired against 'None of these'")
    }

    /// A sign given again in later answers (numbness between the legs with back pain; a racing
    /// heart in the last 2 days) still raises its warning, and the sign leaves the answered-no list.
    @Test(arguments: ["cauda_equina", "heart_rhythm", "stroke_signs"])
    func aSignGivenLaterLeavesTheAnsweredNoList(_ id: String) throws {
        let answers = try #require(TriagePathTests.secondPaths[id])
        let sign = try #require(Self.signs[id])
        let assessment = Default.assess(answers)
        #expect(assessment.triggers.contains { $0.id == id })
        #expect(!assessment.ruledOut.contains { $0.item == sign.item && sign.options.contains($0.value) })
        #expect(assessment.ruledOut.contains { $0.item == sign.item }, "the other signs of \(sign.item) are still listed")
    }

    /// Row 6: weakness that makes it hard to stand is an emergency when it is new, not after months.
    @Test(arguments: [("under_1_week", true), ("weeks_1_to_4", true), ("months_1_to_6", false), ("over_6_months", false)])
    func severeWeaknessNeedsAnAcuteOnset(since: String, fires: Bool) {
        let answers = Self.withoutWarningSigns(
            TriggerTests.symptom([
                "symptoms": .list(["weakness"]), "weakness_where": .list(["all_over"]), "weakness_side": .string("both"),
                "weakness_severe": .bool(true), "main_since": .string(since), "main_course": .string("worse"),
            ]))
        let assessment = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(answers)
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
        let fired = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(answers).triggers.map(\.id)
        #expect(fired.contains("severe_weakness"))
        #expect(fired.first == "gut_bleeding", "\(fired)")
    }
}
