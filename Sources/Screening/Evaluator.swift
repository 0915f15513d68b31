/// Evaluates checked expressions against a set of answers.
///
/// Missing answers never make a condition hold: a comparison with a missing value is false,
/// arithmetic with one (or past the largest number) stays missing, and `not` of a missing yes/no
/// answer is true
/// ("not taking a supplement" when the question was skipped).
public struct Evaluator {
    public let questionnaire: Questionnaire
    public let answers: AnswerSet
    /// The day of the screening, which `years(…)` counts to; without it `years(…)` is missing.
    public let today: CalendarDate?
    /// Computed values already worked out for these answers (they are read by many rules).
    private let cache = ComputedCache()

    public init(questionnaire: Questionnaire, answers: AnswerSet, today: CalendarDate? = nil) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.today = today
    }

    private final class ComputedCache {
        var values: [String: Value] = [:]
        var scores: [String: NutrientScore] = [:]
    }

    /// A nutrient's score and the rules behind it.
    public struct NutrientScore: Sendable {
        public var score: Double
        public var band: Band
        /// The rules that hold and count, in the order written.
        public var counted: [PointRule]
        /// Rules that hold but do not count: no rule they count beside holds (`Scoring`).
        public var uncounted: [PointRule]
    }

    /// The score of the nutrient `id`: the points of its rules that hold and count under the
    /// questionnaire's `scoring` (some kinds count only beside others).
    public func score(of id: String) -> NutrientScore? {
        if let known = cache.scores[id] { return known }
        guard let nutrient = questionnaire.nutrient(id) else { return nil }
        let tally = questionnaire.scoring.tally(nutrient.rules) { holds($0) ? .holds : .fails }
        let result = NutrientScore(
            score: tally.low, band: nutrient.thresholds.band(for: tally.low), counted: tally.counted, uncounted: tally.uncounted)
        cache.scores[id] = result
        return result
    }

    /// True when the rule's condition holds.
    public func holds(_ rule: PointRule) -> Bool { holds(rule.condition) }

    /// True when the condition holds.
    public func holds(_ condition: Condition) -> Bool { value(of: condition.expression).isTrue }

    /// The value of a computed value, by id.
    public func computed(_ id: String) -> Value {
        if let known = cache.values[id] { return known }
        guard let computed = questionnaire.computedValue(id) else { return .missing }
        let result: Value
        switch computed.definition {
        case .expression(let condition): result = value(of: condition.expression)
        case .sum(let rules): result = .number(rules.filter { holds($0.condition) }.reduce(0) { $0 + $1.points })
        }
        cache.values[id] = result
        return result
    }

    /// The value of any checked expression.
    public func value(of expression: Expression) -> Value {
        switch expression.node {
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let elements): return .list(elements.map(value(of:)))
        case .name(let id): return reference(id)
        case .not(let operand):
            let v = value(of: operand)
            return v == .missing ? .bool(true) : .bool(!v.isTrue)
        case .negate(let operand):
            if case .number(let n) = value(of: operand) { return .number(-n) }
            return .missing
        case .call(let function, let id):
            let answer = function == .band ? nil : answers[id]
            switch function {
            case .answered: return .bool(answer != nil)
            case .years:
                guard case .date(let date)? = answer, let today else { return .missing }
                return .number(Double(date.years(until: today)))
            case .count:
                guard case .multiChoice(let values)? = answer, let item = questionnaire.item(id) else { return .number(0) }
                return .number(Double(values.filter { !(item.option($0)?.exclusive ?? false) }.count))
            case .points:
                guard case .choice(let value)? = answer else { return .number(0) }
                return .number(questionnaire.item(id)?.option(value)?.points ?? 0)
            case .band:
                return score(of: id).map { .string($0.band.rawValue) } ?? .missing
            }
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs)
        }
    }

    private func binary(_ op: Expression.BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Value {
        switch op {
        case .and: return .bool(value(of: lhs).isTrue && value(of: rhs).isTrue)
        case .or: return .bool(value(of: lhs).isTrue || value(of: rhs).isTrue)
        case .in:
            // `option in multiChoiceItem`, the commonest condition, without building a set.
            if case .name(let id) = rhs.node, case .string(let option) = lhs.node {
                guard case .multiChoice(let values)? = answers[id] else { return .bool(false) }
                return .bool(values.contains(option))
            }
        default: break
        }
        return Self.combine(op, value(of: lhs), value(of: rhs))
    }

    /// `l op r` for two values already worked out (every operator but the short-circuit `and`/`or`).
    static func combine(_ op: Expression.BinaryOperator, _ l: Value, _ r: Value) -> Value {
        if l == .missing || r == .missing {
            return [.add, .subtract, .multiply].contains(op) ? .missing : .bool(false)
        }
        switch op {
        case .equal: return .bool(l == r)
        case .notEqual: return .bool(l != r)
        case .in:
            switch r {
            case .list(let elements): return .bool(elements.contains(l))
            case .selection(let set): if case .string(let s) = l { return .bool(set.contains(s)) }
            default: break
            }
            return .bool(false)
        default: break
        }
        guard case .number(let a) = l, case .number(let b) = r else { return .missing }
        switch op {
        case .add: return finite(a + b)
        case .subtract: return finite(a - b)
        case .multiply: return finite(a * b)
        case .less: return .bool(a < b)
        case .lessOrEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterOrEqual: return .bool(a >= b)
        default: return .missing
        }
    }

    /// A result past the largest number is missing, like any value that cannot be known.
    private static func finite(_ n: Double) -> Value { n.isFinite ? .number(n) : .missing }

    private func reference(_ id: String) -> Value {
        if questionnaire.computedValue(id) != nil { return computed(id) }
        return answers[id].map(Value.init) ?? .missing
    }
}
