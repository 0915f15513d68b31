/// Reading the declared references, and the keys each part of the questionnaire cites.
extension QuestionnaireBuilder {
    mutating func readReferences(_ node: YAMLNode?) {
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
    mutating func citations(_ f: YAMLReader.Fields, of owner: String, required: Bool) -> [String] {
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
    var citationKey: String { words.citesKeys ? "references" : "source" }
}
