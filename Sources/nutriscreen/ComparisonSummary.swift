import Foundation
import Interview
import Localization
import Report
import Screening

/// "Since your last screening" at the terminal: the nutrients flagged then or now with their
/// band and score both times, warnings and symptoms new or gone. The words are `ComparisonWords`', in the language of `messages`.
enum ComparisonSummary {
    static func text(_ comparison: ScreeningComparison, _ messages: Messages, style: TextStyle = TextStyle(enabled: false)) -> String {
        let said = ComparisonWords(messages)
        let day = said.namer(for: comparison)(comparison.last.completed)
        var lines = [
            style.bold(
                said.terminalHeading(
                    lastDay: day, interval: said.interval(from: comparison.last.completed, to: comparison.current.completed)))
        ]
        if let difference = comparison.versionDifference {
            lines.append("  " + said.versionNote(difference, current: comparison.current))
        }
        let flagged = comparison.nutrients.filter(\.isFlagged)
        lines += flagged.isEmpty ? ["  " + said.nothingFlaggedEitherTime] : flagged.map { "  " + said.terminalLine($0) }
        // One warning a line: they are long.
        for (label, triggers) in [(said.newWarnings, comparison.newTriggers), (said.goneWarnings, comparison.goneTriggers)]
        where !triggers.isEmpty {
            lines.append("  " + label)
            lines += triggers.map { "    " + said.warning($0) }
        }
        if comparison.newTriggers.isEmpty, comparison.goneTriggers.isEmpty {
            lines.append(
                "  "
                    + (comparison.keptTriggers.isEmpty
                        ? said.noWarnings : said.sameWarnings(count: comparison.keptTriggers.count)))
        }
        for (label, symptoms) in [(said.newSymptoms, comparison.newSymptoms), (said.goneSymptoms, comparison.goneSymptoms)]
        where !symptoms.isEmpty {
            lines.append("  " + label + " " + symptoms.map(\.label).joined(separator: "; ") + ".")
        }
        if comparison.newSymptoms.isEmpty, comparison.goneSymptoms.isEmpty {
            lines.append("  " + (comparison.symptomsCompared ? said.sameSymptoms : said.symptomsNotCompared))
        }
        if !comparison.changedAnswers.isEmpty {
            lines.append("  " + said.changedAnswers)
            lines += comparison.changedAnswers.prefix(ComparisonWords.changesListed).map { "    " + said.answerChange($0) }
            let more = comparison.changedAnswers.count - ComparisonWords.changesListed
            if more > 0 { lines.append("    " + said.moreChanges(more)) }
        }
        return lines.joined(separator: "\n")
    }
}
