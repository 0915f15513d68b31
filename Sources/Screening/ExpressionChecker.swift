/// Resolves names and type-checks an expression against a questionnaire's items and computed values.
///
/// A bare word compared with a choice item (or tested with `in` against a multiChoice item) is
/// read as one of that item's option values first, so `diet == vegan` and
/// `metformin in medicines` read naturally.
struct ExpressionChecker {
    /// What a name can refer to.
    enum Symbol {
        case item(Item, order: Int)
        /// `readsBands`: the value reads `band(…)`, directly or through another computed value.
        case computed(ComputedValue, lastDependency: Int, readsBands: Bool)
    }

    /// All names in the questionnaire.
    var symbols: [String: Symbol]
    /// Nutrient ids, which `band(…)` takes.
    var nutrients: Set<String> = []
    /// True where `band(…)` may be read: triggers, advice, other causes, tests and the computed
    /// values they use. Never in item conditions or scoring rules, which bands are made from.
    var allowsBands = false
    /// True only for an item's `calculated`, which is worked out on the day of the screening.
    var allowsYears = false
    /// When set, only items with an order below this may be read (conditions on items).
    var orderLimit: Int?
    /// Describes what the limit belongs to, for messages ("this item").
    var limitOwner = "this item"

    /// Returns the resolved expression and its type, or the first error.
    func check(_ expression: Expression) throws(ExpressionError) -> (Expression, ValueType) {
        let e = expression
        switch e.node {
        case .number: return (e, .number)
        case .bool: return (e, .bool)
        case .string: return (e, .string)
        case .name(let id): return (e, try type(ofName: id, at: e.offset))
        case .list(let elements):
            var resolved: [Expression] = []
            for element in elements { resolved.append(try check(element).0) }
            return (Expression(.list(resolved), offset: e.offset), .list)
        case .not(let operand):
            let (inner, type) = try check(operand)
            try require(type == .bool, at: operand.offset, "'not' needs a yes/no value, not \(type)")
            return (Expression(.not(inner), offset: e.offset), .bool)
        case .negate(let operand):
            let (inner, type) = try check(operand)
            try require(type == .number, at: operand.offset, "'-' needs a number, not \(type)")
            return (Expression(.negate(inner), offset: e.offset), .number)
        case .call(let function, let id):
            return (e, try type(ofCall: function, id: id, at: e.offset))
        case .binary(let op, let lhs, let rhs):
            return try checkBinary(op, lhs, rhs, at: e.offset)
        }
    }

    private func checkBinary(_ op: Expression.BinaryOperator, _ lhs: Expression, _ rhs: Expression, at offset: Int) throws(ExpressionError) -> (
        Expression, ValueType
    ) {
        func build(_ l: Expression, _ r: Expression, _ type: ValueType) -> (Expression, ValueType) {
            (Expression(.binary(op, l, r), offset: offset), type)
        }
        switch op {
        case .and, .or:
            let (l, lt) = try check(lhs)
            let (r, rt) = try check(rhs)
            try require(lt == .bool, at: lhs.offset, "'\(op.rawValue)' needs yes/no values, not \(lt)")
            try require(rt == .bool, at: rhs.offset, "'\(op.rawValue)' needs yes/no values, not \(rt)")
            return build(l, r, .bool)
        case .add, .subtract, .multiply, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (l, lt) = try check(lhs)
            let (r, rt) = try check(rhs)
            try require(lt == .number, at: lhs.offset, "'\(op.rawValue)' needs numbers, but this is \(lt)")
            try require(rt == .number, at: rhs.offset, "'\(op.rawValue)' needs numbers, but this is \(rt)")
            return build(l, r, [.add, .subtract, .multiply].contains(op) ? .number : .bool)
        case .equal, .notEqual:
            // A choice on either side lets a bare word on the other be one of its options.
            if let item = try choiceItem(lhs) {
                let (l, _) = try check(lhs)
                if let option = try optionLiteral(rhs, of: item) { return build(l, option, .bool) }
                let (r, rt) = try check(rhs)
                guard case .choice = rt else {
                    throw ExpressionError(
                        offset: rhs.offset,
                        message: "cannot compare choice '\(item.id)' with \(rt); use one of its options: \(item.optionValues.joined(separator: ", "))"
                    )
                }
                return build(l, r, .bool)
            }
            if let item = try choiceItem(rhs), let option = try optionLiteral(lhs, of: item) {
                return build(option, try check(rhs).0, .bool)
            }
            let (l, lt) = try check(lhs)
            let (r, rt) = try check(rhs)
            let comparable = lt == rt || (lt == .text && rt == .string) || (lt == .string && rt == .text)
            try require(comparable, at: rhs.offset, "cannot compare \(lt) with \(rt)")
            return build(l, r, .bool)
        case .in:
            if case .list(let elements) = rhs.node {
                if let item = try choiceItem(lhs) {
                    let (l, _) = try check(lhs)
                    var resolved: [Expression] = []
                    for element in elements {
                        guard let option = try optionLiteral(element, of: item) else {
                            throw ExpressionError(
                                offset: element.offset,
                                message: "the list after 'in' must hold options of '\(item.id)': \(item.optionValues.joined(separator: ", "))")
                        }
                        resolved.append(option)
                    }
                    return build(l, Expression(.list(resolved), offset: rhs.offset), .bool)
                }
                let (l, lt) = try check(lhs)
                var resolved: [Expression] = []
                for element in elements {
                    let (r, rt) = try check(element)
                    try require(
                        rt == lt || (lt == .text && rt == .string), at: element.offset, "the list after 'in' holds \(rt), but the left side is \(lt)")
                    resolved.append(r)
                }
                return build(l, Expression(.list(resolved), offset: rhs.offset), .bool)
            }
            let (r, rt) = try check(rhs)
            guard case .selection(let itemID) = rt, case .item(let item, _)? = symbols[itemID] else {
                throw ExpressionError(offset: rhs.offset, message: "'in' needs a list like [a, b] or a multiChoice item on its right, not \(rt)")
            }
            guard let option = try optionLiteral(lhs, of: item) else {
                throw ExpressionError(
                    offset: lhs.offset,
                    message: "the left side of 'in \(itemID)' must be one of its options: \(item.optionValues.joined(separator: ", "))")
            }
            return build(option, r, .bool)
        }
    }

    /// The choice item `e` refers to, if it is a plain reference to one (`band(…)` counts as a
    /// choice of `low`, `possible` and `likely`).
    private func choiceItem(_ e: Expression) throws(ExpressionError) -> Item? {
        if case .call(.band, let id) = e.node {
            try checkBand(id, at: e.offset)
            return Self.bandItem
        }
        guard case .name(let id) = e.node, case .item(let item, _)? = symbols[id], item.kind is ChoiceKind else { return nil }
        return item
    }

    /// The options `band(…)` compares with.
    static let bandItem = Item(
        id: "band", text: "", kind: .choice(Band.allCases.map { AnswerOption(value: $0.rawValue, label: $0.rawValue) }),
        location: SourceLocation(file: "", line: 0, column: 0))

    private func checkBand(_ id: String, at offset: Int) throws(ExpressionError) {
        guard allowsBands else {
            throw ExpressionError(
                offset: offset, message: "band(…) can only be read by triggers, advice, other causes and tests, which come after scoring")
        }
        guard nutrients.contains(id) else {
            throw ExpressionError(
                offset: offset, message: "band(…) takes a nutrient id; '\(id)' is not one\(Suggestion.didYouMean(id, among: nutrients))")
        }
    }

    /// `e` as an option value of `item`, or nil when `e` is some other expression.
    /// Throws when `e` is a word or string that is not one of the item's options.
    private func optionLiteral(_ e: Expression, of item: Item) throws(ExpressionError) -> Expression? {
        let word: String
        switch e.node {
        case .string(let s): word = s
        case .name(let n):
            if item.optionValues.contains(n) { return Expression(.string(n), offset: e.offset) }
            if symbols[n] != nil { return nil }
            word = n
        default: return nil
        }
        guard item.optionValues.contains(word) else {
            throw ExpressionError(
                offset: e.offset,
                message:
                    "'\(word)' is not an option of '\(item.id)'\(Suggestion.didYouMean(word, among: item.optionValues)); its options are \(item.optionValues.joined(separator: ", "))"
            )
        }
        return Expression(.string(word), offset: e.offset)
    }

    private func type(ofName id: String, at offset: Int) throws(ExpressionError) -> ValueType {
        switch try lookUp(id, at: offset) {
        case .computed(let computed, _, _): return computed.type
        case .item(let item, _):
            guard let type = item.kind.valueType(item: id) else {
                throw ExpressionError(offset: offset, message: "'\(id)' is a display item and has no answer")
            }
            return type
        }
    }

    private func type(ofCall function: Expression.Function, id: String, at offset: Int) throws(ExpressionError) -> ValueType {
        if function == .band {
            try checkBand(id, at: offset)
            return .choice(item: Self.bandItem.id)
        }
        let symbol = try lookUp(id, at: offset)
        guard case .item(let item, _) = symbol else {
            throw ExpressionError(offset: offset, message: "\(function.rawValue)(…) takes an item id, but '\(id)' is a computed value")
        }
        switch function {
        case .answered:
            if !item.takesAnswer { throw ExpressionError(offset: offset, message: "'\(id)' is a display item and is never answered") }
            return .bool
        case .count:
            guard item.kind is MultiChoiceKind else {
                throw ExpressionError(offset: offset, message: "count(…) needs a multiChoice item, but '\(id)' is \(item.kind.name)")
            }
            return .number
        case .points:
            guard let choice = item.kind as? ChoiceKind, choice.options.allSatisfy({ $0.points != nil }) else {
                throw ExpressionError(offset: offset, message: "points(…) needs a choice item whose options all have points; '\(id)' has none")
            }
            return .number
        case .band:
            return .choice(item: Self.bandItem.id)
        case .years:
            guard allowsYears else {
                throw ExpressionError(
                    offset: offset, message: "years(…) can only be used in 'calculated', which is worked out on the day of the screening")
            }
            guard item.kind is DateKind else {
                throw ExpressionError(offset: offset, message: "years(…) needs a date item, but '\(id)' is \(item.kind.name)")
            }
            return .number
        }
    }

    private func lookUp(_ id: String, at offset: Int) throws(ExpressionError) -> Symbol {
        guard let symbol = symbols[id] else {
            throw ExpressionError(offset: offset, message: "unknown id '\(id)'\(Suggestion.didYouMean(id, among: symbols.keys))")
        }
        if case .computed(_, _, true) = symbol, !allowsBands {
            throw ExpressionError(
                offset: offset,
                message: "'\(id)' reads band(…), so only triggers, advice, other causes and tests can use it, which come after scoring")
        }
        if let limit = orderLimit {
            switch symbol {
            case .item(let item, let order) where order >= limit:
                throw ExpressionError(
                    offset: offset,
                    message: "'\(id)' is asked later (line \(item.location.line)); a condition can only use answers given before \(limitOwner)")
            case .computed(let computed, let last, _) where last >= limit:
                throw ExpressionError(
                    offset: offset,
                    message:
                        "computed value '\(id)' uses answers asked after \(limitOwner); a condition can only use earlier answers (defined at line \(computed.location.line))"
                )
            default: break
            }
        }
        return symbol
    }

    private func require(_ condition: Bool, at offset: Int, _ message: @autoclosure () -> String) throws(ExpressionError) {
        if !condition { throw ExpressionError(offset: offset, message: message()) }
    }
}
