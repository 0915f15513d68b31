import Foundation

/// One pass over a questionnaire document.
struct QuestionnaireBuilder {
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
    /// The `scoring:` block, read before the nutrients whose rules it restricts.
    var scoring = Scoring.none
    /// The ids of the `contexts:` block, read before the texts that name them.
    var contextIDs: [String] = []

    mutating func build(_ data: Data) -> Questionnaire? {
        guard let root = reader.parse(data) else { return nil }
        reader.checkTexts(root, within: .questionnaire)
        let topKeys = [
            "id", "version", "schemaVersion", "title", "description", "sections", "computed", "triggers", "scores", "nutrients", "instruments",
            "advice", "sources", "references", "tests", "otherCauses", "report", "scoring", "contexts", "levels",
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
        scoring = readScoring(top["scoring"])
        let contexts = readContexts(top["contexts"])
        let nutrients = readNutrients(top[words.nutrients])
        let levels = readLevels(top["levels"])
        let triggers = readTriggers(top["triggers"], levels: levels)
        let instruments = readInstruments(top["instruments"])
        let advice = readAdvice(top["advice"])
        let otherCauses = readOtherCauses(top["otherCauses"])
        let report = readReport(top["report"], sections: sections)
        if words.citesKeys {
            for key in declaredOrder where !cited.contains(key) {
                if let location = declared[key]?.location {
                    reader.error(location, "reference '\(key)' is declared but nothing cites it; cite it or remove it")
                }
            }
        }

        var questionnaire = Questionnaire(
            id: id, version: version, schemaVersion: schemaVersion, title: title, description: description,
            sections: sections, computed: computed, triggers: triggers, nutrients: nutrients,
            instruments: instruments, advice: advice, contexts: contexts, tests: tests, otherCauses: otherCauses,
            references: declaredOrder.compactMap { declared[$0]?.reference }, report: report,
            scoring: scoring, contentHash: SHA256.hex(of: data), path: reader.file)
        questionnaire.levels = levels
        return questionnaire
    }

    func existingLine(_ symbol: ExpressionChecker.Symbol) -> Int {
        switch symbol {
        case .item(let item, _): item.location.line
        case .computed(let computed, _, _): computed.location.line
        }
    }

    func checker(bands: Bool) -> ExpressionChecker {
        var checker = ExpressionChecker(symbols: symbols)
        checker.nutrients = nutrientIDs
        checker.allowsBands = bands
        return checker
    }

    // MARK: Helpers

    /// Parses and checks the expression in `node`; records located errors.
    mutating func condition(_ node: YAMLNode, checker: ExpressionChecker, expecting: ValueType?) -> (condition: Condition, type: ValueType)? {
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
