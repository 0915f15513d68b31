import Foundation
import Screening

/// Every sentence the comparison with the last screening says, in the report and at the
/// terminal, in one place (to move into a language catalogue as a whole).
public enum ComparisonWords {
    /// The section's heading: "Since your last screening (2 February 2026)".
    public static func heading(lastDay: String) -> String { "Since your last screening (\(lastDay))" }

    /// "27 days", "5 weeks", "about 4 months", "about 2 years": the time between two screenings.
    public static func interval(from earlier: Date, to later: Date) -> String {
        let days = max(0, Int((later.timeIntervalSince(earlier) / 86_400).rounded()))
        switch days {
        case 0: return "less than a day"
        case 1: return "1 day"
        case ..<14: return "\(days) days"
        case ..<61: return "\(Int((Double(days) / 7).rounded())) weeks"
        case ..<730: return "about \(Int((Double(days) / 30.44).rounded())) months"
        default: return "about \(Int((Double(days) / 365.25).rounded())) years"
        }
    }

    /// The lead under the heading.
    public static func lead(lastTime: String, interval: String) -> String {
        "Compared with the screening completed \(lastTime), \(interval) before this one, nutrient by nutrient. Bands and scores are screening heuristics: a change can come from different answers as much as from a change in the body."
    }

    /// What a difference of questionnaire means for the comparison.
    public static func versionNote(_ difference: ScreeningComparison.VersionDifference, current: ScreeningComparison.Occasion) -> String {
        let now = "\(current.questionnaireID) \(current.questionnaireVersion)"
        switch difference {
        case .questionnaire(let id, let version):
            return
                "The last screening used another questionnaire (\(id) \(version)); this one used \(now). Nutrients are compared by id, each with the score its own questionnaire gave; nothing was rescored."
        case .version(let then, let current):
            return
                "The last screening was scored with version \(then) of the questionnaire, this one with version \(current). Each is shown as its own version scored it, compared nutrient by nutrient; nothing was rescored, and a change of score may come from a change of rules."
        case .content(let version):
            return
                "The questionnaire (\(now)) changed after the last screening although its version number (\(version)) did not. Each screening is shown as it was scored; nothing was rescored."
        }
    }

    /// The comparison table's column titles.
    public static let columns = (nutrient: "Nutrient", then: "Last time", now: "Now", change: "Change")

    /// "Likely (9)", or what a screening that did not score the nutrient shows.
    public static func score(_ score: ScreeningComparison.Score?) -> String {
        guard let score else { return "not scored" }
        return "\(score.band.label) (\(NumberText.plain(score.score)))"
    }

    /// "up 3, now Likely", "down 5", "no change", or why there is nothing to compare.
    public static func change(_ nutrient: ScreeningComparison.NutrientChange) -> String {
        guard let then = nutrient.then else { return "new in this version" }
        guard let now = nutrient.now else { return "not scored by this version" }
        let delta = now.score - then.score
        let band = now.band == then.band ? "" : ", now \(now.band.label)"
        if delta == 0 { return band.isEmpty ? "no change" : "same score" + band }
        return (delta > 0 ? "up " : "down ") + NumberText.plain(abs(delta)) + band
    }

    /// "Vitamin D 1 → 0, Thiamine 0 → 0": nutrients Low both times, in one line.
    public static func lowBothTimes(_ nutrients: [ScreeningComparison.NutrientChange]) -> String {
        "Low last time and now: "
            + nutrients.map {
                "\($0.name) \($0.then.map { NumberText.plain($0.score) } ?? "–") → \($0.now.map { NumberText.plain($0.score) } ?? "–")"
            }
            .joined(separator: ", ") + "."
    }

    /// A warning as listed: "URGENT: message".
    public static func warning(_ trigger: ScreeningComparison.TriggerChange) -> String {
        "\(trigger.urgency.rawValue.uppercased()): \(trigger.message)"
    }

    public static let newWarnings = "New see-a-doctor warnings: "
    public static let goneWarnings = "Warnings that no longer fire: "
    public static let sameWarnings = "See-a-doctor warnings: the same as last time"
    public static let noWarnings = "See-a-doctor warnings: none, last time or now."
    public static let newSymptoms = "New symptoms: "
    public static let goneSymptoms = "Symptoms no longer chosen: "
    public static let sameSymptoms = "Symptoms: the same as last time."
    public static let symptomsNotCompared = "Symptoms: not compared, as the two screenings used different questionnaires."

    /// "See-a-doctor warnings: the same as last time (2)."
    public static func sameWarnings(count: Int) -> String { "\(sameWarnings) (\(count))." }

    /// Above the chart.
    public static func chartCaption(count: Int, mixesVersions: Bool) -> String {
        "Scores of the nutrients flagged in any of the last \(count) screenings, oldest first. Each bar runs to the same scale; | marks Possible and ‖ Likely (this version's thresholds)."
            + (mixesVersions ? " The screenings were scored by different questionnaire versions; each bar is its own version's score." : "")
    }

    public static let chartTitle = "Nutrient"
    /// The last column's heading: this screening.
    public static func nowColumn(_ day: String) -> String { "\(day) (now)" }

    /// A bar in words: "Vitamin B12, 2 February 2026: score 9, Likely."
    public static func bar(_ name: String, day: String, score: ScreeningComparison.Score) -> String {
        "\(name), \(day): score \(NumberText.plain(score.score)), \(score.band.label)."
    }

    /// A chart's cell without a score: that screening's questionnaire did not score the nutrient.
    public static let notScored = "not scored"

    /// The terminal's heading line.
    public static func terminalHeading(lastDay: String, interval: String) -> String {
        "Since your last screening (\(lastDay), \(interval) before this one)"
    }

    /// A nutrient on one terminal line: "Vitamin B12: Likely (9) then, Possible (4) now: down 5, now Possible".
    public static func terminalLine(_ nutrient: ScreeningComparison.NutrientChange) -> String {
        "\(nutrient.name): \(score(nutrient.then)) then, \(score(nutrient.now)) now: \(change(nutrient))"
    }

    /// The terminal's line when no nutrient was flagged either time.
    public static let nothingFlaggedEitherTime = "No nutrient reached the Possible band, last time or now."
}
