/// Reading the `scoring:` block: which kinds of rule count only beside others.
extension QuestionnaireBuilder {
    mutating func readScoring(_ node: YAMLNode?) -> Scoring {
        var scoring = Scoring.none
        var kindNodes: [RuleKind: YAMLNode] = [:]
        for entry in reader.list(node, "scoring") {
            let keys = ["kind", "countsOnlyBeside", "reason", citationKey]
            guard let f = reader.fields(entry, "a scoring restriction", allowed: keys, required: keys),
                let kindNode = f["kind"], let kind = ruleKind(kindNode)
            else { continue }
            if kindNodes[kind] != nil {
                reader.error(at: kindNode, "the kind '\(kind.rawValue)' is restricted twice; give all it counts beside in one entry")
                continue
            }
            kindNodes[kind] = kindNode
            var beside: [RuleKind] = []
            let besideNodes = reader.list(f["countsOnlyBeside"], "countsOnlyBeside")
            if f["countsOnlyBeside"] != nil, besideNodes.isEmpty {
                reader.error(at: f["countsOnlyBeside"], "countsOnlyBeside is empty; name the kinds '\(kind.rawValue)' counts beside")
            }
            for besideNode in besideNodes {
                guard let other = ruleKind(besideNode) else { continue }
                if other == kind {
                    reader.error(at: besideNode, "'\(kind.rawValue)' cannot count only beside itself; name other kinds")
                } else if !beside.contains(other) {
                    beside.append(other)
                }
            }
            scoring.restrictions.append(
                Scoring.Restriction(
                    kind: kind, beside: beside, reason: reader.string(f["reason"], "reason") ?? "",
                    references: citations(f, of: "the scoring of '\(kind.rawValue)'", required: true)))
        }
        // One level only: what a kind counts beside must always count itself.
        for restriction in scoring.restrictions {
            for other in restriction.beside where scoring.restriction(on: other) != nil {
                reader.error(
                    at: kindNodes[restriction.kind],
                    "'\(restriction.kind.rawValue)' counts only beside '\(other.rawValue)', which counts only beside others itself; name kinds that always count"
                )
            }
        }
        return scoring
    }

    /// The rule kind named in `node`; an unknown name is a located error.
    mutating func ruleKind(_ node: YAMLNode) -> RuleKind? {
        guard let name = reader.string(node, "kind") else { return nil }
        if let known = RuleKind(rawValue: name) { return known }
        let names = RuleKind.allCases.map(\.rawValue)
        reader.error(at: node, "unknown rule kind '\(name)'\(Suggestion.didYouMean(name, among: names)); use one of \(names.joined(separator: ", "))")
        return nil
    }
}
