/// Which questions can still change the result, given the answers so far, so that the interview
/// asks only those.
///
/// The result is every nutrient's band, the triggers that fire, every instrument's result, the
/// other causes that apply and the tests listed. Scores are sums of points and bands are
/// thresholds, so for the answers so far each nutrient has a lowest and a highest score it can
/// still reach; when both fall in one band, no answer to come can change it. A trigger, an
/// instrument, an other cause or a test whose condition is settled either way cannot change
/// either. A question matters only if something still open reads it.
///
/// A flagged nutrient's reasons are on page 1 of the report, and a doctor acts on them (heavy
/// periods for iron, covered skin for vitamin D), so while a nutrient may still be flagged, an
/// unsettled risk rule of it with positive points matters too, even once its band is settled.
///
/// Always asked: items marked `ask: always`, and gates, the items other items' conditions read
/// (an answer to a gate decides what else is asked). Both sides of the check treat an open
/// question as possibly unanswered, so leaving it unasked never changes the result; and a
/// question that cannot matter now cannot matter after more answers, so none comes back.
public struct Relevance: Sendable {
    public let questionnaire: Questionnaire
    /// Items that some item's condition reads, directly or through computed values.
    public let gates: Set<String>
    /// For each nutrient, trigger, instrument, other cause and test (by id): the items it reads.
    private let nutrientReads: [String: Set<String>]
    /// For each nutrient: its risk rules with positive points (the reasons page 1 shows) and the items each reads.
    private let reasonReads: [String: [(rule: PointRule, items: Set<String>)]]
    private let triggerReads: [String: Set<String>]
    private let instrumentReads: [String: Set<String>]
    private let causeReads: [String: Set<String>]
    private let testReads: [String: Set<String>]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        var reads = ItemReads(questionnaire: questionnaire)
        var gates: Set<String> = []
        for item in questionnaire.items { if let condition = item.condition { gates.formUnion(reads.items(condition.expression)) } }
        self.gates = gates
        nutrientReads = Dictionary(uniqueKeysWithValues: questionnaire.nutrients.map { ($0.id, reads.items($0.rules.map(\.condition.expression))) })
        reasonReads = Dictionary(
            uniqueKeysWithValues: questionnaire.nutrients.map { nutrient in
                (nutrient.id, nutrient.rules.filter { $0.kind == .risk && $0.points > 0 }.map { ($0, reads.items($0.condition.expression)) })
            })
        triggerReads = Dictionary(uniqueKeysWithValues: questionnaire.triggers.map { ($0.id, reads.items($0.condition.expression)) })
        instrumentReads = Dictionary(
            uniqueKeysWithValues: questionnaire.instruments.map { instrument in
                let conditions = [instrument.condition].compactMap { $0 } + instrument.results.map(\.condition)
                return (instrument.id, reads.items(conditions.map(\.expression) + [Expression(.name(instrument.total))]))
            })
        causeReads = Dictionary(uniqueKeysWithValues: questionnaire.otherCauses.map { ($0.id, reads.items($0.condition.expression)) })
        testReads = Dictionary(
            uniqueKeysWithValues: questionnaire.tests.compactMap { test in test.condition.map { (test.id, reads.items($0.expression)) } })
    }

    /// The items an answer to which could still change the result, given `answers` (the answers
    /// to the questions asked so far).
    public func openItems(_ answers: AnswerSet) -> Set<String> {
        let open = questionnaire.stillOpen(answers)
        let partial = PartialEvaluator(questionnaire: questionnaire, answers: answers, open: open)
        var matters: Set<String> = []
        func unsettled(_ condition: Condition?) -> Bool { condition.map { partial.value(of: $0) == .unknown } ?? false }

        var servers: Set<String> = []
        for nutrient in questionnaire.nutrients {
            guard let range = partial.range(of: nutrient.id) else { continue }
            // May still be flagged (as the Assessor decides): its tests may still be listed.
            if nutrient.thresholds.band(for: range.high).isFlagged {
                servers.insert(nutrient.id)
                for reason in reasonReads[nutrient.id] ?? [] where unsettled(reason.rule.condition) { matters.formUnion(reason.items) }
            }
            if nutrient.thresholds.band(for: range.low) != nutrient.thresholds.band(for: range.high) {
                matters.formUnion(nutrientReads[nutrient.id] ?? [])
            }
        }
        for trigger in questionnaire.triggers where unsettled(trigger.condition) { matters.formUnion(triggerReads[trigger.id] ?? []) }
        for instrument in questionnaire.instruments {
            let conditions = [instrument.condition].compactMap { $0 } + instrument.results.map(\.condition)
            if conditions.contains(where: unsettled) || partial.value(of: Expression(.name(instrument.total))) == .unknown {
                matters.formUnion(instrumentReads[instrument.id] ?? [])
            }
        }
        for cause in questionnaire.otherCauses {
            if unsettled(cause.condition) { matters.formUnion(causeReads[cause.id] ?? []) }
            if !partial.value(of: cause.condition).isKnownFalse { servers.insert(cause.id) }
        }
        // A test's own condition matters only while something that names it may still be listed.
        let named = Set(questionnaire.nutrients.filter { servers.contains($0.id) }.flatMap(\.tests))
            .union(questionnaire.otherCauses.filter { servers.contains($0.id) }.flatMap(\.tests))
        for test in questionnaire.tests where named.contains(test.id) && unsettled(test.condition) { matters.formUnion(testReads[test.id] ?? []) }
        return matters.intersection(open)
    }

    /// True when `item`, once shown, is asked: it is always asked, a gate, or among `open` (the
    /// `openItems` of the answers so far: it could still change the result).
    public func asks(_ item: Item, open: Set<String>) -> Bool {
        item.alwaysAsked || gates.contains(item.id) || open.contains(item.id)
    }

    /// The items, in order, that the interview asks a person who gives `answers`: each shown
    /// item that is asked given the answers to the items asked before it. An item worked out
    /// from earlier answers on `day` (an age from a date of birth) is not asked.
    public func askedPath(_ answers: AnswerSet, on day: CalendarDate) -> [String] {
        let navigator = Navigator(questionnaire: questionnaire)
        var given = AnswerSet()
        var asked: [String] = []
        var open: Set<String>? = nil  // worked out again only when an answer is added
        for item in questionnaire.items where item.takesAnswer {
            if let condition = item.condition, !Evaluator(questionnaire: questionnaire, answers: given).holds(condition) { continue }
            // Worked out from earlier answers (an age from a date of birth), not asked.
            if item.calculated != nil, let answer = answers[item.id], navigator.calculating(given, on: day)[item.id] == answer {
                given[item.id] = answer
                open = nil
                continue
            }
            if !item.alwaysAsked, !gates.contains(item.id) {
                if open == nil { open = openItems(given) }
                guard let open, asks(item, open: open) else { continue }
            }
            asked.append(item.id)
            if let answer = answers[item.id] {
                given[item.id] = answer
                open = nil
            }
        }
        return asked
    }
}

/// The items an expression reads, following computed values and `band(…)` to what they read.
/// Internal, not private: the coverage table's test checks that a row's question is one its rules read.
struct ItemReads {
    let questionnaire: Questionnaire
    private var computed: [String: Set<String>] = [:]
    private var nutrientReads: [String: Set<String>] = [:]

    init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    mutating func items(_ expressions: [Expression]) -> Set<String> {
        expressions.reduce(into: []) { $0.formUnion(items($1)) }
    }

    mutating func items(_ expression: Expression) -> Set<String> {
        var result: Set<String> = []
        for id in expression.references {
            if questionnaire.computedValue(id) != nil { result.formUnion(computedItems(id)) } else { result.insert(id) }
        }
        for id in expression.bandReads {
            if let known = nutrientReads[id] {
                result.formUnion(known)
            } else if let nutrient = questionnaire.nutrient(id) {
                let read = items(nutrient.rules.map(\.condition.expression))
                nutrientReads[id] = read
                result.formUnion(read)
            }
        }
        return result
    }

    private mutating func computedItems(_ id: String) -> Set<String> {
        if let known = computed[id] { return known }
        computed[id] = []  // a definition never reads itself; this only guards the recursion
        guard let value = questionnaire.computedValue(id) else { return [] }
        let expressions: [Expression]
        switch value.definition {
        case .expression(let condition): expressions = [condition.expression]
        case .sum(let rules): expressions = rules.map(\.condition.expression)
        }
        let result = items(expressions)
        computed[id] = result
        return result
    }
}
