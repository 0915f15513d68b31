/// How deep evaluating an expression can go once the computed values it reads are counted: a
/// computed value is evaluated where it is read, so its own tree stacks on top of the reader's.
///
/// Checked when a questionnaire loads (a located error) and when an archive is decoded (the
/// archive is refused), so the evaluator never recurses deeper than `maximum`, and never into a
/// computed value that reads itself.
enum EvaluationDepth {
    /// Deepest evaluation accepted: a few computed values built on each other, each of the deepest
    /// tree the parser allows.
    static let maximum = 4 * Expression.maximumDepth

    /// The evaluation depth of `expression`, given the depths of the computed values defined
    /// before it (`known`); nil when it reads a computed value in `laterComputed` (itself, or
    /// one defined after it).
    static func of(_ expression: Expression, known: [String: Int], laterComputed: Set<String> = []) -> Int? {
        switch expression.node {
        case .number, .string, .bool, .call: return 1
        case .name(let id):
            if let depth = known[id] { return 1 + depth }
            return laterComputed.contains(id) ? nil : 1
        case .not(let e), .negate(let e):
            return of(e, known: known, laterComputed: laterComputed).map { $0 + 1 }
        case .binary(_, let l, let r):
            guard let left = of(l, known: known, laterComputed: laterComputed),
                let right = of(r, known: known, laterComputed: laterComputed)
            else { return nil }
            return 1 + max(left, right)
        case .list(let elements):
            var deepest = 0
            for element in elements {
                guard let depth = of(element, known: known, laterComputed: laterComputed) else { return nil }
                deepest = max(deepest, depth)
            }
            return 1 + deepest
        }
    }

    /// The evaluation depth of a computed value's definition.
    static func of(_ computed: ComputedValue, known: [String: Int], laterComputed: Set<String> = []) -> Int? {
        switch computed.definition {
        case .expression(let condition): return of(condition.expression, known: known, laterComputed: laterComputed)
        case .sum(let rules):
            var deepest = 0
            for rule in rules {
                guard let depth = of(rule.condition.expression, known: known, laterComputed: laterComputed) else { return nil }
                deepest = max(deepest, depth)
            }
            return 1 + deepest
        }
    }

    /// True when every computed value reads only computed values defined before it, and no
    /// evaluation goes deeper than `maximum`.
    static func isSafe(_ computed: [ComputedValue]) -> Bool {
        var known: [String: Int] = [:]
        var later = Set(computed.map(\.id))
        for value in computed {
            later.remove(value.id)
            guard known[value.id] == nil, let depth = of(value, known: known, laterComputed: later.union([value.id])), depth <= maximum
            else { return false }
            known[value.id] = depth
        }
        return true
    }
}
