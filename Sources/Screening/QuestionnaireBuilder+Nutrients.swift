/// Reading scoring rules and nutrients (with their tests and foods).
extension QuestionnaireBuilder {
    /// Rules of a nutrient (`scored`: with kind, reason and references) or of a computed sum.
    mutating func readRules(_ node: YAMLNode?, of owner: String, scored: Bool) -> [PointRule] {
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
            let kind = f["kind"].flatMap { ruleKind($0) } ?? .risk
            if let restriction = scoring.restriction(on: kind), points < 0 {
                let beside = restriction.beside.map { "a \($0.rawValue)" }.joined(separator: " or ")
                let counting = RuleKind.allCases.first { scoring.restriction(on: $0) == nil }?.rawValue ?? "risk"
                reader.error(
                    at: f["points"],
                    "a \(kind.rawValue) rule adds points, as it counts only beside \(beside) ('scoring'); evidence against a nutrient is a '\(counting)' rule with negative points"
                )
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

    mutating func readNutrients(_ node: YAMLNode?) -> [Nutrient] {
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
                    tests: testIDs(f["tests"], of: "nutrient '\(id)'"),
                    foods: readFitted(f["foods"], "foods", of: id).map { Food($0.text, fit: $0.fit) },
                    notes: readFitted(f["notes"], "notes", of: id).map { Note($0.text, fit: $0.fit) }, location: reader.location(entry)))
        }
        return nutrients
    }

    /// Ids of the test catalogue (schemaVersion 2), or free-text test names (schemaVersion 1).
    mutating func testIDs(_ node: YAMLNode?, of owner: String) -> [String] {
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
}
