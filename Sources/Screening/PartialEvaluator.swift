/// Evaluates conditions when some answers are not known yet: each unknown answer may turn out to
/// be any answer its item allows, or no answer at all. A result is `known` only when every way of
/// answering the open items gives that same value, so whatever it proves holds for the finished
/// screening too (Kleene's three-valued logic, with the `Evaluator`'s handling of missing answers).
struct PartialEvaluator {
    let questionnaire: Questionnaire
    /// The answers given so far.
    let answers: AnswerSet
    /// Items that may still be answered: everything else counts as unanswered for good.
    let open: Set<String>
    private let cache = Cache()

    private final class Cache {
        var computed: [String: Outcome] = [:]
        var ranges: [String: ScoreRange] = [:]
    }

    /// A value that is settled, or still depends on open answers.
    enum Outcome: Equatable {
        case known(Value)
        case unknown

        var isKnownTrue: Bool { self == .known(.bool(true)) }
        /// Known, and not true: a condition that cannot hold any more.
        var isKnownFalse: Bool { if case .known(let v) = self { !v.isTrue } else { false } }
    }

    /// The lowest and highest score a nutrient can still reach.
    struct ScoreRange {
        var low: Double
        var high: Double
    }

    init(questionnaire: Questionnaire, answers: AnswerSet, open: Set<String>) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.open = open
    }

    func value(of condition: Condition) -> Outcome { value(of: condition.expression) }

    func value(of expression: Expression) -> Outcome {
        switch expression.node {
        case .number(let n): return .known(.number(n))
        case .string(let s): return .known(.string(s))
        case .bool(let b): return .known(.bool(b))
        case .list(let elements):
            var values: [Value] = []
            for element in elements {
                guard case .known(let v) = value(of: element) else { return .unknown }
                values.append(v)
            }
            return .known(.list(values))
        case .name(let id): return reference(id)
        case .not(let operand):
            guard case .known(let v) = value(of: operand) else { return .unknown }
            return .known(v == .missing ? .bool(true) : .bool(!v.isTrue))
        case .negate(let operand):
            guard case .known(let v) = value(of: operand) else { return .unknown }
            if case .number(let n) = v { return .known(.number(-n)) }
            return .known(.missing)
        case .call(.band, let id):
            guard let nutrient = questionnaire.nutrient(id), let range = range(of: id) else { return .known(.missing) }
            let low = nutrient.thresholds.band(for: range.low)
            return low == nutrient.thresholds.band(for: range.high) ? .known(.string(low.rawValue)) : .unknown
        case .call(_, let id):
            if open.contains(id) { return .unknown }
            // Settled: let the ordinary evaluator read it.
            return .known(Evaluator(questionnaire: questionnaire, answers: answers).value(of: expression))
        case .binary(.and, let lhs, let rhs):
            let l = value(of: lhs)
            if l.isKnownFalse { return .known(.bool(false)) }
            let r = value(of: rhs)
            if r.isKnownFalse { return .known(.bool(false)) }
            return l.isKnownTrue && r.isKnownTrue ? .known(.bool(true)) : .unknown
        case .binary(.or, let lhs, let rhs):
            let l = value(of: lhs)
            if l.isKnownTrue { return .known(.bool(true)) }
            let r = value(of: rhs)
            if r.isKnownTrue { return .known(.bool(true)) }
            return l.isKnownFalse && r.isKnownFalse ? .known(.bool(false)) : .unknown
        case .binary(let op, let lhs, let rhs):
            guard case .known(let l) = value(of: lhs), case .known(let r) = value(of: rhs) else { return .unknown }
            return .known(Evaluator.combine(op, l, r))
        }
    }

    private func reference(_ id: String) -> Outcome {
        if let computed = questionnaire.computedValue(id) {
            if let known = cache.computed[id] { return known }
            let result: Outcome
            switch computed.definition {
            case .expression(let condition): result = value(of: condition)
            case .sum(let rules):
                var total = 0.0
                var settled = true
                for rule in rules {
                    let holds = value(of: rule.condition)
                    if holds.isKnownTrue { total += rule.points } else if !holds.isKnownFalse { settled = false }
                }
                result = settled ? .known(.number(total)) : .unknown
            }
            cache.computed[id] = result
            return result
        }
        if open.contains(id) { return .unknown }
        return .known(answers[id].map(Value.init) ?? .missing)
    }

    /// The scores nutrient `id` can still reach: its rules' outcomes so far, tallied by the
    /// questionnaire's `scoring` as the `Evaluator` tallies the finished ones.
    func range(of id: String) -> ScoreRange? {
        if let known = cache.ranges[id] { return known }
        guard let nutrient = questionnaire.nutrient(id) else { return nil }
        let tally = questionnaire.scoring.tally(nutrient.rules) { rule in
            let holds = value(of: rule.condition)
            return holds.isKnownTrue ? .holds : holds.isKnownFalse ? .fails : .open
        }
        let range = ScoreRange(low: tally.low, high: tally.high)
        cache.ranges[id] = range
        return range
    }
}
