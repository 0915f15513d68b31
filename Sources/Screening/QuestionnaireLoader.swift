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

/// One pass over a questionnaire document.
private struct Builder {
    var reader: YAMLReader
    var symbols: [String: ExpressionChecker.Symbol] = [:]
    /// The evaluation depth of each computed value so far (see `EvaluationDepth`).
    var computedDepths: [String: Int] = [:]

    mutating func build(_ data: Data) -> Questionnaire? {
        guard let root = reader.parse(data) else { return nil }
        let topKeys = [
            "id", "version", "schemaVersion", "title", "description", "sections", "computed", "triggers", "scores", "instruments", "advice",
            "sources",
        ]
        guard let top = reader.fields(root, "the questionnaire", allowed: topKeys, required: ["id", "version", "schemaVersion", "title", "sections"])
        else { return nil }

        let id = identifier(top["id"], "the questionnaire id") ?? ""
        let version = reader.string(top["version"], "version") ?? ""
        let schemaVersion = reader.integer(top["schemaVersion"], "schemaVersion") ?? Questionnaire.supportedSchemaVersion
        if schemaVersion != Questionnaire.supportedSchemaVersion {
            reader.error(
                at: top["schemaVersion"],
                "schemaVersion \(schemaVersion) is not supported; this version of NutriScreen reads schemaVersion \(Questionnaire.supportedSchemaVersion)"
            )
        }
        let title = reader.string(top["title"], "title") ?? ""
        let description = reader.string(top["description"], "description") ?? ""
        let sources = readSources(top["sources"])

        // Pass 1: sections and items without conditions, so every id is known.
        var sections: [Section] = []
        var conditionNodes: [String: YAMLNode] = [:]
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
            let sectionID = identifier(fields["id"], "a section id") ?? ""
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
                guard let (item, whenNode) = readItem(itemNode) else { continue }
                if let existing = symbols[item.id] {
                    reader.error(at: itemNode, "duplicate id '\(item.id)' (first used at line \(existingLine(existing)))")
                    continue
                }
                symbols[item.id] = .item(item, order: order)
                order += 1
                if let whenNode { conditionNodes[item.id] = whenNode }
                items.append(item)
            }
            sections.append(Section(id: sectionID, title: reader.string(fields["title"], "a section title") ?? "", items: items))
        }

        let computed = readComputed(top["computed"])

        // Pass 2: item conditions may only read earlier answers.
        for s in sections.indices {
            for i in sections[s].items.indices {
                let item = sections[s].items[i]
                guard let node = conditionNodes[item.id], case .item(_, let itemOrder)? = symbols[item.id] else { continue }
                var checker = ExpressionChecker(symbols: symbols, orderLimit: itemOrder)
                checker.limitOwner = "'\(item.id)' is asked"
                sections[s].items[i].condition = condition(node, checker: checker, expecting: .bool)?.condition
            }
        }

        let triggers = readTriggers(top["triggers"])
        let targets = readTargets(top["scores"])
        let instruments = readInstruments(top["instruments"])
        let advice = readAdvice(top["advice"])

        return Questionnaire(
            id: id, version: version, schemaVersion: schemaVersion, title: title, description: description,
            sections: sections, computed: computed, triggers: triggers, targets: targets,
            instruments: instruments, advice: advice, sources: sources.mapValues(\.text),
            contentHash: SHA256.hex(of: data), path: reader.file)
    }

    private func existingLine(_ symbol: ExpressionChecker.Symbol) -> Int {
        switch symbol {
        case .item(let item, _): item.location.line
        case .computed(let computed, _): computed.location.line
        }
    }

    // MARK: Items

    private mutating func readItem(_ node: YAMLNode) -> (Item, YAMLNode?)? {
        let allowed = ["id", "type", "text", "short", "help", "required", "when", "options", "min", "max", "unit", "allowUnsure", "maxLength"]
        guard let f = reader.fields(node, "an item", allowed: allowed, required: ["id", "type", "text"]) else { return nil }
        guard let id = identifier(f["id"], "an item id") else { return nil }
        if QuestionnaireLoader.reservedIDs.contains(id) {
            reader.error(at: f["id"], "'\(id)' is a reserved word and cannot be an item id; choose another")
        }
        let what = "item '\(id)'"
        let typeName = reader.string(f["type"], "the type of \(what)") ?? ""
        let types = ["boolean", "choice", "multiChoice", "integer", "decimal", "text", "display"]
        var allowedHere: Set<String> = ["id", "type", "text", "short", "help", "required", "when"]
        let kind: Item.Kind
        switch typeName {
        case "boolean":
            kind = .boolean(allowsUnsure: reader.bool(f["allowUnsure"], "allowUnsure") ?? false)
            allowedHere.insert("allowUnsure")
        case "choice", "multiChoice":
            let options = readOptions(f["options"], of: what, multi: typeName == "multiChoice")
            if f["options"] == nil { reader.error(at: node, "\(what) is a \(typeName) item and needs 'options'") }
            kind = typeName == "choice" ? .choice(options) : .multiChoice(options)
            allowedHere.insert("options")
        case "integer", "decimal":
            let min = reader.number(f["min"], "min", within: QuestionnaireLoader.limitRange)
            let max = reader.number(f["max"], "max", within: QuestionnaireLoader.limitRange)
            if let min, let max, min > max { reader.error(at: f["max"], "max (\(max)) is below min (\(min))") }
            let range = NumberRange(min: min, max: max, unit: reader.string(f["unit"], "unit"))
            if typeName == "integer", [min, max].contains(where: { $0.map { $0 != $0.rounded() } ?? false }) {
                reader.error(at: f["min"] ?? f["max"], "an integer item needs whole-number limits")
            }
            kind = typeName == "integer" ? .integer(range) : .decimal(range)
            allowedHere.formUnion(["min", "max", "unit"])
        case "text":
            var maxLength = reader.integer(f["maxLength"], "maxLength") ?? 2000
            if !QuestionnaireLoader.maxLengthRange.contains(maxLength) {
                reader.error(
                    at: f["maxLength"],
                    "maxLength must be from \(QuestionnaireLoader.maxLengthRange.lowerBound) to \(QuestionnaireLoader.maxLengthRange.upperBound) characters"
                )
                maxLength = 2000
            }
            kind = .text(maxLength: maxLength)
            allowedHere.insert("maxLength")
        case "display":
            kind = .display
        default:
            reader.error(
                at: f["type"],
                "unknown item type \(Printable.quoted(typeName))\(Suggestion.didYouMean(typeName, among: types)); use one of \(types.joined(separator: ", "))"
            )
            return nil
        }
        for key in f.values.keys where !allowedHere.contains(key) {
            reader.error(at: f.values[key]?.key, "'\(key)' does not apply to a \(typeName) item")
        }
        let item = Item(
            id: id, text: reader.string(f["text"], "the text of \(what)") ?? "", help: reader.string(f["help"], "help"),
            kind: kind, required: reader.bool(f["required"], "required") ?? (typeName != "display"),
            shortText: reader.string(f["short"], "short"), location: reader.location(node))
        return (item, f["when"])
    }

    private mutating func readOptions(_ node: YAMLNode?, of what: String, multi: Bool) -> [AnswerOption] {
        var options: [AnswerOption] = []
        let nodes = reader.list(node, "the options of \(what)")
        if node != nil, nodes.isEmpty { reader.error(at: node, "\(what) has no options") }
        for optionNode in nodes {
            guard
                let f = reader.fields(
                    optionNode, "an option of \(what)", allowed: ["value", "label", "points", "exclusive"], required: ["value", "label"]),
                let value = identifier(f["value"], "an option value")
            else { continue }
            if options.contains(where: { $0.value == value }) {
                reader.error(at: f["value"], "\(what) has the option '\(value)' twice")
                continue
            }
            let exclusive = reader.bool(f["exclusive"], "exclusive") ?? false
            if exclusive, !multi { reader.error(at: f["exclusive"], "'exclusive' applies only to multiChoice options") }
            options.append(
                AnswerOption(
                    value: value, label: reader.string(f["label"], "label") ?? value,
                    points: reader.number(f["points"], "points", within: QuestionnaireLoader.pointsRange),
                    exclusive: exclusive))
        }
        return options
    }

    // MARK: Computed values

    private mutating func readComputed(_ node: YAMLNode?) -> [ComputedValue] {
        var result: [ComputedValue] = []
        for entry in reader.list(node, "computed") {
            guard let f = reader.fields(entry, "a computed value", allowed: ["id", "title", "value", "sum"], required: ["id"]),
                let id = identifier(f["id"], "a computed id")
            else { continue }
            if let existing = symbols[id] {
                reader.error(at: f["id"], "duplicate id '\(id)' (first used at line \(existingLine(existing)))")
                continue
            }
            let checker = ExpressionChecker(symbols: symbols)
            let definition: ComputedValue.Definition
            let type: ValueType
            if let valueNode = f["value"], f["sum"] == nil {
                guard let checked = condition(valueNode, checker: checker, expecting: nil) else { continue }
                definition = .expression(checked.condition)
                type = checked.type
            } else if f["sum"] != nil, f["value"] == nil {
                definition = .sum(readRules(f["sum"], of: "computed value '\(id)'", needsReason: false))
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
            symbols[id] = .computed(computed, lastDependency: lastDependency(of: computed))
            result.append(computed)
        }
        return result
    }

    /// The latest item order a computed value reads, directly or through other computed values.
    private func lastDependency(of computed: ComputedValue) -> Int {
        let expressions: [Expression]
        switch computed.definition {
        case .expression(let c): expressions = [c.expression]
        case .sum(let rules): expressions = rules.map(\.condition.expression)
        }
        return expressions.flatMap(\.references).map { id -> Int in
            switch symbols[id] {
            case .item(_, let order)?: order
            case .computed(_, let last)?: last
            case nil: -1
            }
        }.max() ?? -1
    }

    // MARK: Rules, triggers, scores, instruments, advice

    private mutating func readRules(_ node: YAMLNode?, of owner: String, needsReason: Bool) -> [PointRule] {
        var rules: [PointRule] = []
        for entry in reader.list(node, "the rules of \(owner)") {
            let required = needsReason ? ["when", "points", "reason", "source"] : ["when", "points"]
            guard let f = reader.fields(entry, "a rule of \(owner)", allowed: ["when", "points", "reason", "source"], required: required),
                let whenNode = f["when"],
                let checked = condition(whenNode, checker: ExpressionChecker(symbols: symbols), expecting: .bool),
                let points = reader.number(f["points"], "points", within: QuestionnaireLoader.pointsRange)
            else { continue }
            rules.append(
                PointRule(
                    condition: checked.condition, points: points, reason: reader.string(f["reason"], "reason") ?? "",
                    source: reader.string(f["source"], "source") ?? ""))
        }
        return rules
    }

    private mutating func readTriggers(_ node: YAMLNode?) -> [Trigger] {
        var triggers: [Trigger] = []
        var seen: Set<String> = []
        for entry in reader.list(node, "triggers") {
            guard
                let f = reader.fields(
                    entry, "a trigger", allowed: ["id", "when", "urgency", "message", "source"],
                    required: ["id", "when", "urgency", "message", "source"]),
                let id = identifier(f["id"], "a trigger id"), let whenNode = f["when"]
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
            guard let checked = condition(whenNode, checker: ExpressionChecker(symbols: symbols), expecting: .bool) else { continue }
            triggers.append(
                Trigger(
                    id: id, condition: checked.condition, urgency: urgency, message: reader.string(f["message"], "message") ?? "",
                    source: reader.string(f["source"], "source") ?? ""))
        }
        return triggers
    }

    private mutating func readTargets(_ node: YAMLNode?) -> [Target] {
        var targets: [Target] = []
        for entry in reader.list(node, "scores") {
            let allowed = ["id", "name", "summary", "rules", "bands", "tests", "foods", "notes"]
            guard let f = reader.fields(entry, "a score", allowed: allowed, required: ["id", "name", "rules", "bands"]),
                let id = identifier(f["id"], "a score id")
            else { continue }
            if targets.contains(where: { $0.id == id }) { reader.error(at: f["id"], "duplicate score id '\(id)'") }
            var bands = BandThresholds(possible: 1, likely: 2)
            if let bandNode = f["bands"],
                let b = reader.fields(bandNode, "bands", allowed: ["possible", "likely"], required: ["possible", "likely"])
            {
                bands = BandThresholds(
                    possible: reader.number(b["possible"], "possible", within: QuestionnaireLoader.thresholdRange) ?? 1,
                    likely: reader.number(b["likely"], "likely", within: QuestionnaireLoader.thresholdRange) ?? 2)
                if bands.possible > bands.likely { reader.error(at: bandNode, "the 'possible' threshold must not be above 'likely'") }
                if bands.possible <= 0 { reader.error(at: bandNode, "the 'possible' threshold must be above zero, or everyone scores Possible") }
            }
            targets.append(
                Target(
                    id: id, name: reader.string(f["name"], "name") ?? id, summary: reader.string(f["summary"], "summary") ?? "",
                    rules: readRules(f["rules"], of: "score '\(id)'", needsReason: true), bands: bands,
                    tests: reader.strings(f["tests"], "tests"), foods: reader.strings(f["foods"], "foods"),
                    notes: reader.strings(f["notes"], "notes"), location: reader.location(entry)))
        }
        return targets
    }

    private mutating func readInstruments(_ node: YAMLNode?) -> [Instrument] {
        var instruments: [Instrument] = []
        for entry in reader.list(node, "instruments") {
            let allowed = ["id", "name", "score", "maximum", "cutoff", "bands", "otherwise", "otherwiseMeaning", "when", "source"]
            guard
                let f = reader.fields(
                    entry, "an instrument", allowed: allowed, required: ["id", "name", "score", "maximum", "cutoff", "bands", "otherwise", "source"]),
                let id = identifier(f["id"], "an instrument id"), let scoreID = identifier(f["score"], "score")
            else { continue }
            guard case .computed(let computed, _)? = symbols[scoreID], computed.type == .number else {
                reader.error(
                    at: f["score"],
                    "instrument '\(id)' needs 'score' to name a numeric computed value\(Suggestion.didYouMean(scoreID, among: symbols.keys))")
                continue
            }
            var interpretations: [Instrument.Interpretation] = []
            for bandNode in reader.list(f["bands"], "bands") {
                guard
                    let b = reader.fields(
                        bandNode, "a band", allowed: ["when", "band", "meaning", "positive"], required: ["when", "band", "meaning"]),
                    let whenNode = b["when"], let checked = condition(whenNode, checker: ExpressionChecker(symbols: symbols), expecting: .bool)
                else { continue }
                interpretations.append(
                    .init(
                        condition: checked.condition, band: reader.string(b["band"], "band") ?? "",
                        meaning: reader.string(b["meaning"], "meaning") ?? "", positive: reader.bool(b["positive"], "positive") ?? true))
            }
            let shownWhen = f["when"].flatMap { condition($0, checker: ExpressionChecker(symbols: symbols), expecting: .bool)?.condition }
            instruments.append(
                Instrument(
                    id: id, name: reader.string(f["name"], "name") ?? id, score: scoreID,
                    maximum: reader.number(f["maximum"], "maximum", within: QuestionnaireLoader.thresholdRange) ?? 0,
                    cutoff: reader.string(f["cutoff"], "cutoff") ?? "", interpretations: interpretations,
                    defaultBand: reader.string(f["otherwise"], "otherwise") ?? "",
                    defaultMeaning: reader.string(f["otherwiseMeaning"], "otherwiseMeaning") ?? "",
                    condition: shownWhen, source: reader.string(f["source"], "source") ?? "", location: reader.location(entry)))
        }
        return instruments
    }

    private mutating func readAdvice(_ node: YAMLNode?) -> [Advice] {
        reader.list(node, "advice").compactMap { entry in
            guard let f = reader.fields(entry, "advice", allowed: ["id", "when", "text", "source"], required: ["id", "text", "source"]),
                let id = identifier(f["id"], "an advice id")
            else { return nil }
            let shownWhen = f["when"].flatMap { condition($0, checker: ExpressionChecker(symbols: symbols), expecting: .bool)?.condition }
            if f["when"] != nil, shownWhen == nil { return nil }
            return Advice(
                id: id, condition: shownWhen, text: reader.string(f["text"], "text") ?? "", source: reader.string(f["source"], "source") ?? "")
        }
    }

    private mutating func readSources(_ node: YAMLNode?) -> [String: (text: String, location: SourceLocation)] {
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            reader.error(at: node, "sources must map a short name to a reference")
            return [:]
        }
        var sources: [String: (String, SourceLocation)] = [:]
        for (key, value) in mapping.entries {
            if let name = reader.string(key, "a source name"), let text = reader.string(value, "a source reference") {
                sources[name] = (text, reader.location(key))
            }
        }
        return sources
    }

    // MARK: Helpers

    private mutating func identifier(_ node: YAMLNode?, _ what: String) -> String? {
        guard let text = reader.string(node, what) else { return nil }
        guard QuestionnaireLoader.isIdentifier(text) else {
            reader.error(at: node, "\(what) \(Printable.quoted(text)) must start with a letter or '_' and hold only letters, digits and '_'")
            return nil
        }
        guard text.utf8.count <= Expression.maximumNameLength else {
            reader.error(
                at: node, "\(what) \(Printable.quoted(text)) is \(text.utf8.count) characters long; ids are at most \(Expression.maximumNameLength)")
            return nil
        }
        return text
    }

    /// Parses and checks the expression in `node`; records located errors.
    private mutating func condition(_ node: YAMLNode, checker: ExpressionChecker, expecting: ValueType?) -> (condition: Condition, type: ValueType)? {
        guard let text = reader.string(node, "a condition") else { return nil }
        let start = reader.location(ofOffset: 0, in: node)
        do {
            let parsed = try ExpressionParser.parse(text)
            let (resolved, type) = try checker.check(parsed)
            if let expecting, type != expecting {
                reader.error(start, "this condition gives \(type), but a yes/no condition is needed here (e.g. add '> 0' or '== …')")
                return nil
            }
            return (Condition(source: text, expression: resolved, location: start), type)
        } catch {
            reader.error(reader.location(ofOffset: error.offset, in: node), error.message)
            return nil
        }
    }
}
