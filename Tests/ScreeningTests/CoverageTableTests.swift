import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// The coverage table (issue #25): every guideline risk factor and key symptom traced to the
/// question that asks it and the rule that scores it, or said to be left out and why; every rule
/// traced back; and no strong risk lost to pruning while its nutrient is flagged.
@Suite struct CoverageTableTests {
    static let file = "coverage.yaml"

    static func read(_ text: String) -> (table: CoverageTable, diagnostics: [Diagnostic]) {
        CoverageTable.read(Data(text.utf8), file: file)
    }

    static let shippedText: String = (try? String(contentsOfFile: CoverageTable.path, encoding: .utf8)) ?? ""
    static let shipped = CoverageTable.read(Data(shippedText.utf8), file: CoverageTable.path)

    /// The problems of a table written here, in the table itself (not the rules it leaves unnamed).
    static func ownProblems(_ text: String) -> [String] {
        let (table, read) = Self.read(text)
        return (read + table.problems(against: Default.questionnaire)).filter { $0.location.file == file }.map(\.description)
    }

    static let header = "covers: neuro_nutrition\nnutrients:\n  b12:\n"

    @Test func theShippedTableIsCleanAndCoversEveryNutrientAndOtherCause() {
        let (table, read) = Self.shipped
        #expect(!Self.shippedText.isEmpty, "cannot read \(CoverageTable.path)")
        #expect(read.isEmpty, "\(read.map(\.description).joined(separator: "\n"))")
        let problems = table.problems(against: Default.questionnaire)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(Set(table.nutrients.map(\.text)) == Set(Default.questionnaire.nutrients.map(\.id)))
        #expect(Set(table.otherCauses.map(\.text)) == Set(Default.questionnaire.otherCauses.map(\.id)))
        // Each nutrient has its strong or moderate risks and its key symptoms written down.
        for nutrient in Default.questionnaire.nutrients {
            let rows = table.rows.filter { $0.block == nutrient.id }
            #expect(rows.contains { [.strong, .moderate].contains($0.strength) }, "\(nutrient.id)")
            #expect(rows.contains { $0.strength == .symptom }, "\(nutrient.id)")
        }
    }

    @Test func aRowNamingNoQuestionOrRuleIsLocated() {
        let problems = Self.ownProblems(
            Self.header + """
                    - { fact: "Age", strength: strong, references: [nice_ng239] }
                    - { fact: "Age", strength: strong, asks: [age], references: [nice_ng239] }
                    - { fact: "Age", strength: strong, asks: [age], rules: [b12.age_65], notAsked: "both", references: [nice_ng239] }
                    - { fact: "Age", strength: strongest, asks: [age], rules: [b12.age_65], references: [nice_ng239] }
                """)
        #expect(problems.contains("coverage.yaml:4:7: the row names no question: give 'asks', or 'notAsked' with why"), "\(problems)")
        #expect(problems.contains("coverage.yaml:4:7: the row names no rule: give 'rules', or 'notAsked' with why"))
        #expect(problems.contains("coverage.yaml:5:7: the row names no rule: give 'rules', or 'notAsked' with why"))
        #expect(problems.contains("coverage.yaml:6:7: a row that is not asked names no question or rule"))
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:7:32: unknown strength 'strongest'; did you mean 'strong'?") }, "\(problems)")
    }

    @Test func anUnknownQuestionOptionRuleOrReferenceIsLocatedWithASuggestion() {
        let problems = Self.ownProblems(
            Self.header + """
                    - { fact: "Vegan", strength: strong, asks: [deit, diet.vegn], rules: [b12.vegn, b12_vegan, folate.vegan], references: [nice_ng293] }
                  b13:
                    - { fact: "x", strength: weak, notAsked: "why", references: [nice_ng239] }
                """)
        #expect(problems.contains("coverage.yaml:4:49: unknown question 'deit'; did you mean 'diet'?"), "\(problems)")
        #expect(problems.contains("coverage.yaml:4:55: diet has no option 'vegn'; did you mean 'vegan'?"))
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:4:75: unknown rule 'b12.vegn'; did you mean 'b12.vegan'?") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:4:85: unknown rule 'b12_vegan'") })
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:4:96: unknown rule 'folate.vegan'") })
        #expect(problems.contains("coverage.yaml:4:124: unknown reference 'nice_ng293'; did you mean 'nice_ng239'?"))
        #expect(problems.contains("coverage.yaml:5:3: unknown nutrient 'b13'; did you mean 'b12'?"))
    }

    @Test func aQuestionItsRulesDoNotReadIsLocated() {
        let problems = Self.ownProblems(
            Self.header + """
                    - { fact: "Age", strength: strong, asks: [age, diet.vegan], rules: [b12.age_65], references: [nice_ng239] }
                """)
        #expect(problems == ["coverage.yaml:4:52: no rule this row names reads diet (b12.age_65)"], "\(problems)")
    }

    @Test func aStrongRiskMustBeARuleThatPruningKeepsAsking() {
        let problems = Self.ownProblems(
            Self.header + """
                    - { fact: "Unsteady", strength: strong, asks: [symptoms.balance], rules: [b12.balance], references: [nice_ng239] }
                    - { fact: "B12 tablets", strength: strong, asks: [supplements.b12], rules: [b12.supplement], references: [nice_ng239] }
                    - { fact: "Unsteady", strength: symptom, asks: [symptoms.balance], rules: [b12.balance], references: [nice_ng239] }
                """)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:4:79: b12.balance scores a strong risk but is a symptom rule") })
        #expect(problems.contains { $0.hasPrefix("coverage.yaml:5:81: b12.supplement scores a strong risk but is a risk rule with -3 points") })
    }

    @Test func aRuleOrOtherCauseNoRowNamesIsReportedWhereTheQuestionnaireDeclaresIt() throws {
        let lines = Self.shippedText.split(separator: "\n", omittingEmptySubsequences: false)
        let without = lines.filter { !$0.contains("rules: [b12.lhermitte]") && !$0.contains("rules: [low_blood_pressure]") }
        #expect(without.count == lines.count - 2)
        let (table, _) = Self.read(without.joined(separator: "\n"))
        let problems = table.problems(against: Default.questionnaire).map(\.description)
        let b12 = try #require(Default.questionnaire.nutrient("b12")).location
        let cause = try #require(Default.questionnaire.otherCauses.first { $0.id == "low_blood_pressure" }).location
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(b12): rule b12.lhermitte (") && $0.hasSuffix("is named by no row of the coverage table") })
        #expect(problems.contains("\(cause): other cause low_blood_pressure is named by no row of the coverage table"))
    }

    @Test func aNutrientOrOtherCauseWithoutABlockIsReported() throws {
        let (table, _) = Self.read(Self.header + "    - { fact: \"x\", strength: weak, notAsked: \"why\", references: [nice_ng239] }\n")
        let problems = table.problems(against: Default.questionnaire).map(\.description)
        let iron = try #require(Default.questionnaire.nutrient("iron")).location
        let arteries = try #require(Default.questionnaire.otherCauses.first { $0.id == "leg_arteries" }).location
        #expect(problems.contains("\(iron): nutrient 'iron' has no block in the coverage table"))
        #expect(problems.contains("\(arteries): other cause 'leg_arteries' has no block in the coverage table"))
        #expect(!problems.contains { $0.contains("nutrient 'b12' has no block") })
    }
}
