import Foundation
import Localization
import Screening

/// The short terminal summary: triage first, then the Likely and Possible nutrients with their
/// top reasons, in the assessment's language. Its texts come from a questionnaire or a history
/// another program may have written, so each line is escaped before it is styled.
public enum AssessmentSummary {
    /// Plain text; `style` adds bold only where the terminal allows it.
    public static func text(_ assessment: Assessment, style: TextStyle = TextStyle(enabled: false), reasonsPerNutrient: Int = 3) -> String {
        let messages = Messages(assessment.language)
        let words = messages.summary
        let number = messages.number
        var lines: [String] = []
        func line(_ text: String, _ styled: (String) -> String = { $0 }) { lines.append(styled(Printable.escaped(text))) }
        line(words.whatToDoNext, style.bold)
        if let level = assessment.triage.level {
            line(assessment.triage.headline, level == .emergency ? style.alert : style.bold)
            for trigger in assessment.triggers {
                line("  [\(trigger.urgency.name(messages).uppercased())] \(trigger.message)")
                if !trigger.evidence.isEmpty {
                    line("      " + words.because(answers: trigger.evidence.map { "\($0.question): \($0.answer)" }.joined(separator: "; ")))
                }
            }
        } else {
            line(assessment.triage.headline)
        }
        line("")
        let flagged = assessment.flaggedNutrients
        if flagged.isEmpty {
            line(words.nothingFlagged)
        } else {
            line(words.worthDiscussing, style.bold)
            for nutrient in flagged {
                line(
                    "  "
                        + words.nutrient(
                            name: nutrient.name, band: nutrient.band.label(messages), score: number(nutrient.score),
                            possible: number(nutrient.thresholds.possible), likely: number(nutrient.thresholds.likely)))
                for reason in nutrient.supporting.prefix(reasonsPerNutrient) {
                    line("    + \(reason.reason)")
                }
            }
        }
        for instrument in assessment.instruments {
            line(
                "  "
                    + words.instrument(
                        name: instrument.name, total: number(instrument.total), maximum: number(instrument.maximum), result: instrument.result))
        }
        for (heading, known) in [(words.knownConditions, true), (words.otherCauses, false)] {
            let causes = assessment.otherCauses.filter { ($0.known != nil) == known }
            guard !causes.isEmpty else { continue }
            line("")
            line(heading, style.bold)
            for cause in causes { line("  - \(cause.text)") }
        }
        if !assessment.tests.isEmpty {
            line("")
            line(words.tests, style.bold)
            for test in assessment.tests { line("  - \(test.name)") }
        }
        line("")
        line(assessment.disclaimer)
        return lines.joined(separator: "\n")
    }
}
