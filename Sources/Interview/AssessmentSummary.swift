import Foundation
import Screening

/// The short terminal summary: triage first, then the Likely and Possible nutrients with their top reasons.
public enum AssessmentSummary {
    /// Plain text; `style` adds bold only where the terminal allows it.
    public static func text(_ assessment: Assessment, style: TextStyle = TextStyle(enabled: false), reasonsPerNutrient: Int = 3) -> String {
        var lines: [String] = []
        lines.append(style.bold("What to do next"))
        if let level = assessment.triage.level {
            lines.append(level == .emergency ? style.alert(assessment.triage.headline) : style.bold(assessment.triage.headline))
            for trigger in assessment.triggers {
                lines.append("  [\(trigger.urgency.rawValue.uppercased())] \(trigger.message)")
                if !trigger.evidence.isEmpty {
                    lines.append("      because: " + trigger.evidence.map { "\($0.question): \($0.answer)" }.joined(separator: "; "))
                }
            }
        } else {
            lines.append(assessment.triage.headline)
        }
        lines.append("")
        let flagged = assessment.flaggedNutrients
        if flagged.isEmpty {
            lines.append("No nutrient reached the Possible band in this screening (a screening heuristic, not a test result).")
        } else {
            lines.append(style.bold("Worth discussing with a doctor (screening heuristic, not a diagnosis)"))
            for nutrient in flagged {
                lines.append(
                    "  \(nutrient.name): \(nutrient.band.label) (score \(NumberText.plain(nutrient.score)); Possible from \(NumberText.plain(nutrient.thresholds.possible)), Likely from \(NumberText.plain(nutrient.thresholds.likely)))"
                )
                for reason in nutrient.supporting.prefix(reasonsPerNutrient) {
                    lines.append("    + \(reason.reason)")
                }
            }
        }
        for instrument in assessment.instruments {
            lines.append(
                "  \(instrument.name): \(NumberText.plain(instrument.total)) of \(NumberText.plain(instrument.maximum)), \(instrument.result)")
        }
        if !assessment.otherCauses.isEmpty {
            lines.append("")
            lines.append(style.bold("Other causes your doctor may want to rule out"))
            for cause in assessment.otherCauses { lines.append("  - \(cause.text)") }
        }
        if !assessment.tests.isEmpty {
            lines.append("")
            lines.append(style.bold("Tests to ask about"))
            for test in assessment.tests { lines.append("  - \(test.name)") }
        }
        lines.append("")
        lines.append(assessment.disclaimer)
        return lines.joined(separator: "\n")
    }
}
