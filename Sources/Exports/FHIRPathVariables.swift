import Screening

/// NutriScreen's answers and scoring as SDC `variable` extensions on the Questionnaire root, in
/// FHIRPath, so a form filler works out the same result from the response: each answer a
/// condition reads (`<item>Answer`), each computed value, for each nutrient its score
/// (`score<Nutrient>`) and band (`band<Nutrient>`), and the triage level (`triage`: the most
/// urgent level among the see-a-doctor triggers that hold, empty when none does). A rule of a
/// kind that counts only beside others (the questionnaire's `scoring:` block) reads
/// `beside<Nutrient><Kind>`, true when one of those rules holds with positive points. Each
/// variable reads only the response and the variables before it. Names are ids in camel case
/// (`vitamin_d` → `scoreVitaminD`): R4's `Expression.name` is an `id`, which allows no `_`.
struct FHIRPathVariables {
    let questionnaire: Questionnaire

    /// The variables, in the order they must be worked out.
    func all() -> [(name: String, expression: String)] {
        let path = FHIRPathExpression(questionnaire: questionnaire)
        var result = answers()
        for computed in questionnaire.computed {
            let value: String
            switch computed.definition {
            case .expression(let condition): value = path.value(condition.expression)
            case .sum(let rules): value = sum(rules.map { (path.condition($0.condition.expression), $0.points) })
            }
            result.append((Self.computed(computed.id), value))
        }
        for nutrient in questionnaire.nutrients {
            for restriction in questionnaire.scoring.restrictions {
                let anchors = nutrient.rules.filter { restriction.beside.contains($0.kind) && $0.points > 0 }
                let holds = anchors.map { path.condition($0.condition.expression) }
                result.append((Self.beside(nutrient.id, restriction.kind), holds.isEmpty ? "false" : "(" + holds.joined(separator: " or ") + ")"))
            }
            let terms = nutrient.rules.map { rule -> (String, Double) in
                let holds = path.condition(rule.condition.expression)
                guard questionnaire.scoring.restriction(on: rule.kind) != nil else { return (holds, rule.points) }
                return ("(\(holds) and %\(Self.beside(nutrient.id, rule.kind)))", rule.points)
            }
            result.append((Self.score(nutrient.id), sum(terms)))
            let score = "%" + Self.score(nutrient.id)
            let thresholds = nutrient.thresholds
            result.append(
                (
                    Self.band(nutrient.id),
                    "iif(\(score) >= \(FHIRPathExpression.number(thresholds.likely)), '\(Band.likely.rawValue)', "
                        + "iif(\(score) >= \(FHIRPathExpression.number(thresholds.possible)), '\(Band.possible.rawValue)', '\(Band.low.rawValue)'))"
                ))
        }
        var triage = "{}"
        for urgency in Urgency.allCases.sorted() {
            let holds = questionnaire.triggers.filter { $0.urgency == urgency }.map { path.condition($0.condition.expression) }
            guard !holds.isEmpty else { continue }
            triage = "iif(\(holds.joined(separator: " or ")), '\(urgency.rawValue)', \(triage))"
        }
        result.append(("triage", triage))
        return Self.ordered(result)
    }

    /// `variables` with each after the variables it reads (`%name`), otherwise in their order.
    static func ordered(_ variables: [(name: String, expression: String)]) -> [(name: String, expression: String)] {
        let byName = Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var done = Set<String>()
        var result: [(name: String, expression: String)] = []
        func visit(_ variable: (name: String, expression: String)) {
            guard done.insert(variable.name).inserted else { return }
            for match in variable.expression.matches(of: /%([A-Za-z][A-Za-z0-9]*)/) {
                if let read = byName[String(match.1)] { visit(read) }
            }
            result.append(variable)
        }
        variables.forEach(visit)
        return result
    }

    /// One variable for each item an expression reads: its answer's values, found by the
    /// linkIds of its section and itself.
    private func answers() -> [(name: String, expression: String)] {
        var read = Set<String>()
        for expression in expressions() { Self.collect(expression, into: &read) }
        return questionnaire.items.filter { read.contains($0.id) }.compactMap { item in
            guard let section = questionnaire.section(of: item.id) else { return nil }
            let sectionLink = FHIRPathExpression.string(FHIRBundle.groupLinkID(section))
            return (
                Self.answer(item.id),
                "%resource.item.where(linkId = \(sectionLink)).item.where(linkId = \(FHIRPathExpression.string(item.id))).answer.value"
            )
        }
    }

    /// Every expression the export translates.
    private func expressions() -> [Expression] {
        var all = questionnaire.items.flatMap { [$0.condition, $0.calculated].compactMap { $0?.expression } }
        for computed in questionnaire.computed {
            switch computed.definition {
            case .expression(let condition): all.append(condition.expression)
            case .sum(let rules): all += rules.map(\.condition.expression)
            }
        }
        all += questionnaire.nutrients.flatMap { $0.rules.map(\.condition.expression) }
        return all + questionnaire.triggers.map(\.condition.expression)
    }

    private func sum(_ terms: [(holds: String, points: Double)]) -> String {
        terms.isEmpty ? "0" : "(" + terms.map { "iif(\($0.holds), \(FHIRPathExpression.number($0.points)), 0)" }.joined(separator: " + ") + ")"
    }

    /// The ids of the items and computed values `expression` reads.
    static func collect(_ expression: Expression, into names: inout Set<String>) {
        switch expression.node {
        case .number, .string, .bool: break
        case .name(let id): names.insert(id)
        case .call(let function, let id): if function != .band { names.insert(id) }
        case .list(let elements): for element in elements { collect(element, into: &names) }
        case .not(let operand), .negate(let operand): collect(operand, into: &names)
        case .binary(_, let lhs, let rhs):
            collect(lhs, into: &names)
            collect(rhs, into: &names)
        }
    }

    static func answer(_ item: String) -> String { camel(item) + "Answer" }
    static func computed(_ id: String) -> String { camel(id) }
    static func score(_ nutrient: String) -> String { "score" + capitalized(nutrient) }
    static func band(_ nutrient: String) -> String { "band" + capitalized(nutrient) }
    static func beside(_ nutrient: String, _ kind: RuleKind) -> String { "beside" + capitalized(nutrient) + capitalized(kind.rawValue) }

    /// `has_symptoms` → `hasSymptoms`.
    static func camel(_ id: String) -> String {
        let capital = capitalized(id)
        return capital.prefix(1).lowercased() + capital.dropFirst()
    }

    /// `vitamin_d` → `VitaminD`.
    static func capitalized(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
