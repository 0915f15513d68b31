/// Reading the `contexts:` block and the `notFor:` / `onlyFor:` lists that name its entries.
extension QuestionnaireBuilder {
    /// The contexts; read before the nutrients and advice, whose texts name them.
    mutating func readContexts(_ node: YAMLNode?) -> [PersonContext] {
        var contexts: [PersonContext] = []
        var seen: Set<String> = []
        for entry in reader.list(node, "contexts") {
            guard
                let f = reader.fields(entry, "a context", allowed: ["id", "when", "reason", citationKey], required: ["id", "when", "reason"]),
                let id = reader.identifier(f["id"], "a context id")
            else { continue }
            if !seen.insert(id).inserted { reader.error(at: f["id"], "duplicate context id '\(id)'") }
            guard let whenNode = f["when"], let checked = condition(whenNode, checker: checker(bands: false), expecting: .bool) else { continue }
            contexts.append(
                PersonContext(
                    id: id, condition: checked.condition, reason: reader.string(f["reason"], "reason") ?? "",
                    references: citations(f, of: "context '\(id)'", required: false)))
        }
        contextIDs = contexts.map(\.id)
        return contexts
    }

    /// The `notFor:` and `onlyFor:` lists of a text, each id a declared context.
    mutating func readFit(_ f: YAMLReader.Fields, of owner: String) -> Fit {
        func ids(_ key: String) -> [String] {
            var ids: [String] = []
            for idNode in reader.list(f[key], "the \(key) list of \(owner)") {
                guard let id = reader.string(idNode, "a context id") else { continue }
                guard contextIDs.contains(id) else {
                    reader.error(
                        at: idNode,
                        "unknown context '\(id)'\(Suggestion.didYouMean(id, among: contextIDs)); declare it in 'contexts' at the top level")
                    continue
                }
                if !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
        return Fit(notFor: ids("notFor"), onlyFor: ids("onlyFor"))
    }

    /// A food or note: plain text, or `{ text, notFor, onlyFor }` when it does not fit everyone.
    mutating func readFitted(_ node: YAMLNode?, _ what: String, of nutrient: String) -> [(text: String, fit: Fit)] {
        reader.list(node, what).compactMap { entry in
            if case .scalar = entry { return reader.string(entry, "a text").map { ($0, Fit.everyone) } }
            guard
                let f = reader.fields(entry, "an entry of the \(what) of '\(nutrient)'", allowed: ["text", "notFor", "onlyFor"], required: ["text"])
            else { return nil }
            return (reader.string(f["text"], "text") ?? "", readFit(f, of: "an entry of the \(what) of '\(nutrient)'"))
        }
    }
}
