import Foundation

@testable import Screening

/// `Questionnaires/coverage.yaml` (FORMAT.md, "Coverage"): for each nutrient and other cause, every
/// guideline risk factor and key symptom, with the questions that ask it and the rules that score
/// it, or why it is not asked.
struct CoverageTable {
    /// How strongly the references weigh a row's fact, or what else it is.
    enum Strength: String, CaseIterable {
        case strong, moderate, weak, symptom, sign, against
    }

    /// A name in the file and where it is written.
    struct Name {
        var text: String
        var location: SourceLocation
    }

    struct Row {
        /// The nutrient or other cause whose block holds the row.
        var block: String
        var fact: String
        var strength: Strength
        /// Items, or `item.option`.
        var asks: [Name]
        /// `nutrient.rule`, or an other cause's id.
        var rules: [Name]
        var notAsked: String?
        var references: [Name]
        var location: SourceLocation
    }

    var covers: String?
    /// Blocks by kind (`nutrients`, `otherCauses`), in the file's order.
    var nutrients: [Name] = []
    var otherCauses: [Name] = []
    var rows: [Row] = []

    static let path = URL(fileURLWithPath: Default.path).deletingLastPathComponent().appendingPathComponent("coverage.yaml").path

    /// Reads a table, collecting located problems of its shape into `diagnostics`.
    static func read(_ data: Data, file: String) -> (table: CoverageTable, diagnostics: [Diagnostic]) {
        var reader = YAMLReader(file: file)
        var table = CoverageTable()
        guard let root = reader.parse(data),
            let top = reader.fields(root, "the coverage table", allowed: ["covers", "nutrients", "otherCauses"], required: ["covers"])
        else { return (table, reader.diagnostics) }
        table.covers = reader.string(top["covers"], "covers")
        for group in ["nutrients", "otherCauses"] {
            guard let node = top[group] else { continue }
            guard case .mapping(let blocks) = node else {
                reader.error(at: node, "\(group) must map each id to its rows")
                continue
            }
            for (key, value) in blocks.entries {
                guard let id = reader.string(key, "an id in \(group)") else { continue }
                let name = Name(text: id, location: reader.location(key))
                if group == "nutrients" { table.nutrients.append(name) } else { table.otherCauses.append(name) }
                for rowNode in reader.list(value, "the rows of \(id)") {
                    if let row = readRow(rowNode, block: id, &reader) { table.rows.append(row) }
                }
            }
        }
        return (table, reader.diagnostics)
    }

    private static func readRow(_ node: YAMLNode, block: String, _ reader: inout YAMLReader) -> Row? {
        let what = "a row of \(block)"
        guard
            let fields = reader.fields(
                node, what, allowed: ["fact", "strength", "asks", "rules", "notAsked", "references"],
                required: ["fact", "strength", "references"]),
            let fact = reader.string(fields["fact"], "fact"), let written = reader.string(fields["strength"], "strength")
        else { return nil }
        guard let strength = Strength(rawValue: written) else {
            let all = Strength.allCases.map(\.rawValue)
            reader.error(
                at: fields["strength"],
                "unknown strength \(Printable.quoted(written))\(Suggestion.didYouMean(written, among: all)); one of: \(all.joined(separator: ", "))")
            return nil
        }
        func names(_ key: String) -> [Name] {
            reader.list(fields[key], key).compactMap { entry in
                reader.string(entry, "each entry of \(key)").map { Name(text: $0, location: reader.location(entry)) }
            }
        }
        let notAsked = fields["notAsked"].flatMap { reader.string($0, "notAsked") }
        return Row(
            block: block, fact: fact, strength: strength, asks: names("asks"), rules: names("rules"), notAsked: notAsked,
            references: names("references"), location: reader.location(node))
    }
}
