import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

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

    @Test func aHighAuditCFeedsThiamineFolateAndMagnesiumStrongly() {
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
        // Drinking just above the cut-off (AUDIT-C 4 in a man) is hazardous drinking, a reason for
        // brief advice (NICE PH24), not the intake that causes deficiencies: no points for folate.
        let positive = Default.assess(["audit_q1": .string("two_to_three_weekly"), "audit_q2": .string("three_four"), "audit_q3": .string("never")])
        #expect(positive.instruments.first { $0.id == "audit_c" }?.total == 4)
        #expect(positive.nutrients.first { $0.id == "folate" }?.score == 0)
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
