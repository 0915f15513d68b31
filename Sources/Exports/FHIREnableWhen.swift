import Screening

/// A `when` condition as FHIR `enableWhen` entries, where it maps exactly.
///
/// FHIR's `enableWhen` compares one earlier answer with a value, and combines several with
/// `enableBehavior` all or any. That covers `item == option`, `option in item`, `item in [a, b]`,
/// a yes/no item on its own, and number comparisons, joined by only `and` or only `or`. Anything
/// else (`not`, computed values, `count`, `!=`, whose FHIR meaning differs when the question has
/// no answer) is carried as the condition's own text in an `enableWhenExpression`.
struct FHIREnableWhen {
    let questionnaire: Questionnaire
    let coding: (Item, String) -> JSONValue

    /// The entries and the behaviour that combines them, or nil when the condition does not map.
    func map(_ expression: Expression) -> (entries: [JSONValue], behavior: String?)? {
        if let single = atoms(expression) { return (single, single.count > 1 ? "any" : nil) }
        let op: Expression.BinaryOperator
        switch expression.node {
        case .binary(.and, _, _): op = .and
        case .binary(.or, _, _): op = .or
        default: return nil
        }
        var entries: [JSONValue] = []
        for part in flatten(expression, op) {
            guard let mapped = atoms(part), op == .or || mapped.count == 1 else { return nil }
            entries += mapped
        }
        return (entries, op == .and ? "all" : "any")
    }

    /// The operands of a chain of one operator.
    private func flatten(_ expression: Expression, _ op: Expression.BinaryOperator) -> [Expression] {
        if case .binary(op, let lhs, let rhs) = expression.node { return flatten(lhs, op) + flatten(rhs, op) }
        return [expression]
    }

    /// One comparison as one entry (several for `item in [a, b]`, to be joined with "any").
    private func atoms(_ expression: Expression) -> [JSONValue]? {
        switch expression.node {
        case .name(let id):
            guard let item = questionnaire.item(id), let boolean = item.kind as? BooleanKind else { return nil }
            return [entry(id, "=", boolean.allowsUnsure ? ("answerCoding", coding(item, "yes")) : ("answerBoolean", .bool(true)))]
        case .binary(.equal, let lhs, let rhs):
            guard case .name(let id) = lhs.node, case .string(let option) = rhs.node, let item = questionnaire.item(id),
                item.kind is ChoiceKind
            else { return number(expression) }
            return [entry(id, "=", ("answerCoding", coding(item, option)))]
        case .binary(.in, let lhs, let rhs):
            if case .string(let option) = lhs.node, case .name(let id) = rhs.node, let item = questionnaire.item(id) {
                return [entry(id, "=", ("answerCoding", coding(item, option)))]
            }
            guard case .name(let id) = lhs.node, case .list(let options) = rhs.node, let item = questionnaire.item(id), item.kind is ChoiceKind
            else { return nil }
            var entries: [JSONValue] = []
            for option in options {
                guard case .string(let value) = option.node else { return nil }
                entries.append(entry(id, "=", ("answerCoding", coding(item, value))))
            }
            return entries
        default:
            return number(expression)
        }
    }

    /// `age >= 40`: a number item compared with a number.
    private func number(_ expression: Expression) -> [JSONValue]? {
        let operators: [Expression.BinaryOperator: String] = [
            .equal: "=", .less: "<", .lessOrEqual: "<=", .greater: ">", .greaterOrEqual: ">=",
        ]
        guard case .binary(let op, let lhs, let rhs) = expression.node, let symbol = operators[op], case .name(let id) = lhs.node,
            case .number(let value) = rhs.node, let item = questionnaire.item(id)
        else { return nil }
        if item.kind is IntegerKind, value == value.rounded() { return [entry(id, symbol, ("answerInteger", .integer(Int(value))))] }
        if item.kind is DecimalKind { return [entry(id, symbol, ("answerDecimal", .number(value)))] }
        return nil
    }

    private func entry(_ question: String, _ op: String, _ answer: (key: String, value: JSONValue)) -> JSONValue {
        .object(["question": .string(question), "operator": .string(op), answer.key: answer.value])
    }
}
