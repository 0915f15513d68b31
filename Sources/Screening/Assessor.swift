import Foundation

/// Turns answers into an `Assessment`: triggers, target scores with their reasons, instruments and advice.
/// Pure: the same questionnaire and answers always give the same assessment.
public struct Assessor: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// Scores `answers`; answers to items that are not shown are ignored.
    public func assess(_ answers: AnswerSet, name: String? = nil, completed: Date? = nil) -> Assessment {
        let navigator = Navigator(questionnaire: questionnaire)
        let (visible, effective) = navigator.walk(answers)
        let evaluator = Evaluator(questionnaire: questionnaire, answers: effective)

        let fired = navigator.firedTriggers(effective: effective)
        let triggers = fired.map {
            Assessment.TriggerResult(
                id: $0.trigger.id, urgency: $0.trigger.urgency, message: $0.trigger.message, source: $0.trigger.source, evidence: $0.evidence)
        }
        let level = fired.map(\.trigger.urgency).max()
        let triage = Assessment.Triage(
            level: level, headline: level?.headline ?? "No see-a-doctor warning fired. If your symptoms persist or worsen, see a doctor anyway.")

        let targets = questionnaire.targets.enumerated().map { index, target -> (Int, Assessment.TargetResult) in
            let reasons = target.rules.filter { evaluator.holds($0.condition) }.map {
                Assessment.Reason(
                    points: $0.points, reason: $0.reason, source: $0.source, evidence: navigator.evidence(for: $0.condition.expression, in: effective)
                )
            }
            let score = reasons.reduce(0) { $0 + $1.points }
            return (
                index,
                Assessment.TargetResult(
                    id: target.id, name: target.name, summary: target.summary, score: score, band: target.bands.band(for: score),
                    thresholds: target.bands, supporting: reasons.filter { $0.points > 0 }.sorted { $0.points > $1.points },
                    contrary: reasons.filter { $0.points < 0 }.sorted { $0.points < $1.points },
                    tests: target.tests, foods: target.foods, notes: target.notes)
            )
        }
        .sorted { ($0.1.band, $0.1.score, -$0.0) > ($1.1.band, $1.1.score, -$1.0) }
        .map(\.1)

        let instruments = questionnaire.instruments.compactMap { instrument -> Assessment.InstrumentResult? in
            if let condition = instrument.condition, !evaluator.holds(condition) { return nil }
            guard case .number(let total) = evaluator.computed(instrument.score) else { return nil }
            let match = instrument.interpretations.first { evaluator.holds($0.condition) }
            return Assessment.InstrumentResult(
                id: instrument.id, name: instrument.name, total: total, maximum: instrument.maximum,
                band: match?.band ?? instrument.defaultBand, meaning: match?.meaning ?? instrument.defaultMeaning,
                positive: match?.positive ?? false, cutoff: instrument.cutoff, source: instrument.source)
        }

        let advice = questionnaire.advice.filter { $0.condition.map(evaluator.holds) ?? true }
            .map { Assessment.AdviceResult(id: $0.id, text: $0.text, source: $0.source) }

        let answered = effective.ordered(by: questionnaire).map { item, answer in
            Assessment.AnsweredItem(
                id: item.id, section: questionnaire.section(of: item.id)?.title ?? "", question: item.text, answer: answer.display(for: item),
                value: answer.plain)
        }
        let unanswered = visible.filter { $0.takesAnswer && effective[$0.id] == nil }.map(\.id)

        return Assessment(
            questionnaire: .init(
                id: questionnaire.id, version: questionnaire.version, title: questionnaire.title, contentHash: questionnaire.contentHash),
            name: name, completed: completed.map(ISO8601.format), triage: triage, triggers: triggers, targets: targets,
            instruments: instruments, advice: advice, answers: answered, unanswered: unanswered,
            disclaimer: Assessment.standardDisclaimer)
    }
}
