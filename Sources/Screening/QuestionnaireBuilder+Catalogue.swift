/// Reading the validated instruments, advice, the test catalogue and other causes.
extension QuestionnaireBuilder {
    mutating func readInstruments(_ node: YAMLNode?) -> [Instrument] {
        var instruments: [Instrument] = []
        let total = words.instrumentTotal
        let results = words.instrumentResults
        let result = words.instrumentResult
        for entry in reader.list(node, "instruments") {
            var allowed = ["id", "name", total, "maximum", "cutoff", results, "otherwise", "when", "code", citationKey]
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
                    code: f["code"].flatMap { code($0, of: id) }, location: reader.location(entry)))
        }
        return instruments
    }

    /// An instrument's `code:`: `system` (an absolute URI), `code` and `display`, all required.
    private mutating func code(_ node: YAMLNode, of id: String) -> Instrument.Code? {
        guard
            let f = reader.fields(
                node, "the code of instrument '\(id)'", allowed: ["system", "code", "display"], required: ["system", "code", "display"]),
            let system = reader.string(f["system"], "system"), let code = reader.string(f["code"], "code"),
            let display = reader.string(f["display"], "display")
        else { return nil }
        guard system.hasPrefix("http://") || system.hasPrefix("https://") || system.hasPrefix("urn:") else {
            reader.error(at: f["system"], "the code system of instrument '\(id)' must be a URI such as http://loinc.org")
            return nil
        }
        return Instrument.Code(system: system, code: code, display: display)
    }

    mutating func readAdvice(_ node: YAMLNode?) -> [Advice] {
        var seen: Set<String> = []
        return reader.list(node, "advice").compactMap { entry in
            guard
                let f = reader.fields(
                    entry, "advice", allowed: ["id", "when", "unless", "notFor", "onlyFor", "text", citationKey],
                    required: ["id", "text", citationKey]),
                let id = reader.identifier(f["id"], "an advice id")
            else { return nil }
            if !seen.insert(id).inserted { reader.error(at: f["id"], "duplicate advice id '\(id)'") }
            let shownWhen = f["when"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            let exception = f["unless"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            if (f["when"] != nil && shownWhen == nil) || (f["unless"] != nil && exception == nil) { return nil }
            return Advice(
                id: id, condition: shownWhen, exception: exception, fit: readFit(f, of: "advice '\(id)'"),
                text: reader.string(f["text"], "text") ?? "",
                references: citations(f, of: "advice '\(id)'", required: true))
        }
    }

    /// The test catalogue; read before the nutrients, which name its entries.
    mutating func readTests(_ node: YAMLNode?) -> [LabTest] {
        var tests: [LabTest] = []
        for entry in reader.list(node, "tests") {
            guard
                let f = reader.fields(
                    entry, "a test", allowed: ["id", "name", "checks", "when", "tier", "references"], required: ["id", "name", "checks"]),
                let id = reader.identifier(f["id"], "a test id")
            else { continue }
            if !testIDs.insert(id).inserted { reader.error(at: f["id"], "duplicate test id '\(id)'") }
            let applies = f["when"].flatMap { condition($0, checker: checker(bands: true), expecting: .bool)?.condition }
            if f["references"] != nil { _ = citations(f, of: "test '\(id)'", required: false) }
            var tier = TestTier.first
            if let node = f["tier"], let name = reader.string(node, "a tier") {
                if let named = TestTier(rawValue: name) {
                    tier = named
                } else {
                    let names = TestTier.allCases.map(\.rawValue)
                    reader.error(
                        at: node,
                        "unknown tier '\(name)'\(Suggestion.didYouMean(name, among: names)); a test's tier is one of \(names.joined(separator: ", "))"
                    )
                }
            }
            tests.append(
                LabTest(
                    id: id, name: reader.string(f["name"], "name") ?? id, checks: reader.string(f["checks"], "checks") ?? "", condition: applies,
                    tier: tier, location: reader.location(entry)))
        }
        return tests
    }

    mutating func readOtherCauses(_ node: YAMLNode?) -> [OtherCause] {
        var causes: [OtherCause] = []
        for entry in reader.list(node, "otherCauses") {
            guard
                let f = reader.fields(
                    entry, "an other cause", allowed: ["id", "when", "text", "tests", "references", "known"],
                    required: ["id", "when", "text", "references"]),
                let id = reader.identifier(f["id"], "an other-cause id"), let whenNode = f["when"],
                let checked = condition(whenNode, checker: checker(bands: true), expecting: .bool)
            else { continue }
            if causes.contains(where: { $0.id == id }) { reader.error(at: f["id"], "duplicate other-cause id '\(id)'") }
            causes.append(
                OtherCause(
                    id: id, condition: checked.condition, text: reader.string(f["text"], "text") ?? "",
                    tests: testIDs(f["tests"], of: "other cause '\(id)'"), references: citations(f, of: "other cause '\(id)'", required: true),
                    known: f["known"].flatMap { readKnown($0, of: id) }, location: reader.location(entry)))
        }
        return causes
    }

    /// An other cause's `known:` block: the context in which the person is known to have it, and
    /// what is said instead (its name, text, tests and references).
    mutating func readKnown(_ node: YAMLNode, of cause: String) -> OtherCause.Known? {
        let owner = "the known form of other cause '\(cause)'"
        guard
            let f = reader.fields(
                node, owner, allowed: ["context", "name", "text", "tests", "references"], required: ["context", "name", "references"])
        else { return nil }
        let context = reader.string(f["context"], "a context id") ?? ""
        if !contextIDs.contains(context) {
            reader.error(
                at: f["context"],
                "unknown context '\(context)'\(Suggestion.didYouMean(context, among: contextIDs)); declare it in 'contexts' at the top level")
        }
        return OtherCause.Known(
            context: context, name: reader.string(f["name"], "name") ?? "", text: f["text"].flatMap { reader.string($0, "text") },
            tests: testIDs(f["tests"], of: owner), references: citations(f, of: owner, required: true))
    }
}
