/// Reading items and computed values: every id is known before any condition is checked.
extension QuestionnaireBuilder {
    /// Keys every item may carry, whatever its kind.
    static let itemKeys = ["id", "type", "text", "short", "help", "required", "when", "ask", "calculated"]

    /// An item, with its `when` and `calculated` nodes (checked once every item is known).
    mutating func readItem(_ node: YAMLNode) -> (item: Item, when: YAMLNode?, calculated: YAMLNode?)? {
        let allowed = Self.itemKeys + QuestionKinds.all.flatMap { $0.keys }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard let f = reader.fields(node, "an item", allowed: allowed, required: ["id", "type", "text"]) else { return nil }
        guard let id = reader.identifier(f["id"], "an item id") else { return nil }
        if QuestionnaireLoader.reservedIDs.contains(id) {
            reader.error(at: f["id"], "'\(id)' is a reserved word and cannot be an item id; choose another")
        }
        let what = "item '\(id)'"
        let typeName = reader.string(f["type"], "the type of \(what)") ?? ""
        guard let kindType = QuestionKinds.named(typeName) else {
            let names = QuestionKinds.names
            reader.error(
                at: f["type"],
                "unknown item type \(Printable.quoted(typeName))\(Suggestion.didYouMean(typeName, among: names)); use one of \(names.joined(separator: ", "))"
            )
            return nil
        }
        let kind = kindType.load(f, item: what, &reader)
        for key in f.values.keys where !Self.itemKeys.contains(key) && !kindType.keys.contains(key) {
            reader.error(at: f.values[key]?.key, "'\(key)' does not apply to a \(typeName) item")
        }
        var alwaysAsked = false
        if let askNode = f["ask"], let ask = reader.string(askNode, "ask") {
            switch ask {
            case "always": alwaysAsked = true
            case "if_it_matters": alwaysAsked = false
            default:
                reader.error(
                    at: askNode,
                    "unknown 'ask' value '\(ask)'\(Suggestion.didYouMean(ask, among: ["always", "if_it_matters"])); use always or if_it_matters")
            }
        }
        let item = Item(
            id: id, text: reader.string(f["text"], "the text of \(what)") ?? "", help: reader.string(f["help"], "help"),
            anyKind: kind, required: reader.bool(f["required"], "required") ?? (kindType != DisplayKind.self),
            shortText: reader.string(f["short"], "short"), alwaysAsked: alwaysAsked, location: reader.location(node))
        if f["calculated"] != nil, kind.valueType(item: id) == nil {
            reader.error(at: f["calculated"], "\(what) is display text and cannot be calculated")
        }
        return (item, f["when"], f["calculated"])
    }

    // MARK: Computed values

    mutating func readComputed(_ node: YAMLNode?) -> [ComputedValue] {
        var result: [ComputedValue] = []
        for entry in reader.list(node, "computed") {
            guard let f = reader.fields(entry, "a computed value", allowed: ["id", "title", "value", "sum"], required: ["id"]),
                let id = reader.identifier(f["id"], "a computed id")
            else { continue }
            if let existing = symbols[id] {
                reader.error(at: f["id"], "duplicate id '\(id)' (first used at line \(existingLine(existing)))")
                continue
            }
            // A computed value may read bands; if it does, only what comes after scoring may use it.
            let checker = checker(bands: true)
            let definition: ComputedValue.Definition
            let type: ValueType
            if let valueNode = f["value"], f["sum"] == nil {
                guard let checked = condition(valueNode, checker: checker, expecting: nil) else { continue }
                definition = .expression(checked.condition)
                type = checked.type
            } else if f["sum"] != nil, f["value"] == nil {
                definition = .sum(readRules(f["sum"], of: "computed value '\(id)'", scored: false))
                type = .number
            } else {
                reader.error(at: entry, "computed value '\(id)' needs exactly one of 'value' (an expression) or 'sum' (a list of rules)")
                continue
            }
            let computed = ComputedValue(
                id: id, title: reader.string(f["title"], "title"), definition: definition, type: type, location: reader.location(entry))
            guard let depth = EvaluationDepth.of(computed, known: computedDepths), depth <= EvaluationDepth.maximum else {
                reader.error(
                    at: entry,
                    "computed value '\(id)' builds on other computed values too deeply (more than \(EvaluationDepth.maximum) levels in all); read the answers directly"
                )
                continue
            }
            computedDepths[id] = depth
            let (last, bands) = dependencies(of: computed)
            symbols[id] = .computed(computed, lastDependency: last, readsBands: bands)
            result.append(computed)
        }
        return result
    }

    /// The latest item order a computed value reads, directly or through other computed values
    /// (every item, when it reads a band), and whether it reads a band.
    func dependencies(of computed: ComputedValue) -> (last: Int, readsBands: Bool) {
        let expressions: [Expression]
        switch computed.definition {
        case .expression(let c): expressions = [c.expression]
        case .sum(let rules): expressions = rules.map(\.condition.expression)
        }
        var readsBands = expressions.contains { !$0.bandReads.isEmpty }
        var last =
            expressions.flatMap(\.references).map { id -> Int in
                switch symbols[id] {
                case .item(_, let order)?: return order
                case .computed(_, let order, let bands)?:
                    if bands { readsBands = true }
                    return order
                case nil: return -1
                }
            }.max() ?? -1
        if readsBands { last = Int.max }
        return (last, readsBands)
    }
}
