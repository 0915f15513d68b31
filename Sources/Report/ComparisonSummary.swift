import Foundation
import Localization
import Screening

/// "Since your last screening" at the terminal: the nutrients flagged then or now with their
/// band and score both times, warnings and symptoms new or gone. The words are `ComparisonWords`',
/// in the language of `messages`; the texts come from the history, so each line is escaped
/// before it is styled.
public enum ComparisonSummary {
    /// Plain text, its times told in `zone`; `style` adds bold only where the terminal allows it.
    public static func text(
        _ comparison: ScreeningComparison, _ messages: Messages, zone: Zone, style: TextStyle = TextStyle(enabled: false)
    ) -> String {
        let said = ComparisonWords(messages)
        let day = said.namer(for: comparison, in: zone)(comparison.last.completed)
        var lines = [
            style.bold(
                Printable.escaped(
                    said.terminalHeading(
                        lastDay: day, interval: said.interval(from: comparison.last.completed, to: comparison.current.completed))))
        ]
        if let difference = comparison.versionDifference {
            lines.append("  " + said.versionNote(difference, current: comparison.current))
        }
        let flagged = comparison.nutrients.filter(\.isFlagged)
        lines += flagged.isEmpty ? ["  " + said.nothingFlaggedEitherTime] : flagged.map { "  " + said.terminalLine($0) }
        for change in said.changes(comparison, listing: ComparisonWords.changesListed) {
            switch change {
            case .list(let label, let items): lines += ["  " + label] + items.map { "    " + $0 }
            case .labelled(let label, let text): lines.append("  " + label + " " + text)
            case .line(let text): lines.append("  " + text)
            }
        }
        return ([lines[0]] + lines.dropFirst().map(Printable.escaped)).joined(separator: "\n")
    }
}
