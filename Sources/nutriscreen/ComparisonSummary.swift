import Foundation
import Interview
import Report
import Screening

/// "Since your last screening" at the terminal: the nutrients flagged then or now with their
/// band and score both times, warnings and symptoms new or gone. The words are `ComparisonWords`'.
enum ComparisonSummary {
    static func text(_ comparison: ScreeningComparison, style: TextStyle = TextStyle(enabled: false)) -> String {
        let day = LocalTime(comparison.last.completed).day.readable
        var lines = [
            style.bold(
                ComparisonWords.terminalHeading(
                    lastDay: day, interval: ComparisonWords.interval(from: comparison.last.completed, to: comparison.current.completed)))
        ]
        if let difference = comparison.versionDifference {
            lines.append("  " + ComparisonWords.versionNote(difference, current: comparison.current))
        }
        let flagged = comparison.nutrients.filter(\.isFlagged)
        lines += flagged.isEmpty ? ["  " + ComparisonWords.nothingFlaggedEitherTime] : flagged.map { "  " + ComparisonWords.terminalLine($0) }
        // One warning a line: they are long.
        for (label, triggers) in [(ComparisonWords.newWarnings, comparison.newTriggers), (ComparisonWords.goneWarnings, comparison.goneTriggers)]
        where !triggers.isEmpty {
            lines.append("  " + label.trimmingCharacters(in: .whitespaces))
            lines += triggers.map { "    " + ComparisonWords.warning($0) }
        }
        if comparison.newTriggers.isEmpty, comparison.goneTriggers.isEmpty {
            lines.append(
                "  "
                    + (comparison.keptTriggers.isEmpty
                        ? ComparisonWords.noWarnings : ComparisonWords.sameWarnings(count: comparison.keptTriggers.count)))
        }
        for (label, symptoms) in [(ComparisonWords.newSymptoms, comparison.newSymptoms), (ComparisonWords.goneSymptoms, comparison.goneSymptoms)]
        where !symptoms.isEmpty {
            lines.append("  " + label + symptoms.map(\.label).joined(separator: "; ") + ".")
        }
        if comparison.newSymptoms.isEmpty, comparison.goneSymptoms.isEmpty {
            lines.append("  " + (comparison.symptomsCompared ? ComparisonWords.sameSymptoms : ComparisonWords.symptomsNotCompared))
        }
        return lines.joined(separator: "\n")
    }
}
