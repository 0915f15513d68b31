import Foundation
import Report
import Screening

extension HistoryStore {
    /// The comparison of `current` with up to the last screenings of `owner` before it (nil for
    /// their first). Answers without a completed time are this screening, at `now` (as the
    /// report dates them). A screening recorded before assessment schemaVersion 3 is completed
    /// from `questionnaire` (see `Assessment.filledIn(from:)`).
    public func comparison(
        of current: Assessment, owner: ScreeningOwner, questionnaire: Questionnaire, now: Date
    ) throws(HistoryError) -> ScreeningComparison? {
        var current = current.filledIn(from: questionnaire)
        let completed = current.completed ?? now
        current.completed = completed
        let earlier = try earlier(
            name: owner.name, birthDate: owner.birthDate, before: completed, limit: ScreeningComparison.trendLength - 1)
        // The last screening is read in full; the ones before it only for the chart, from their scores.
        guard let last = earlier.last, let previous = try screening(id: last.id)?.assessment?.filledIn(from: questionnaire) else {
            return nil
        }
        return ScreeningComparison(last: previous, before: earlier.dropLast().map(ScreeningComparison.TrendPoint.init), current: current)
    }

    /// The name of someone else in the history that `name` is close to (a typing slip would
    /// start a new person), or nil when there is none, or `name` is already there.
    public func nameLike(_ name: String) throws(HistoryError) -> String? {
        let others = try people().map(\.name)
        guard !others.contains(where: { PersonName.key($0) == PersonName.key(name) }) else { return nil }
        return Suggestion.closest(to: name, among: Set(others))
    }
}

extension ScreeningComparison.TrendPoint {
    /// A screening's scores from the history, as the chart shows them.
    public init(_ entry: ScreeningEntry) {
        self.init(
            occasion: .init(
                completed: entry.completed, questionnaireID: entry.questionnaireID, questionnaireVersion: entry.questionnaireVersion,
                contentHash: entry.contentHash),
            scores: Dictionary(entry.scores.map { ($0.id, .init(score: $0.score, band: $0.band)) }, uniquingKeysWith: { a, _ in a }))
    }
}
