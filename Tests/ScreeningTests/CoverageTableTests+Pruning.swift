import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

extension CoverageTableTests {
    /// The strong risks of the table that hold for a person who gives `full`, but not in the
    /// pruned interview's answers, for a nutrient the pruned screening flags: a reason page 1
    /// would lose (heavy periods with iron already Likely, covered skin with vitamin D Likely).
    /// `kept` counts the strong risks that held for a flagged nutrient and were kept.
    static func strongRisksLost(_ full: AnswerSet, on day: CalendarDate, completed: Date?) -> (lost: [String], kept: Int) {
        let q = Default.questionnaire
        let asked = Relevance(questionnaire: q).askedPath(full, on: day)
        var pruned = AnswerSet()
        for id in asked { pruned[id] = full[id] }
        pruned = Navigator(questionnaire: q).calculating(pruned, on: day)  // as the interview does
        let flagged = Set(
            Assessor(questionnaire: q, today: .machine).assess(pruned, completed: completed).nutrients.filter(\.band.isFlagged).map(\.id))
        let before = Evaluator(questionnaire: q, answers: full)
        let after = Evaluator(questionnaire: q, answers: pruned)
        var lost: [String] = []
        var kept = 0
        for row in shipped.table.rows where row.strength == .strong {
            for name in row.rules.map(\.text) {
                let parts = name.split(separator: ".").map(String.init)
                guard parts.count == 2, flagged.contains(parts[0]), let nutrient = q.nutrient(parts[0]),
                    let rule = nutrient.rules.first(where: { $0.id == parts[1] })
                else { continue }
                guard before.holds(rule) else { continue }
                if after.holds(rule) { kept += 1 } else { lost.append("\(name) (\(row.fact))") }
            }
        }
        return (lost, kept)
    }

    /// Every answers file of the vignette suites whose answers the questionnaire takes today (the
    /// fit vignettes hold some for content still to come, so they are left out).
    static func vignettePaths() throws -> [String] {
        try ["vignettes", "coverage-vignettes", "alcohol-vignettes"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Fixture.path(folder)).filter { $0.hasSuffix(".yaml") }.sorted()
                .map { Fixture.path("\(folder)/\($0)") }
        }
    }

    @Test func noVignetteLosesAStrongRiskToPruningWhileItsNutrientIsFlagged() throws {
        let paths = try Self.vignettePaths()
        #expect(paths.count >= 60)
        var kept = 0
        for path in paths {
            let document = try AnswersDocument.load(path: path, questionnaire: Default.questionnaire, today: .machine)
            let day = Today.machine.day(of: document.completed ?? RandomAnswers.completed)
            let result = Self.strongRisksLost(document.answers, on: day, completed: document.completed ?? RandomAnswers.completed)
            #expect(result.lost.isEmpty, "\(URL(fileURLWithPath: path).lastPathComponent): \(result.lost)")
            kept += result.kept
        }
        // The vignettes exercise it: many hold a strong risk of a nutrient they flag.
        #expect(kept >= 40, "\(kept)")
    }

    @Test func noRandomScreeningLosesAStrongRiskToPruningWhileItsNutrientIsFlagged() async {
        let q = Default.questionnaire
        await propertyCheck(count: RelevanceTests.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let full = RandomAnswers.completePath(q, &rng)
            let lost = Self.strongRisksLost(full, on: RandomAnswers.day, completed: RandomAnswers.completed).lost
            #expect(lost.isEmpty, "seed \(seed): \(lost)")
        }
    }
}
