import Foundation
import Localization
import Screening

/// Every sentence the comparison with the last screening says, in the report and at the
/// terminal, from the message catalogue's `comparison` group in one language.
public struct ComparisonWords: Sendable {
    private let messages: Messages
    private var words: Messages.Comparison { messages.comparison }

    public init(_ messages: Messages) { self.messages = messages }

    /// How each screening of a comparison is named: by its day, or by its day and time when two
    /// of them fall on the same day in `zone` (they could not be told apart otherwise).
    public func namer(for comparison: ScreeningComparison, in zone: Zone) -> @Sendable (Date) -> String {
        let dates = comparison.trend.map(\.occasion.completed) + [comparison.last.completed, comparison.current.completed]
        let sameDay = Set(dates.map { LocalTime($0, in: zone).day }).count < Set(dates).count
        let messages = messages
        return { date in
            let time = LocalTime(date, in: zone)
            return sameDay ? time.readable(messages) : time.day.readable(messages)
        }
    }

    /// The section's heading: "Since your last screening (2 February 2026)".
    public func heading(lastDay: String) -> String { words.heading(day: lastDay) }

    /// "27 days", "5 weeks", "about 4 months", "about 2 years": the time between two screenings.
    public func interval(from earlier: Date, to later: Date) -> String {
        let days = max(0, Int((later.timeIntervalSince(earlier) / 86_400).rounded()))
        switch days {
        case 0: return words.lessThanADay
        case 1: return words.oneDay
        case ..<14: return words.days(count: days)
        case ..<61: return words.weeks(count: Int((Double(days) / 7).rounded()))
        case ..<730: return words.months(count: Int((Double(days) / 30.44).rounded()))
        default: return words.years(count: Int((Double(days) / 365.25).rounded()))
        }
    }

    /// The lead under the heading.
    public func lead(lastTime: String, interval: String) -> String { words.lead(time: lastTime, interval: interval) }

    /// What a difference of questionnaire means for the comparison.
    public func versionNote(_ difference: ScreeningComparison.VersionDifference, current: ScreeningComparison.Occasion) -> String {
        let now = "\(current.questionnaireID) \(current.questionnaireVersion)"
        switch difference {
        case .questionnaire(let id, let version): return words.otherQuestionnaire(then: "\(id) \(version)", now: now)
        case .version(let then, let current): return words.otherVersion(then: then, now: current)
        case .content(let version): return words.changedContent(now: now, version: version)
        }
    }

    /// The comparison table's column titles.
    public var columns: (nutrient: String, then: String, now: String, change: String) {
        (words.nutrientColumn, words.thenColumn, words.nowColumn, words.changeColumn)
    }

    /// "Likely (9)", or what a screening that did not score the nutrient shows.
    public func score(_ score: ScreeningComparison.Score?) -> String {
        guard let score else { return words.notScored }
        return words.score(band: score.band.label(messages), score: messages.number(score.score))
    }

    /// "up 3, now Likely", "down 5", "no change", or why there is nothing to compare.
    public func change(_ nutrient: ScreeningComparison.NutrientChange) -> String {
        guard let then = nutrient.then else { return words.newInThisVersion }
        guard let now = nutrient.now else { return words.notScoredByThisVersion }
        let delta = now.score - then.score
        let amount = messages.number(abs(delta))
        let band = now.band.label(messages)
        switch (delta.sign == .minus, delta == 0, now.band == then.band) {
        case (_, true, true): return words.noChange
        case (_, true, false): return words.sameScoreNow(band: band)
        case (false, false, true): return words.up(amount: amount)
        case (false, false, false): return words.upNow(amount: amount, band: band)
        case (true, false, true): return words.down(amount: amount)
        case (true, false, false): return words.downNow(amount: amount, band: band)
        }
    }

    /// "Low last time and now: Vitamin D 1 → 0, Thiamine 0 → 0." in one line.
    public func lowBothTimes(_ nutrients: [ScreeningComparison.NutrientChange]) -> String {
        let score = { (score: ScreeningComparison.Score?) in score.map { messages.number($0.score) } ?? "–" }
        return words.lowBothTimes(
            list: nutrients.map { words.lowBothTimesItem(nutrient: $0.name, then: score($0.then), now: score($0.now)) }
                .joined(separator: ", "))
    }

    /// A warning as listed: "URGENT: message".
    public func warning(_ trigger: ScreeningComparison.TriggerChange) -> String {
        words.warning(urgency: trigger.urgency.name(messages).uppercased(), message: trigger.message)
    }

    public var newWarnings: String { words.newWarnings }
    public var goneWarnings: String { words.goneWarnings }
    public var noWarnings: String { words.noWarnings }
    public var newSymptoms: String { words.newSymptoms }
    public var goneSymptoms: String { words.goneSymptoms }
    public var sameSymptoms: String { words.sameSymptoms }
    public var symptomsNotCompared: String { words.symptomsNotCompared }

    /// "Answers that changed:" above the list.
    public var changedAnswers: String { words.changedAnswers }

    /// How many changed answers are listed before "and N more".
    public static let changesListed = 10

    /// More changes than are listed: "and 4 more (see the answers at the end)".
    public func moreChanges(_ count: Int) -> String { words.moreChanges(count: count) }

    /// "Drinks a week: 5 or more → 1 or 2", "AUDIT-C: 7 of 12 (Positive) → 3 of 12 (Negative)".
    public func answerChange(_ change: ScreeningComparison.AnswerChange) -> String {
        guard let totals = change.totals else { return words.answerChange(question: change.question, then: change.then, now: change.now) }
        let said = { (total: Double, result: String) -> String in
            let sentence = messages.report.instrumentResult(
                total: messages.report.outOf(total: messages.number(total), maximum: messages.number(totals.maximum)), result: result)
            return sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        }
        return words.answerChange(question: change.question, then: said(totals.then, change.then), now: said(totals.now, change.now))
    }

    /// One thing said about what changed beyond the nutrients' scores.
    public enum Change: Equatable, Sendable {
        /// A label above its items, one a line ("New see-a-doctor warnings:").
        case list(label: String, items: [String])
        /// A label and its text on one line ("New symptoms: Muscle cramps.").
        case labelled(label: String, text: String)
        /// A sentence of its own.
        case line(String)
    }

    /// The warnings new or gone (else whether they are the same or none), the symptoms new or
    /// gone (else the same, or not compared), and the answers that changed, up to `listing` of
    /// them (nil: all), in the order the report and the terminal both say them.
    public func changes(_ comparison: ScreeningComparison, listing: Int?) -> [Change] {
        var said: [Change] = []
        for (label, triggers) in [(newWarnings, comparison.newTriggers), (goneWarnings, comparison.goneTriggers)] where !triggers.isEmpty {
            said.append(.list(label: label, items: triggers.map(warning)))
        }
        if comparison.newTriggers.isEmpty, comparison.goneTriggers.isEmpty {
            said.append(.line(comparison.keptTriggers.isEmpty ? noWarnings : sameWarnings(count: comparison.keptTriggers.count)))
        }
        if !comparison.symptomsCompared {
            said.append(.line(symptomsNotCompared))
        } else if comparison.newSymptoms.isEmpty, comparison.goneSymptoms.isEmpty {
            said.append(.line(sameSymptoms))
        } else {
            for (label, list) in [(newSymptoms, comparison.newSymptoms), (goneSymptoms, comparison.goneSymptoms)] where !list.isEmpty {
                said.append(.labelled(label: label, text: list.map(\.label).joined(separator: "; ") + "."))
            }
        }
        if !comparison.changedAnswers.isEmpty {
            let listed = listing.map { Array(comparison.changedAnswers.prefix($0)) } ?? comparison.changedAnswers
            var items = listed.map(answerChange)
            if listed.count < comparison.changedAnswers.count { items.append(moreChanges(comparison.changedAnswers.count - listed.count)) }
            said.append(.list(label: changedAnswers, items: items))
        }
        return said
    }

    /// "See-a-doctor warnings: the same as last time (2)."
    public func sameWarnings(count: Int) -> String { words.sameWarnings(count: count) }

    /// Above the chart.
    public func chartCaption(count: Int, mixesVersions: Bool) -> String {
        words.chartCaption(count: count) + (mixesVersions ? " " + words.chartMixesVersions : "")
    }

    /// The last column's heading: this screening.
    public func nowColumn(_ day: String) -> String { words.nowDay(day: day) }

    /// A bar in words: "Vitamin B12, 2 February 2026: score 9, Likely."
    public func bar(_ name: String, day: String, score: ScreeningComparison.Score) -> String {
        words.bar(nutrient: name, day: day, score: messages.number(score.score), band: score.band.label(messages))
    }

    /// A chart's cell without a score: that screening's questionnaire did not score the nutrient.
    public var notScored: String { words.notScored }

    /// The terminal's heading line.
    public func terminalHeading(lastDay: String, interval: String) -> String { words.terminalHeading(day: lastDay, interval: interval) }

    /// A nutrient on one terminal line: "Vitamin B12: Likely (9) then, Possible (4) now: down 5, now Possible".
    public func terminalLine(_ nutrient: ScreeningComparison.NutrientChange) -> String {
        words.terminalLine(nutrient: nutrient.name, then: score(nutrient.then), now: score(nutrient.now), change: change(nutrient))
    }

    /// The terminal's line when no nutrient was flagged either time.
    public var nothingFlaggedEitherTime: String { words.nothingFlaggedEitherTime }
}
