import Foundation
import Localization
import Screening

/// The short terminal summary: triage first, then the Likely and Possible nutrients with their
/// top reasons, in the assessment's language.
public enum AssessmentSummary {
    /// Plain text; `style` adds bold only where the terminal allows it.
    public static func text(_ assessment: Assessment, style: TextStyle = TextStyle(enabled: false), reasonsPerNutrient: Int = 3) -> String {
        let messages = Messages(assessment.language)
        let words = messages.summary
        let number = messages.number
        var lines: [String] = []
        lines.append(style.bold(words.whatToDoNext))
        if let level = assessment.triage.level {
            lines.append(level == .emergency ? style.alert(assessment.triage.headline) : style.bold(assessment.triage.headline))
            for trigger in assessment.triggers {
                lines.append("  [\(trigger.urgency.name(messages).uppercased())] \(trigger.message)")
                if !trigger.evidence.isEmpty {
                    lines.append("      " + words.because(answers: trigger.evidence.map { "\($0.question): \($0.answer)" }.joined(separator: "; ")))
                }
            }
        } else {
            lines.append(assessment.triage.headline)
        }
        lines.append("")
        let flagged = assessment.flaggedNutrients
        if flagged.isEmpty {
            lines.append(words.nothingFlagged)
        } else {
            lines.append(style.bold(words.worthDiscussing))
            for nutrient in flagged {
                lines.append(
                    "  "
                        + words.nutrient(
                            name: nutrient.name, band: nutrient.band.label(messages), score: number(nutrient.score),
                            possible: number(nutrient.thresholds.possible), likely: number(nutrient.thresholds.likely)))
                for reason in nutrient.supporting.prefix(reasonsPerNutrient) {
                    lines.append("    + \(reason.reason)")
                }
            }
        }
        for instrument in assessment.instruments {
            lines.append(
                "  "
                    + words.instrument(
                        name: instrument.name, total: number(instrument.total), maximum: number(instrument.maximum), result: instrument.result))
        }
        if !assessment.otherCauses.isEmpty {
            lines.append("")
            lines.append(style.bold(words.otherCauses))
            for cause in assessment.otherCauses { lines.append("  - \(cause.text)") }
        }
        if !assessment.tests.isEmpty {
            lines.append("")
            lines.append(style.bold(words.tests))
            for test in assessment.tests { lines.append("  - \(test.name)") }
        }
        lines.append("")
        lines.append(assessment.disclaimer)
        return lines.joined(separator: "\n")
    }
}
