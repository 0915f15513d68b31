import Foundation

@testable import Screening

extension CoverageTable {
    /// How a row names a rule: `nutrient.rule` (the rule's id, or `#N` for the Nth rule without one).
    static func name(of rule: PointRule, at index: Int, in nutrient: Nutrient) -> String {
        "\(nutrient.id).\(rule.id ?? "#\(index + 1)")"
    }

    /// Every problem of the table against `questionnaire`, each located in the table, or in the
    /// questionnaire for a rule, nutrient or other cause the table does not name.
    func problems(against questionnaire: Questionnaire) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func problem(_ location: SourceLocation, _ message: String) { problems.append(Diagnostic(location, message)) }
        if let covers, covers != questionnaire.id, let first = rows.first {
            problem(first.location, "the table covers \(Printable.quoted(covers)), not \(Printable.quoted(questionnaire.id))")
        }
        var rules: [String: (nutrient: Nutrient, rule: PointRule)] = [:]
        for nutrient in questionnaire.nutrients {
            for (index, rule) in nutrient.rules.enumerated() { rules[Self.name(of: rule, at: index, in: nutrient)] = (nutrient, rule) }
        }
        let causes = Dictionary(uniqueKeysWithValues: questionnaire.otherCauses.map { ($0.id, $0) })
        let itemIDs = questionnaire.questions.map(\.id)
        // Blocks: one per nutrient and other cause, each naming one.
        for block in nutrients where questionnaire.nutrient(block.text) == nil {
            problem(
                block.location,
                "unknown nutrient \(Printable.quoted(block.text))\(Suggestion.didYouMean(block.text, among: questionnaire.nutrients.map(\.id)))")
        }
        for block in otherCauses where causes[block.text] == nil {
            problem(
                block.location, "unknown other cause \(Printable.quoted(block.text))\(Suggestion.didYouMean(block.text, among: Array(causes.keys)))")
        }
        for nutrient in questionnaire.nutrients where !nutrients.contains(where: { $0.text == nutrient.id }) {
            problem(nutrient.location, "nutrient \(Printable.quoted(nutrient.id)) has no block in the coverage table")
        }
        for cause in questionnaire.otherCauses where !otherCauses.contains(where: { $0.text == cause.id }) {
            problem(cause.location, "other cause \(Printable.quoted(cause.id)) has no block in the coverage table")
        }
        var reads = ItemReads(questionnaire: questionnaire)
        var named: Set<String> = []
        for row in rows {
            if row.notAsked != nil {
                if !row.asks.isEmpty || !row.rules.isEmpty { problem(row.location, "a row that is not asked names no question or rule") }
            } else {
                if row.asks.isEmpty { problem(row.location, "the row names no question: give 'asks', or 'notAsked' with why") }
                if row.rules.isEmpty { problem(row.location, "the row names no rule: give 'rules', or 'notAsked' with why") }
            }
            for reference in row.references where questionnaire.reference(reference.text) == nil {
                problem(
                    reference.location,
                    "unknown reference \(Printable.quoted(reference.text))\(Suggestion.didYouMean(reference.text, among: questionnaire.references.map(\.id)))"
                )
            }
            var read: Set<String> = []
            for name in row.rules {
                named.insert(name.text)
                if let (nutrient, rule) = rules[name.text] {
                    read.formUnion(reads.items(rule.condition.expression))
                    if row.strength == .strong, rule.kind != .risk || rule.points <= 0 {
                        problem(
                            name.location,
                            "\(name.text) scores a strong risk but is a \(rule.kind.rawValue) rule with \(rule.points.rounded() == rule.points ? String(Int(rule.points)) : String(rule.points)) points; pruning keeps asking only risk rules with positive points while \(nutrient.id) may be flagged"
                        )
                    }
                } else if let cause = causes[name.text] {
                    read.formUnion(reads.items(cause.condition.expression))
                    if let context = cause.known.flatMap({ known in questionnaire.contexts.first { $0.id == known.context } }) {
                        read.formUnion(reads.items(context.condition.expression))
                    }
                } else {
                    problem(
                        name.location,
                        "unknown rule \(Printable.quoted(name.text))\(Suggestion.didYouMean(name.text, among: Array(rules.keys) + Array(causes.keys))); write nutrient.rule or an other cause's id"
                    )
                }
            }
            for ask in row.asks {
                let parts = ask.text.split(separator: ".", maxSplits: 1).map(String.init)
                guard let item = questionnaire.item(parts[0]), item.takesAnswer else {
                    problem(ask.location, "unknown question \(Printable.quoted(parts[0]))\(Suggestion.didYouMean(parts[0], among: itemIDs))")
                    continue
                }
                if parts.count == 2, item.option(parts[1]) == nil {
                    problem(
                        ask.location,
                        "\(item.id) has no option \(Printable.quoted(parts[1]))\(Suggestion.didYouMean(parts[1], among: item.optionValues))")
                }
                if !row.rules.isEmpty, !read.contains(item.id) {
                    problem(ask.location, "no rule this row names reads \(item.id) (\(row.rules.map(\.text).joined(separator: ", ")))")
                }
            }
        }
        for (name, entry) in rules.sorted(by: { $0.key < $1.key }) where !named.contains(name) {
            problem(entry.nutrient.location, "rule \(name) (\(entry.rule.reason.prefix(60))…) is named by no row of the coverage table")
        }
        for cause in questionnaire.otherCauses where !named.contains(cause.id) {
            problem(cause.location, "other cause \(cause.id) is named by no row of the coverage table")
        }
        return problems
    }
}
