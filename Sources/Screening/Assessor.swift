import Foundation

/// Turns answers into an `Assessment`: triggers, nutrient scores with their reasons, instruments,
/// tests, other causes and advice. Pure: the same questionnaire, answers and day (`Today`, given
/// by the executable) always give the same assessment; it reads no clock and no zone.
public struct Assessor: Sendable {
    public let questionnaire: Questionnaire
    /// When set, the assessment counts as unanswered only the questions that could still change
    /// the result (see `Relevance`).
    public let relevance: Relevance?
    /// True when the assessment records the questions the interview asks (`Assessment.asked`).
    public let recordsAsked: Bool
    /// The day answers are judged on when they do not say when they were completed, and the zone
    /// a completion time falls into a day in.
    public let today: Today

    /// The defaults are the program's: what the interview asks, without its path.
    /// - Parameters:
    ///   - pruning: count as unanswered only what could still change the result, as the
    ///     interview asks; off, every shown question counts and scoring is faster.
    ///   - recordsAsked: with pruning, also record the interview's path (`Assessment.asked`,
    ///     for `assess --json`); a report does not show it and is faster without.
    public init(questionnaire: Questionnaire, today: Today, pruning: Bool = true, recordsAsked: Bool = false) {
        self.questionnaire = questionnaire
        self.today = today
        self.relevance = pruning && questionnaire.schemaVersion >= 2 ? Relevance(questionnaire: questionnaire) : nil
        self.recordsAsked = recordsAsked
    }

    /// Scores an answers file's answers, for its person and completion time.
    public func assess(_ document: AnswersDocument) -> Assessment {
        assess(document.answers, name: document.name, completed: document.completed)
    }

    /// Scores `answers`; answers to items that are not shown are ignored, and calculated items
    /// (an age from a date of birth) are worked out for the day of `completed` (else `today`).
    public func assess(_ answers: AnswerSet, name: String? = nil, completed: Date? = nil) -> Assessment {
        let navigator = Navigator(questionnaire: questionnaire)
        let messages = questionnaire.messages
        let day = today.day(of: completed)
        let (visible, effective) = navigator.walk(navigator.calculating(answers, on: day))
        let evaluator = Evaluator(questionnaire: questionnaire, answers: effective)
        func evidence(_ condition: Condition) -> [Evidence] { navigator.evidence(for: condition.expression, in: effective) }

        let fired = navigator.firedTriggers(effective: effective)
        let triggers = fired.map {
            Assessment.TriggerResult(
                id: $0.trigger.id, urgency: $0.trigger.urgency, message: $0.trigger.message, references: $0.trigger.references,
                evidence: $0.evidence)
        }
        let level = fired.first.map(\.trigger.urgency)
        let declared = level.flatMap(questionnaire.level)
        let triage = Assessment.Triage(
            level: level, headline: declared?.headline ?? level.map { $0.name(messages) } ?? messages.assessment.noWarning,
            advice: declared?.advice)

        func result(of rule: PointRule) -> Assessment.RuleResult {
            Assessment.RuleResult(
                points: rule.points, kind: rule.kind, reason: rule.reason, references: rule.references, evidence: evidence(rule.condition))
        }
        let holding = Set(questionnaire.contexts.filter { evaluator.holds($0.condition) }.map(\.id))
        let applies = { (test: String) in questionnaire.test(test)?.condition.map(evaluator.holds) ?? true }
        let nutrients = questionnaire.nutrients.enumerated().compactMap { index, nutrient -> (Int, Assessment.NutrientResult)? in
            guard let scored = evaluator.score(of: nutrient.id) else { return nil }
            let counted = scored.counted.map(result(of:))
            return (
                index,
                Assessment.NutrientResult(
                    id: nutrient.id, name: nutrient.name, summary: nutrient.summary, score: scored.score, band: scored.band,
                    thresholds: nutrient.thresholds, supporting: counted.filter { $0.points > 0 }.sorted { $0.points > $1.points },
                    contrary: counted.filter { $0.points < 0 }.sorted { $0.points < $1.points }, uncounted: scored.uncounted.map(result(of:)),
                    tests: nutrient.tests.filter(applies), foods: nutrient.foods.filter { $0.fit.applies(in: holding) }.map(\.text),
                    notes: nutrient.notes.filter { $0.fit.applies(in: holding) }.map(\.text))
            )
        }
        .sorted { ($0.1.band, $0.1.score, -$0.0) > ($1.1.band, $1.1.score, -$1.0) }
        .map(\.1)

        let instruments = questionnaire.instruments.compactMap { instrument -> Assessment.InstrumentResult? in
            if let condition = instrument.condition, !evaluator.holds(condition) { return nil }
            guard case .number(let total) = evaluator.computed(instrument.total) else { return nil }
            let match = instrument.results.first { evaluator.holds($0.condition) }
            return Assessment.InstrumentResult(
                id: instrument.id, name: instrument.name, total: total, maximum: instrument.maximum,
                result: match?.result ?? instrument.otherwise, meaning: match?.meaning ?? instrument.otherwiseMeaning,
                positive: match?.positive ?? false, cutoff: instrument.cutoff, references: instrument.references)
        }

        let otherCauses = questionnaire.otherCauses.filter { evaluator.holds($0.condition) }.map { cause in
            guard let known = cause.known, holding.contains(known.context) else {
                return Assessment.OtherCauseResult(
                    id: cause.id, text: cause.text, tests: cause.tests.filter(applies), references: cause.references,
                    evidence: evidence(cause.condition))
            }
            return Assessment.OtherCauseResult(
                id: cause.id, known: known.name, text: known.text ?? cause.text, tests: known.tests.filter(applies), references: known.references,
                evidence: evidence(cause.condition))
        }

        let advice = questionnaire.advice.filter {
            ($0.condition.map(evaluator.holds) ?? true) && !($0.exception.map(evaluator.holds) ?? false) && $0.fit.applies(in: holding)
        }
        .map { Assessment.AdviceResult(id: $0.id, text: $0.text, references: $0.references) }

        // Each test once, serving every flagged nutrient and other cause that names it.
        var tests: [Assessment.TestResult] = []
        let servers = nutrients.filter(\.band.isFlagged).map { ($0.id, $0.tests) } + otherCauses.map { ($0.id, $0.tests) }
        for (server, ids) in servers {
            for id in ids {
                if let index = tests.firstIndex(where: { $0.id == id }) {
                    if !tests[index].for.contains(server) { tests[index].for.append(server) }
                } else {
                    let entry = questionnaire.test(id)
                    tests.append(
                        Assessment.TestResult(id: id, name: entry?.name ?? id, for: [server], why: entry?.checks ?? "", tier: entry?.tier ?? .first))
                }
            }
        }

        let answered = effective.ordered(by: questionnaire).map { item, answer in
            Assessment.AnsweredItem(item, in: questionnaire.section(of: item.id), value: answer.plain, answer: answer.display(for: item, messages))
        }
        let asked = recordsAsked ? relevance?.askedPath(effective, on: day) : nil
        // With pruning, a question left unanswered is missing only if it could still change the result.
        let open = relevance?.openItems(effective)
        let unanswered = visible.filter { item in
            item.takesAnswer && item.required && effective[item.id] == nil
                && (relevance.map { $0.asks(item, open: open ?? []) } ?? true)
        }.map { Assessment.UnansweredItem(id: $0.id, label: $0.label) }

        var cited: Set<String> = []
        for keys in triggers.map(\.references) + instruments.map(\.references) + advice.map(\.references) + otherCauses.map(\.references) {
            cited.formUnion(keys)
        }
        for nutrient in nutrients where nutrient.band.isFlagged {
            for reason in nutrient.supporting + nutrient.contrary { cited.formUnion(reason.references) }
        }

        return Assessment(
            questionnaire: .init(
                id: questionnaire.id, version: questionnaire.version, title: questionnaire.title, contentHash: questionnaire.contentHash),
            language: questionnaire.language,
            person: Assessment.Person(name: name, answers: answered, items: questionnaire.report.person, on: day),
            completed: completed.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }, triage: triage,
            triggers: triggers, nutrients: nutrients, instruments: instruments, advice: advice, tests: tests, otherCauses: otherCauses,
            references: questionnaire.references.filter { cited.contains($0.id) }, answers: answered,
            ruledOut: Assessment.ruledOut(answered, in: questionnaire, firing: fired.map(\.trigger)),
            context: Assessment.context(answered, report: questionnaire.report),
            report: questionnaire.report, asked: asked, unanswered: unanswered, disclaimer: messages.assessment.disclaimer)
    }
}
