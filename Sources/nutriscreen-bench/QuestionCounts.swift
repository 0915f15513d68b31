import Foundation
import Screening

/// How many questions the interview asks the clinical vignettes (the answers files in
/// `Tests/ScreeningTests/Fixtures/vignettes`): the pruned interview, which asks only what can
/// still change the result (`Assessment.asked`, as `assess --json` reports it), against the full
/// path (every question shown). Printed as Markdown for BENCHMARKS.md by
/// `swift run nutriscreen-bench questions`; a count, not a time, so any build will do.
enum QuestionCounts {
    /// The goal of issue 13: at most this many questions for the median vignette.
    static let goal = 40.0

    /// Prints the distributions and the histogram; false when a vignette cannot be read, a result
    /// changes, or the goal is missed.
    static func report(folder: String, questionnaire: Questionnaire) throws -> Bool {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        let pruning = Assessor(questionnaire: questionnaire, today: .bench, recordsAsked: true)
        let full = Navigator(questionnaire: questionnaire)
        var asked: [Int] = []
        var shown: [Int] = []
        var changed: [String] = []
        for name in names {
            let document = try AnswersDocument.load(path: folder + "/" + name, questionnaire: questionnaire, today: .bench)
            let assessment = pruning.assess(document.answers)
            let path = assessment.asked ?? []
            asked.append(path.count)
            shown.append(full.questionsToAsk(document.answers).count)
            // A person who answers only the questions asked gets the same result.
            var given = AnswerSet()
            for id in path { given[id] = document.answers[id] }
            if Outcome(pruning.assess(given)) != Outcome(assessment) { changed.append(name) }
        }
        guard !asked.isEmpty else {
            FileHandle.standardError.write(Data("nutriscreen-bench: no answers files in \(folder)\n".utf8))
            return false
        }
        let pruned = Summary(asked)
        let whole = Summary(shown)
        print("Questions asked over the \(asked.count) clinical vignettes (\(questionnaire.id) \(questionnaire.version)):\n")
        print("| interview | min | lower quartile | median | upper quartile | max | mean |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        print(pruned.row("pruned (asked)"))
        print(whole.row("full path (every question shown)"))
        print("\n| questions | pruned | full path |")
        print("| --- | ---: | ---: |")
        let width = 10
        let low = (min(asked.min()!, shown.min()!) / width) * width
        let high = max(asked.max()!, shown.max()!)
        for start in stride(from: low, through: high, by: width) {
            let inBin = { (counts: [Int]) in counts.filter { $0 >= start && $0 < start + width }.count }
            print("| \(start)–\(start + width - 1) | \(bar(inBin(asked))) | \(bar(inBin(shown))) |")
        }
        let met = pruned.median <= goal
        print(
            "\nmedian asked \(Summary.format(pruned.median)), goal ≤ \(Summary.format(goal)): \(met ? "met" : "MISSED"); "
                + "questions asked \(Summary.format(100 * (1 - Double(asked.reduce(0, +)) / Double(shown.reduce(0, +)))))% fewer in all")
        print(
            changed.isEmpty
                ? "every vignette's result is the same when only the asked questions are answered"
                : "RESULT CHANGED when only the asked questions are answered: \(changed.joined(separator: ", "))")
        return met && changed.isEmpty
    }

    /// "7 ███████": a count and a bar of as many blocks.
    static func bar(_ count: Int) -> String { count == 0 ? "0" : "\(count) " + String(repeating: "█", count: count) }

    /// Bands, triggers, instrument results, other causes and tests: what pruning must keep.
    struct Outcome: Equatable {
        var bands: [String]
        var triggers: [String]
        var instruments: [String]
        var otherCauses: [String]
        var tests: [String]

        init(_ assessment: Assessment) {
            bands = assessment.nutrients.map { "\($0.id) \($0.band)" }.sorted()
            triggers = assessment.triggers.map(\.id).sorted()
            instruments = assessment.instruments.map { "\($0.id) \($0.result)" }.sorted()
            otherCauses = assessment.otherCauses.map(\.id).sorted()
            tests = assessment.tests.map(\.id).sorted()
        }
    }

    /// Minimum, quartiles, median, maximum and mean of some counts. Quartiles interpolate linearly
    /// between the sorted counts (position (n − 1) · p, as NumPy and R do by default).
    struct Summary {
        let sorted: [Int]
        init(_ counts: [Int]) { sorted = counts.sorted() }

        func quantile(_ p: Double) -> Double {
            let position = Double(sorted.count - 1) * p
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return Double(sorted[below]) + (position - Double(below)) * Double(sorted[above] - sorted[below])
        }

        var median: Double { quantile(0.5) }

        func row(_ name: String) -> String {
            let mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
            let cells = [Double(sorted.first!), quantile(0.25), median, quantile(0.75), Double(sorted.last!), mean].map(Self.format)
            return "| \(name) | " + cells.joined(separator: " | ") + " |"
        }

        /// Whole numbers without decimals, others with one or two.
        static func format(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: ".50", with: ".5")
        }
    }
}
