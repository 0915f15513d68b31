import Foundation
import Testing

@testable import Screening

@Suite struct DefaultQuestionnaireTests {
    let q = Default.questionnaire

    @Test func coversEveryTargetTheProductPromises() {
        #expect(
            q.targets.map(\.id).sorted() == [
                "b12", "b6_high", "b6_low", "calcium", "folate", "iron", "magnesium", "potassium", "thiamine", "vitamin_d", "vitamin_e",
            ])
        #expect(Set(q.instruments.map(\.id)) == ["mnsi", "irlssg", "audit_c"])
    }

    @Test func everyRuleAndTriggerCarriesAReasonAndASource() {
        for target in q.targets {
            #expect(!target.rules.isEmpty)
            #expect(!target.tests.isEmpty && !target.foods.isEmpty, "\(target.id) needs tests and foods")
            for rule in target.rules {
                #expect(!rule.reason.isEmpty && !rule.source.isEmpty, "\(target.id): \(rule.condition.source)")
                #expect(rule.source.contains("seed") || rule.source.contains("CLINICAL"), "\(target.id): \(rule.source)")
            }
        }
        for trigger in q.triggers {
            #expect(!trigger.message.isEmpty && (trigger.source.contains("CLINICAL") || trigger.source.contains("seed")), "\(trigger.id)")
        }
        for instrument in q.instruments { #expect(instrument.source.contains("CLINICAL")) }
        for advice in q.advice { #expect(!advice.source.isEmpty) }
    }

    @Test func everyQuestionSaysWhyItIsAsked() {
        for item in q.questions { #expect(item.help?.isEmpty == false, "\(item.id) has no help") }
    }

    @Test func emergencyQuestionsComeFirst() {
        let first = q.sections[0]
        #expect(first.id == "warning_signs")
        let emergencyItems = q.triggers.filter { $0.urgency == .emergency }.flatMap { $0.condition.expression.references }
        #expect(emergencyItems.filter { $0.hasPrefix("rf_") }.allSatisfy { id in first.items.contains { $0.id == id } })
    }

    @Test func wordingScreensAndNeverDiagnoses() throws {
        let text = try String(contentsOfFile: Default.path, encoding: .utf8).lowercased()
        for phrase in ["you have a deficiency", "you are deficient", "diagnosis:", "you have b12"] {
            #expect(!text.contains(phrase), "found '\(phrase)'")
        }
        #expect(Assessment.standardDisclaimer.contains("not a diagnosis"))
    }

    // MARK: Targets

    /// For each target: answers that reach Likely, and a near miss one factor short.
    static let targetCases: [(target: String, likely: [String: PlainValue], nearMiss: [String: PlainValue])] = [
        (
            "b12",
            [
                "diet": .string("vegan"), "b12_fortified": .bool(false), "symptoms": .list(["tingling", "balance", "fatigue"]),
                "tingling_side": .string("both"),
            ],
            [
                "diet": .string("vegan"), "b12_fortified": .bool(true), "symptoms": .list(["tingling", "balance", "fatigue"]),
                "tingling_side": .string("both"),
            ]
        ),
        (
            "folate",
            Default.heavyDrinker.merging(["plant_foods": .string("rarely"), "symptoms": .list(["sore_tongue"])]) { $1 },
            Default.heavyDrinker.merging(["plant_foods": .string("most_days"), "symptoms": .list(["sore_tongue"])]) { $1 }
        ),
        (
            "b6_low",
            [
                "age": .number(70), "conditions": .list(["kidney_disease"]), "dialysis": .bool(true), "medicines": .list(["anticonvulsant"]),
                "symptoms": .list(["tingling", "memory_mood"]),
            ],
            ["age": .number(70), "conditions": .list(["kidney_disease"]), "dialysis": .bool(true), "symptoms": .list(["tingling", "memory_mood"])]
        ),
        (
            "b6_high",
            ["supplements": .list(["b_complex"]), "b6_dose": .string("fifty_plus"), "b6_duration": .string("over_6_months")],
            ["supplements": .list(["b_complex"]), "b6_dose": .string("fifty_plus"), "b6_duration": .string("under_1_month")]
        ),
        (
            "thiamine",
            Default.heavyDrinker.merging(["eating_less": .bool(true), "symptoms": .list(["burning"])]) { $1 },
            Default.heavyDrinker.merging(["eating_less": .bool(false), "symptoms": .list(["burning"])]) { $1 }
        ),
        (
            "magnesium",
            ["medicines": .list(["ppi", "thiazide"]), "ppi_long": .bool(true), "symptoms": .list(["cramps"])],
            ["medicines": .list(["ppi", "thiazide"]), "ppi_long": .bool(false), "symptoms": .list(["cramps"])]
        ),
        (
            "potassium",
            [
                "medicines": .list(["loop_diuretic"]), "vomiting_diarrhoea": .string("prolonged"), "keeps_fluids_down": .bool(true),
                "symptoms": .list(["weakness"]),
            ],
            [
                "medicines": .list(["loop_diuretic"]), "vomiting_diarrhoea": .string("brief"), "keeps_fluids_down": .bool(true),
                "symptoms": .list(["weakness"]),
            ]
        ),
        (
            "calcium",
            ["surgery": .list(["neck_surgery"]), "symptoms": .list(["mouth_tingling", "spasms"])],
            ["symptoms": .list(["mouth_tingling", "spasms"])]
        ),
        (
            "vitamin_d",
            ["sun": .string("little"), "skin_tone": .string("dark"), "symptoms": .list(["bone_pain"])],
            ["sun": .string("little"), "skin_tone": .string("light"), "symptoms": .list(["bone_pain"])]
        ),
        (
            "vitamin_e",
            ["conditions": .list(["liver_pancreas"]), "symptoms": .list(["balance", "numbness"]), "balance_dark": .bool(true)],
            ["symptoms": .list(["balance", "numbness"]), "balance_dark": .bool(true)]
        ),
        (
            "iron",
            ["sex": .string("female"), "heavy_periods": .bool(true), "symptoms": .list(["cravings", "fatigue"])],
            ["sex": .string("female"), "heavy_periods": .bool(false), "symptoms": .list(["cravings", "fatigue"])]
        ),
    ]

    @Test func everyTargetHasACase() {
        #expect(Set(Self.targetCases.map(\.target)) == Set(q.targets.map(\.id)))
    }

    @Test(arguments: targetCases.map(\.target))
    func targetReachesLikelyAndItsNearMissDoesNot(_ id: String) throws {
        let testCase = try #require(Self.targetCases.first { $0.target == id })
        let likely = try #require(Default.assess(testCase.likely).targets.first { $0.id == id })
        let near = try #require(Default.assess(testCase.nearMiss).targets.first { $0.id == id })
        #expect(likely.band == .likely, "\(id): \(likely.score) with \(likely.supporting.map(\.reason))")
        #expect(near.band < .likely, "\(id): near miss scored \(near.score)")
        #expect(near.score < likely.score)
        #expect(!likely.supporting.isEmpty && likely.supporting.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func contraryEvidenceIsListedWithNegativePoints() throws {
        let result = try #require(
            Default.assess(["diet": .string("vegan"), "b12_fortified": .bool(true), "supplements": .list(["b12"])]).targets.first { $0.id == "b12" })
        #expect(result.contrary.map(\.points) == [-3])
        #expect(result.contrary[0].evidence.first?.answer == "Vitamin B12")
    }

    @Test func theBaselineFlagsNothing() {
        let assessment = Default.assess([:])
        #expect(assessment.flaggedTargets.isEmpty, "\(assessment.flaggedTargets.map { "\($0.id) \($0.score)" })")
        #expect(assessment.triage.level == nil)
        #expect(assessment.targets.count == 11)
    }
}

@Suite struct SupplementDoseTests {
    @Test func doseQuestionsFollowTheProductsAndHighMagnesiumGetsAdvice() {
        let q = Default.questionnaire
        let none = Navigator(questionnaire: q).visibleItems(Default.answers([:])).map(\.id)
        #expect(!none.contains("magnesium_dose") && !none.contains("b6_dose") && !none.contains("folic_acid_dose"))
        let taking = Navigator(questionnaire: q).visibleItems(Default.answers(["supplements": .list(["folic_acid", "magnesium_b6"])])).map(\.id)
        #expect(taking.contains("magnesium_dose") && taking.contains("b6_dose") && taking.contains("folic_acid_dose"))
        let high = Default.assess(["supplements": .list(["magnesium"]), "magnesium_dose": .string("over_350")])
        #expect(high.advice.contains { $0.id == "magnesium_dose" && $0.source.contains("§1.5") })
        #expect(
            !Default.assess(["supplements": .list(["magnesium"]), "magnesium_dose": .string("under_350")]).advice.contains {
                $0.id == "magnesium_dose"
            })
    }
}
