import Screening

/// A checked NutriScreen expression as FHIRPath (`text/fhirpath`), for the SDC extensions
/// `enableWhenExpression` and `calculatedExpression`, with the same meaning over a
/// QuestionnaireResponse.
///
/// Answers and computed values are read from the root's SDC variables (`FHIRPathVariables`):
/// `%dietAnswer` is the answer of `diet`, `%hasSymptoms` the computed value `has_symptoms`. A
/// choice, several-choice or yes/no/unsure answer is read by its Coding's code. NutriScreen never
/// lets a missing answer make a condition hold, where FHIRPath gives the empty collection: so
/// every truth is made definite with `(…) ~ true` (empty is not equivalent to true), which makes
/// a comparison with a missing answer false, `!=` included, and `not` of a missing answer true,
/// as NutriScreen's own evaluator does. `docs/fhir-mapping.md` gives the whole translation.
struct FHIRPathExpression {
    let questionnaire: Questionnaire

    /// The media type of FHIRPath in an SDC `Expression`.
    static let language = "text/fhirpath"

    /// The FHIRPath of a condition, always true or false.
    func condition(_ expression: Expression) -> String { truth(expression) }

    /// The FHIRPath of a value (a calculated item's answer, a computed value).
    func value(_ expression: Expression) -> String { term(expression) }

    /// `expression` as a definite truth: true only when NutriScreen's value is a real true.
    private func truth(_ expression: Expression) -> String {
        switch expression.node {
        case .binary(.and, let lhs, let rhs): return "(\(truth(lhs)) and \(truth(rhs)))"
        case .binary(.or, let lhs, let rhs): return "(\(truth(lhs)) or \(truth(rhs)))"
        case .not(let operand): return "\(truth(operand)).not()"
        case .bool(let value): return value ? "true" : "false"
        default: return "((\(term(expression))) ~ true)"
        }
    }

    /// `expression` as a FHIRPath value, empty where NutriScreen's is missing.
    private func term(_ expression: Expression) -> String {
        switch expression.node {
        case .number(let value): return Self.number(value)
        case .string(let text): return Self.string(text)
        case .bool(let value): return value ? "true" : "false"
        case .list(let elements): return "(" + elements.map(term).joined(separator: " | ") + ")"
        case .name(let id): return reference(id)
        case .not, .binary(.and, _, _), .binary(.or, _, _): return truth(expression)
        case .negate(let operand): return "(0 - \(term(operand)))"
        case .call(let function, let id): return call(function, id)
        case .binary(let op, let lhs, let rhs): return binary(op, lhs, rhs)
        }
    }

    private func binary(_ op: Expression.BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> String {
        let symbols: [Expression.BinaryOperator: String] = [
            .equal: "=", .notEqual: "!=", .less: "<", .lessOrEqual: "<=", .greater: ">", .greaterOrEqual: ">=", .in: "in",
            .add: "+", .subtract: "-", .multiply: "*",
        ]
        let symbol = symbols[op] ?? op.rawValue
        // NutriScreen's `==`, `!=` and `in` are false when either side is missing; FHIRPath's are
        // empty then, or (`in` of an empty left side) true.
        let text = "(\(term(lhs)) \(symbol) \(term(rhs)))"
        switch op {
        case .notEqual, .in, .equal: return "(\(term(lhs)).exists() and \(term(rhs)).exists() and \(text))"
        default: return text
        }
    }

    private func call(_ function: Expression.Function, _ id: String) -> String {
        let answer = "%" + FHIRPathVariables.answer(id)
        switch function {
        case .answered: return "\(answer).exists()"
        case .count:
            let exclusive = questionnaire.item(id)?.options.filter(\.exclusive).map { Self.string($0.value) } ?? []
            let codes = answer + ".code"
            return exclusive.isEmpty ? "\(codes).count()" : "\(codes).where(($this in (\(exclusive.joined(separator: " | ")))).not()).count()"
        case .points:
            let weighted = questionnaire.item(id)?.options.filter { ($0.points ?? 0) != 0 } ?? []
            guard !weighted.isEmpty else { return "0" }
            let code = answer + ".code"
            return "("
                + weighted.map { "iif(\(code) contains \(Self.string($0.value)), \(Self.number($0.points ?? 0)), 0)" }.joined(separator: " + ")
                + ")"
        case .years:
            let birth = "\(answer).toString()"
            let now = "today().toString()"
            return "(\(now).substring(0, 4).toInteger() - \(birth).substring(0, 4).toInteger()"
                + " - iif(\(now).substring(5, 5) < \(birth).substring(5, 5), 1, 0))"
        case .band:
            return "%" + FHIRPathVariables.band(id)
        }
    }

    /// An item's answer or a computed value, from its variable.
    private func reference(_ id: String) -> String {
        if questionnaire.computedValue(id) != nil { return "%" + FHIRPathVariables.computed(id) }
        let answer = "%" + FHIRPathVariables.answer(id)
        guard let item = questionnaire.item(id) else { return answer }
        switch item.kind {
        case let boolean as BooleanKind: return boolean.allowsUnsure ? "(\(answer).code = 'yes')" : answer
        case is ChoiceKind, is MultiChoiceKind: return answer + ".code"
        case is DateKind: return answer + ".toString()"
        default: return answer
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
