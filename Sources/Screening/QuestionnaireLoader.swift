import Foundation

/// Loads a questionnaire file and checks everything a person could trip over later:
/// unknown keys, duplicate ids, bad expressions, forward references, type errors.
///
/// All problems are collected, so `validate` can print every one at once.
public enum QuestionnaireLoader {
    /// Ids and option values: a letter or '_', then letters, digits and '_'.
    static func isIdentifier(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_") }
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
    /// Ids an item may not take: answers-file keys and words of the expression language.
    static let reservedIDs: Set<String> = Lexer.keywords
        .union(Expression.Function.allCases.map(\.rawValue)).union(["name", "completed", "questionnaire"])

    /// The schema versions this loader reads: the current one, and the one before it, whose
    /// key names are still accepted (see `Vocabulary`).
    public static let readableSchemaVersions = 1...Questionnaire.supportedSchemaVersion
    /// What `points` may be: a rule or an option weighs at most this much either way, so no sum
    /// of them comes near the largest number (a score of "inf" cannot be written as JSON).
    static let pointsRange = -1000.0...1000.0
    /// What band thresholds and an instrument's maximum may be.
    static let thresholdRange = -1e6...1e6
    /// What a number item's `min` and `max` may be (whole-number answers stay below 10^9).
    static let limitRange = -1e9...1e9
    /// What a text item's `maxLength` may be: long enough for any answer, short enough to lay out.
    static let maxLengthRange = 1...10_000

    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(DiagnosticList) -> Questionnaire {
        try load(data: try data(at: path), file: path)
    }

    /// The bytes of the questionnaire file at `path`: a regular file within the size limit,
    /// checked before it is read, or a located reason why not.
    public static func data(at path: String) throws(DiagnosticList) -> Data {
        try YAMLReader.read(path, what: "the file")
    }

    /// Checks a questionnaire held in memory; `file` names it in messages.
    public static func load(data: Data, file: String) throws(DiagnosticList) -> Questionnaire {
        var builder = Builder(reader: YAMLReader(file: file))
        let questionnaire = builder.build(data)
        guard let questionnaire, builder.reader.diagnostics.isEmpty else {
            throw DiagnosticList(builder.reader.diagnostics)
        }
        return questionnaire
    }
}

/// The key names of a schema version. Version 2 chose one word per concept; version 1's names
/// are still read, so older files keep loading while they are updated.
struct Vocabulary {
    var nutrients = "nutrients"
    var thresholds = "thresholds"
    var references = "references"
    var instrumentTotal = "total"
    var instrumentResults = "results"
    var instrumentResult = "result"
    /// Version 1 cites free text (`source: …`) instead of declared reference keys, and has no rule kinds.
    var citesKeys = true

    static let current = Vocabulary()
    static let version1 = Vocabulary(
        nutrients: "scores", thresholds: "bands", references: "sources", instrumentTotal: "score", instrumentResults: "bands",
        instrumentResult: "band", citesKeys: false)

    static func forSchema(_ version: Int) -> Vocabulary { version >= 2 ? .current : .version1 }
}

/// One pass over a questionnaire document.
private struct Builder {
    var reader: YAMLReader
    var symbols: [String: ExpressionChecker.Symbol] = [:]
    var words = Vocabulary.current
    var nutrientIDs: Set<String> = []
    /// Declared references by key, with where they were declared.
    var declared: [String: (reference: Reference, location: SourceLocation)] = [:]
    var declaredOrder: [String] = []
    /// Every reference key cited so far.
    var cited: Set<String> = []
    var testIDs: Set<String> = []
    /// The evaluation depth of each computed value so far (see `EvaluationDepth`).
    var computedDepths: [String: Int] = [:]

    mutating func build(_ data: Data) -> Questionnaire? {
        guard let root = reader.parse(data) else { return nil }
        let topKeys = [
            "id", "version", "schemaVersion", "title", "description", "sections", "computed", "triggers", "scores", "nutrients", "instruments",
            "advice", "sources", "references", "tests", "otherCauses",
        ]
        guard let top = reader.fields(root, "the questionnaire", allowed: topKeys, required: ["id", "version", "schemaVersion", "title", "sections"])
        else { return nil }

        let id = reader.identifier(top["id"], "the questionnaire id") ?? ""
        let version = reader.string(top["version"], "version") ?? ""
        let schemaVersion = reader.integer(top["schemaVersion"], "schemaVersion") ?? Questionnaire.supportedSchemaVersion
        if !QuestionnaireLoader.readableSchemaVersions.contains(schemaVersion) {
            reader.error(
                at: top["schemaVersion"],
                "schemaVersion \(schemaVersion) is not supported; this version of NutriScreen reads schemaVersion \(Questionnaire.supportedSchemaVersion) (and \(QuestionnaireLoader.readableSchemaVersions.lowerBound) until it is updated)"
            )
        }
        words = Vocabulary.forSchema(schemaVersion)
        // Keys of the other schema version are errors that say which word to use.
        let other = Vocabulary.forSchema(schemaVersion >= 2 ? 1 : 2)
        for (mine, theirs) in [(words.nutrients, other.nutrients), (words.references, other.references)] where top[theirs] != nil {
            reader.error(at: top.values[theirs]?.key, "'\(theirs)' is not a key of schemaVersion \(schemaVersion); use '\(mine)'")
        }
        let title = reader.string(top["title"], "title") ?? ""
        let description = reader.string(top["description"], "description") ?? ""
        readReferences(top[words.references])
        nutrientIDs = Set(
            reader.list(top[words.nutrients], words.nutrients).compactMap { node -> String? in
                guard case .mapping(let mapping) = node,
                    let entry = mapping.entries.first(where: { if case .scalar(let key) = $0.0 { key.string == "id" } else { false } }),
                    case .scalar(let value) = entry.1
                else { return nil }
                return value.string
            })

        // Pass 1: sections and items without conditions, so every id is known.
        var sections: [Section] = []
        var conditionNodes: [String: YAMLNode] = [:]
        var calculatedNodes: [String: YAMLNode] = [:]
        var order = 0
        var seenSections: [String: SourceLocation] = [:]
        let sectionNodes = reader.list(top["sections"], "sections")
        if top["sections"] != nil, sectionNodes.isEmpty {
            reader.error(at: top["sections"], "sections is empty; add at least one section with items")
        }
        for sectionNode in sectionNodes {
            guard let fields = reader.fields(sectionNode, "a section", allowed: ["id", "title", "items"], required: ["id", "title", "items"]) else {
                continue
            }
            let sectionID = reader.identifier(fields["id"], "a section id") ?? ""
            if let first = seenSections[sectionID] {
                reader.error(at: fields["id"], "duplicate section id '\(sectionID)' (first used at line \(first.line))")
            }
            seenSections[sectionID] = reader.location(fields["id"])
            var items: [Item] = []
            let itemNodes = reader.list(fields["items"], "items")
            if case .sequence(let sequence)? = fields["items"], sequence.nodes.isEmpty {
                reader.error(at: fields["items"], "section '\(sectionID)' has no items; add items or remove the section")
            }
            for itemNode in itemNodes {
                guard let (item, whenNode, calculatedNode) = readItem(itemNode) else { continue }
                if let existing = symbols[item.id] {
                    reader.error(at: itemNode, "duplicate id '\(item.id)' (first used at line \(existingLine(existing)))")
                    continue
                }
                symbols[item.id] = .item(item, order: order)
                order += 1
                if let whenNode { conditionNodes[item.id] = whenNode }
                if let calculatedNode { calculatedNodes[item.id] = calculatedNode }
                items.append(item)
            }
            sections.append(Section(id: sectionID, title: reader.string(fields["title"], "a section title") ?? "", items: items))
        }

        let computed = readComputed(top["computed"])

        // Pass 2: item conditions may only read earlier answers.
        for s in sections.indices {
            for i in sections[s].items.indices {
                let item = sections[s].items[i]
                guard case .item(_, let itemOrder)? = symbols[item.id] else { continue }
                var checker = checker(bands: false)
                checker.orderLimit = itemOrder
                checker.limitOwner = "'\(item.id)' is asked"
                if let node = conditionNodes[item.id] {
                    sections[s].items[i].condition = condition(node, checker: checker, expecting: .bool)?.condition
                }
                if let node = calculatedNodes[item.id], let type = item.kind.valueType(item: item.id) {
                    checker.allowsYears = true
                    checker.limitOwner = "'\(item.id)' is calculated"
                    sections[s].items[i].calculated = condition(node, checker: checker, expecting: type)?.condition
                }
            }
        }

        let tests = readTests(top["tests"])
        let nutrients = readNutrients(top[words.nutrients])
        let triggers = readTriggers(top["triggers"])
        let instruments = readInstruments(top["instruments"])
        let advice = readAdvice(top["advice"])
        let otherCauses = readOtherCauses(top["otherCauses"])
        if words.citesKeys {
            for key in declaredOrder where !cited.contains(key) {
                if let location = declared[key]?.location {
                    reader.error(location, "reference '\(key)' is declared but nothing cites it; cite it or remove it")
                }
            }
        }

        return Questionnaire(
            id: id, version: version, schemaVersion: schemaVersion, title: title, description: description,
            sections: sections, computed: computed, triggers: triggers, nutrients: nutrients,
            instruments: instruments, advice: advice, tests: tests, otherCauses: otherCauses,
            references: declaredOrder.compactMap { declared[$0]?.reference },
            contentHash: SHA256.hex(of: data), path: reader.file)
    }

    private func existingLine(_ symbol: ExpressionChecker.Symbol) -> Int {
        switch symbol {
        case .item(let item, _): item.location.line
        case .computed(let computed, _, _): computed.location.line
        }
    }

    private func checker(bands: Bool) -> ExpressionChecker {
        var checker = ExpressionChecker(symbols: symbols)
        checker.nutrients = nutrientIDs
        checker.allowsBands = bands
        return checker
    }

    // MARK: Items

    /// Keys every item may carry, whatever its kind.
    static let itemKeys = ["id", "type", "text", "short", "help", "required", "when", "ask", "calculated"]

    /// An item, with its `when` and `calculated` nodes (checked once every item is known).
    private mutating func readItem(_ node: YAMLNode) -> (item: Item, when: YAMLNode?, calculated: YAMLNode?)? {
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

    private mutating func readComputed(_ node: YAMLNode?) -> [ComputedValue] {
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
    private func dependencies(of computed: ComputedValue) -> (last: Int, readsBands: Bool) {
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

    // MARK: References

    private mutating func readReferences(_ node: YAMLNode?) {
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            reader.error(at: node, "\(words.references) must map a short key to a reference")
            return
        }
        for (key, value) in mapping.entries {
            guard let name = reader.string(key, "a reference key") else { continue }
            if words.citesKeys, !QuestionnaireLoader.isIdentifier(name) {
                reader.error(at: key, "reference key '\(name)' must start with a letter or '_' and hold only letters, digits and '_'")
                continue
            }
            let reference: Reference
            if words.citesKeys {
                guard let f = reader.fields(value, "reference '\(name)'", allowed: ["citation", "url"], required: ["citation"]) else { continue }
                reference = Reference(id: name, citation: reader.string(f["citation"], "citation") ?? "", url: reader.string(f["url"], "url"))
            } else {
                reference = Reference(id: name, citation: reader.string(value, "a source reference") ?? "")
            }
            if declared[name] != nil {
                reader.error(at: key, "reference '\(name)' is declared twice")
                continue
            }
            declared[name] = (reference, reader.location(key))
            declaredOrder.append(name)
        }
    }

    /// The reference keys cited by a mapping: `references: [keys]` (each declared), or in
    /// schemaVersion 1 a free-text `source`, kept as a reference of its own.
    private mutating func citations(_ f: YAMLReader.Fields, of owner: String, required: Bool) -> [String] {
        guard words.citesKeys else {
            guard let text = reader.string(f["source"], "source"), !text.isEmpty else { return [] }
            if declared[text] == nil {
                declared[text] = (Reference(id: text, citation: text), reader.location(f["source"]))
                declaredOrder.append(text)
            }
            return [text]
        }
        guard let node = f["references"] else {
            if required { reader.error(at: f.node, "\(owner) is missing 'references': cite the published work it rests on") }
            return []
        }
        let keys = reader.list(node, "the references of \(owner)")
        if keys.isEmpty { reader.error(at: node, "\(owner) cites no reference; list at least one key of 'references'") }
        var result: [String] = []
        for keyNode in keys {
            guard let key = reader.string(keyNode, "a reference key") else { continue }
            guard declared[key] != nil else {
                reader.error(
                    at: keyNode, "unknown reference '\(key)'\(Suggestion.didYouMean(key, among: declaredOrder)); declare it under 'references'")
                continue
            }
            cited.insert(key)
            if !result.contains(key) { result.append(key) }
        }
        return result
    }

    /// The key naming where a mapping's references go: `references` or, in schemaVersion 1, `source`.
    private var citationKey: String { words.citesKeys ? "references" : "source" }

    // MARK: Rules, triggers, nutrients, instruments, advice, tests, other causes

    /// Rules of a nutrient (`scored`: with kind, reason and references) or of a computed sum.
    private mutating func readRules(_ node: YAMLNode?, of owner: String, scored: Bool) -> [PointRule] {
        var rules: [PointRule] = []
        var ids: Set<String> = []
        for entry in reader.list(node, "the rules of \(owner)") {
            var allowed = ["when", "points"]
            var required = ["when", "points"]
            if scored {
                if words.citesKeys { allowed.append("id") }
                allowed += ["reason", citationKey]
                required += ["reason", citationKey]
                if words.citesKeys {
                    allowed.append("kind")
                    required.append("kind")
                }
            }
            guard let f = reader.fields(entry, "a rule of \(owner)", allowed: allowed, required: required),
                let whenNode = f["when"],
                let checked = condition(whenNode, checker: checker(bands: false), expecting: .bool),
                let points = reader.number(f["points"], "points", within: QuestionnaireLoader.pointsRange)
            else { continue }
            var kind = RuleKind.risk
            if let kindNode = f["kind"], let name = reader.string(kindNode, "kind") {
                if let known = RuleKind(rawValue: name) {
                    kind = known
                } else {
                    let names = RuleKind.allCases.map(\.rawValue)
                    reader.error(
                        at: kindNode,
                        "unknown rule kind '\(name)'\(Suggestion.didYouMean(name, among: names)); use one of \(names.joined(separator: ", "))")
                }
            }
            if kind == .symptom, points < 0 {
                reader.error(at: f["points"], "a symptom rule adds points; evidence against a nutrient is a 'risk' rule with negative points")
            }
            var id: String?
            if let idNode = f["id"], let name = reader.identifier(idNode, "a rule id") {
                if ids.insert(name).inserted { id = name } else { reader.error(at: idNode, "\(owner) has two rules with the id '\(name)'") }
            }
            rules.append(
                PointRule(
                    id: id, condition: checked.condition, points: points, kind: kind, reason: reader.string(f["reason"], "reason") ?? "",
                    references: scored ? citations(f, of: "a rule of \(owner)", required: true) : []))
        }
        return rules
    }

    private mutating func readTriggers(_ node: YAMLNode?) -> [Trigger] {
        var triggers: [Trigger] = []
        var seen: Set<String> = []
        for entry in reader.list(node, "triggers") {
            guard
                let f = reader.fields(
                    entry, "a trigger", allowed: ["id", "when", "urgency", "message", citationKey],
                    required: ["id", "when", "urgency", "message", citationKey]),
                let id = reader.identifier(f["id"], "a trigger id"), let whenNode = f["when"]
            else { continue }
            if !seen.insert(id).inserted { reader.error(at: f["id"], "duplicate trigger id '\(id)'") }
            let urgencyText = reader.string(f["urgency"], "urgency") ?? ""
            guard let urgency = Urgency(rawValue: urgencyText) else {
                let names = Urgency.allCases.map(\.rawValue)
                reader.error(
                    at: f["urgency"],
                    "unknown urgency \(Printable.quoted(urgencyText))\(Suggestion.didYouMean(urgencyText, among: names)); use one of \(names.joined(separator: ", "))"
                )
                continue
            }
            guard let checked = condition(whenNode, checker: checker(bands: true), expecting: .bool) else { continue }
            triggers.append(
                Trigger(
                    id: id, condition: checked.condition, urgency: urgency, message: reader.string(f["message"], "message") ?? "",
                    references: citations(f, of: "trigger '\(id)'", required: true)))
        }
        return triggers
    }

    private mutating func readNutrients(_ node: YAMLNode?) -> [Nutrient] {
        var nutrients: [Nutrient] = []
        for entry in reader.list(node, words.nutrients) {
            let allowed = ["id", "name", "summary", "rules", words.thresholds, "tests", "foods", "notes"]
            guard let f = reader.fields(entry, "a nutrient", allowed: allowed, required: ["id", "name", "rules", words.thresholds]),
                let id = reader.identifier(f["id"], "a nutrient id")
            else { continue }
            if nutrients.contains(where: { $0.id == id }) { reader.error(at: f["id"], "duplicate nutrient id '\(id)'") }
            if symbols[id] != nil { reader.error(at: f["id"], "nutrient id '\(id)' is also the id of an item or computed value; choose another") }
            var thresholds = Thresholds(possible: 1, likely: 2)
            if let bandNode = f[words.thresholds],
                let b = reader.fields(bandNode, words.thresholds, allowed: ["possible", "likely"], required: ["possible", "likely"])
            {
                thresholds = Thresholds(
                    possible: reader.number(b["possible"], "possible", within: QuestionnaireLoader.thresholdRange) ?? 1,
                    likely: reader.number(b["likely"], "likely", within: QuestionnaireLoader.thresholdRange) ?? 2)
                if thresholds.possible > thresholds.likely { reader.error(at: bandNode, "the 'possible' threshold must not be above 'likely'") }
                if thresholds.possible <= 0 { reader.error(at: bandNode, "the 'possible' threshold must be above zero, or everyone scores Possible") }
            }
            nutrients.append(
                Nutrient(
                    id: id, name: reader.string(f["name"], "name") ?? id, summary: reader.string(f["summary"], "summary") ?? "",
                    rules: readRules(f["rules"], of: "nutrient '\(id)'", scored: true), thresholds: thresholds,
                    tests: testIDs(f["tests"], of: "nutrient '\(id)'"), foods: readFoods(f["foods"], of: id),
                    notes: reader.strings(f["notes"], "notes"), location: reader.location(entry)))
        }
        return nutrients
    }

    /// Ids of the test catalogue (schemaVersion 2), or free-text test names (schemaVersion 1).
    private mutating func testIDs(_ node: YAMLNode?, of owner: String) -> [String] {
        guard words.citesKeys else { return reader.strings(node, "tests") }
        var ids: [String] = []
        for testNode in reader.list(node, "the tests of \(owner)") {
            guard let id = reader.string(testNode, "a test id") else { continue }
            guard testIDs.contains(id) else {
                reader.error(at: testNode, "unknown test '\(id)'\(Suggestion.didYouMean(id, among: testIDs)); add it to 'tests' at the top level")
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Foods: plain text, or `{ text, unless }` when a food must not be suggested to some people.
    private mutating func readFoods(_ node: YAMLNode?, of nutrient: String) -> [Food] {
        reader.list(node, "foods").compactMap { entry in
            if case .scalar = entry { return reader.string(entry, "a food").map { Food($0) } }
            guard let f = reader.fields(entry, "a food of '\(nutrient)'", allowed: ["text", "unless"], required: ["text"]) else { return nil }
            let exception = f["unless"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            return Food(reader.string(f["text"], "text") ?? "", exception: exception)
        }
    }

    private mutating func readInstruments(_ node: YAMLNode?) -> [Instrument] {
        var instruments: [Instrument] = []
        let total = words.instrumentTotal
        let results = words.instrumentResults
        let result = words.instrumentResult
        for entry in reader.list(node, "instruments") {
            var allowed = ["id", "name", total, "maximum", "cutoff", results, "otherwise", "when", citationKey]
            if !words.citesKeys { allowed.append("otherwiseMeaning") }
            guard
                let f = reader.fields(
                    entry, "an instrument", allowed: allowed, required: ["id", "name", total, "maximum", "cutoff", results, "otherwise", citationKey]),
                let id = reader.identifier(f["id"], "an instrument id"), let totalID = reader.identifier(f[total], total)
            else { continue }
            guard case .computed(let computed, _, false)? = symbols[totalID], computed.type == .number else {
                reader.error(
                    at: f[total],
                    "instrument '\(id)' needs '\(total)' to name a numeric computed value\(Suggestion.didYouMean(totalID, among: symbols.keys))")
                continue
            }
            var resultRules: [Instrument.ResultRule] = []
            for resultNode in reader.list(f[results], results) {
                guard
                    let b = reader.fields(
                        resultNode, "a result of instrument '\(id)'", allowed: ["when", result, "meaning", "positive"],
                        required: ["when", result, "meaning"]),
                    let whenNode = b["when"], let checked = condition(whenNode, checker: checker(bands: false), expecting: .bool)
                else { continue }
                resultRules.append(
                    .init(
                        condition: checked.condition, result: reader.string(b[result], result) ?? "",
                        meaning: reader.string(b["meaning"], "meaning") ?? "", positive: reader.bool(b["positive"], "positive") ?? true))
            }
            var otherwise = ""
            var otherwiseMeaning = ""
            if words.citesKeys {
                if let node = f["otherwise"],
                    let o = reader.fields(node, "'otherwise'", allowed: [result, "meaning"], required: [result, "meaning"])
                {
                    otherwise = reader.string(o[result], result) ?? ""
                    otherwiseMeaning = reader.string(o["meaning"], "meaning") ?? ""
                }
            } else {
                otherwise = reader.string(f["otherwise"], "otherwise") ?? ""
                otherwiseMeaning = reader.string(f["otherwiseMeaning"], "otherwiseMeaning") ?? ""
            }
            let shownWhen = f["when"].flatMap { condition($0, checker: checker(bands: false), expecting: .bool)?.condition }
            instruments.append(
                Instrument(
                    id: id, name: reader.string(f["name"], "name") ?? id, total: totalID,
                    maximum: reader.number(f["maximum"], "maximum", within: QuestionnaireLoader.thresholdRange) ?? 0,
                    cutoff: reader.string(f["cutoff"], "cutoff") ?? "", results: resultRules, otherwise: otherwise,
                    otherwiseMeaning: otherwiseMeaning, condition: shownWhen, references: citations(f, of: "instrument '\(id)'", required: true),
                    location: reader.location(entry)))
        }
        return instruments
    }

    private mutating func readAdvice(_ node: YAMLNode?) -> [Advice] {
        var seen: Set<String> = []
        return reader.list(node, "advice").compactMap { entry in
            guard
                let f = reader.fields(
                    entry, "advice", allowed: ["id", "when", "unless", "text", citationKey], required: ["id", "text", citationKey]),
                let id = reader.identifier(f["id"], "an advice id")
            else { return nil }
            if !seen.insert(id).inserted { reader.error(at: f["id"], "duplicate advice id '\(id)'") }
            let shownWhen = f["when"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            let exception = f["unless"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            if (f["when"] != nil && shownWhen == nil) || (f["unless"] != nil && exception == nil) { return nil }
            return Advice(
                id: id, condition: shownWhen, exception: exception, text: reader.string(f["text"], "text") ?? "",
                references: citations(f, of: "advice '\(id)'", required: true))
        }
    }

    /// The test catalogue; read before the nutrients, which name its entries.
    private mutating func readTests(_ node: YAMLNode?) -> [LabTest] {
        var tests: [LabTest] = []
        for entry in reader.list(node, "tests") {
            guard
                let f = reader.fields(
                    entry, "a test", allowed: ["id", "name", "checks", "when", "references"], required: ["id", "name", "checks"]),
                let id = reader.identifier(f["id"], "a test id")
            else { continue }
            if !testIDs.insert(id).inserted { reader.error(at: f["id"], "duplicate test id '\(id)'") }
            let applies = f["when"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            if f["references"] != nil { _ = citations(f, of: "test '\(id)'", required: false) }
            tests.append(
                LabTest(
                    id: id, name: reader.string(f["name"], "name") ?? id, checks: reader.string(f["checks"], "checks") ?? "", condition: applies,
                    location: reader.location(entry)))
        }
        return tests
    }

    private mutating func readOtherCauses(_ node: YAMLNode?) -> [OtherCause] {
        var causes: [OtherCause] = []
        for entry in reader.list(node, "otherCauses") {
            guard
                let f = reader.fields(
                    entry, "an other cause", allowed: ["id", "when", "text", "tests", "references"], required: ["id", "when", "text", "references"]),
                let id = reader.identifier(f["id"], "an other-cause id"), let whenNode = f["when"],
                let checked = condition(whenNode, checker: checker(bands: true), expecting: .bool)
            else { continue }
            if causes.contains(where: { $0.id == id }) { reader.error(at: f["id"], "duplicate other-cause id '\(id)'") }
            causes.append(
                OtherCause(
                    id: id, condition: checked.condition, text: reader.string(f["text"], "text") ?? "",
                    tests: testIDs(f["tests"], of: "other cause '\(id)'"), references: citations(f, of: "other cause '\(id)'", required: true),
                    location: reader.location(entry)))
        }
        return causes
    }

    // MARK: Helpers

    /// Parses and checks the expression in `node`; records located errors.
    private mutating func condition(_ node: YAMLNode, checker: ExpressionChecker, expecting: ValueType?) -> (condition: Condition, type: ValueType)? {
        guard let text = reader.string(node, "a condition") else { return nil }
        let start = reader.location(ofOffset: 0, in: node)
        do {
            let parsed = try ExpressionParser.parse(text)
            let (resolved, type) = try checker.check(parsed)
            if let expecting, type != expecting {
                reader.error(
                    start,
                    expecting == .bool
                        ? "this condition gives \(type), but a yes/no condition is needed here (e.g. add '> 0' or '== …')"
                        : "this gives \(type), but the item needs \(expecting)")
                return nil
            }
            return (Condition(source: text, expression: resolved, location: start), type)
        } catch {
            reader.error(reader.location(ofOffset: error.offset, in: node), error.message)
            return nil
        }
    }
}

extension YAMLReader {
    /// An id or option value: a letter or `_`, then letters, digits and `_`, at most
    /// `Expression.maximumNameLength` characters.
    mutating func identifier(_ node: YAMLNode?, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard QuestionnaireLoader.isIdentifier(text) else {
            error(at: node, "\(what) \(Printable.quoted(text)) must start with a letter or '_' and hold only letters, digits and '_'")
            return nil
        }
        guard text.utf8.count <= Expression.maximumNameLength else {
            error(
                at: node, "\(what) \(Printable.quoted(text)) is \(text.utf8.count) characters long; ids are at most \(Expression.maximumNameLength)")
            return nil
        }
        return text
    }
}
