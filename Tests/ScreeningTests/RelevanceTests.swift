import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

@Suite struct RelevanceTests {
    /// Bands, triggers, instrument results, other causes and tests: what the pruning keeps whole.
    struct Result: Equatable {
        var bands: [String: Band]
        var triggers: Set<String>
        var instruments: [String: String]
        var otherCauses: Set<String>
        var tests: Set<String>

        init(_ a: Assessment) {
            bands = Dictionary(uniqueKeysWithValues: a.nutrients.map { ($0.id, $0.band) })
            triggers = Set(a.triggers.map(\.id))
            instruments = Dictionary(uniqueKeysWithValues: a.instruments.map { ($0.id, "\($0.result) \($0.total)") })
            otherCauses = Set(a.otherCauses.map(\.id))
            tests = Set(a.tests.map(\.id))
        }
    }

    /// Each case simulates a whole interview, so a twentieth of the other properties' count (at least 100).
    static let cases = max(100, (Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 0) / 20)

    @Test func thePrunedInterviewReachesTheSameResultAsTheFullOne() async {
        let q = Default.questionnaire
        let relevance = Relevance(questionnaire: q)
        let assessor = Assessor(questionnaire: q, today: .machine)
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let full = RandomAnswers.completePath(q, &rng)
            let asked = relevance.askedPath(full, on: RandomAnswers.day)
            var pruned = AnswerSet()
            for id in asked { pruned[id] = full[id] }
            pruned = Navigator(questionnaire: q).calculating(pruned, on: RandomAnswers.day)  // as the interview does
            #expect(
                Result(assessor.assess(pruned, completed: RandomAnswers.completed))
                    == Result(assessor.assess(full, completed: RandomAnswers.completed)), "seed \(seed): asked \(asked.count)")
        }
    }

    @Test func theEstimateOfQuestionsLeftNeverGrowsAsAPersonAnswers() async {
        let q = Default.questionnaire
        let navigator = Navigator(questionnaire: q, pruning: true)
        await propertyCheck(count: 40, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let full = RandomAnswers.completePath(q, &rng)
            var given = AnswerSet()
            var current = navigator.next(after: nil, answers: given, skipped: [])
            var last = Int.max
            var lastSections = Int.max
            var steps = 0
            while let item = current, steps < 200 {
                let progress = navigator.progress(at: item, answers: given)
                #expect(progress.questionCount <= last, "seed \(seed): \(item.id) of up to \(progress.questionCount), was \(last)")
                #expect(progress.questionNumber <= progress.questionCount)
                // "section 3 of up to 10": the sections too only ever shrink.
                #expect(progress.sectionCount <= lastSections, "seed \(seed): \(item.id) section of up to \(progress.sectionCount)")
                #expect(progress.sectionNumber <= progress.sectionCount)
                last = progress.questionCount
                lastSections = progress.sectionCount
                given[item.id] = full[item.id]
                given = navigator.calculating(given, on: RandomAnswers.day)
                current = navigator.next(after: item.id, answers: given, skipped: [])
                steps += 1
            }
            #expect(steps == Relevance(questionnaire: q).askedPath(full, on: RandomAnswers.day).count, "seed \(seed)")
        }
    }

    @Test func theMedianVignetteIsAskedAtMost40Questions() throws {
        let relevance = Relevance(questionnaire: Default.questionnaire)
        var counts: [Int] = []
        for expectation in VignetteTests.expectations {
            let document = try AnswersDocument.load(
                path: Fixture.path("vignettes/\(expectation.file).yaml"), questionnaire: Default.questionnaire, today: .machine)
            counts.append(relevance.askedPath(document.answers, on: Today.machine.day(of: document.completed)).count)
        }
        let sorted = counts.sorted()
        let median = Double(sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
        // Issue 13's goal: a median of at most 40 questions (BENCHMARKS.md has the distribution).
        #expect(median <= 40, "median \(median) over \(counts.count) vignettes: \(sorted)")
        #expect(counts.count == VignetteTests.expectations.count)
    }
}
