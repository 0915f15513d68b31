import Foundation
import Localization

/// A file of answers for scripted use: `item_id: value`, plus optional `name` and `completed`.
/// YAML or JSON (JSON is read as YAML, so line numbers work for both).
public struct AnswersDocument: Sendable {
    public var answers: AnswerSet
    public var name: String?
    /// When the screening was completed (ISO-8601 in the file).
    public var completed: Date?
    /// What a reader should know that does not stop the reading, located: a FHIR response
    /// written for another version of the questionnaire, say.
    public var notes: [Diagnostic] = []

    public init(answers: AnswerSet, name: String? = nil, completed: Date? = nil) {
        self.answers = answers
        self.name = name
        self.completed = completed
    }

    /// Reads the file at `path` and checks every answer against `questionnaire` on `today`.
    public static func load(path: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        try parse(try YAMLReader.read(path, answers: true), file: path, questionnaire: questionnaire, today: today)
    }

    /// Checks answers held in memory on `today`; `file` names them in messages.
    public static func parse(_ data: Data, file: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(data) else { throw DiagnosticList(reader.diagnostics) }
        guard case .mapping(let mapping) = root else {
            reader.error(at: root, "an answers file must map item ids to answers, e.g. 'age: 70'")
            throw DiagnosticList(reader.diagnostics)
        }
        var document = AnswersDocument(answers: AnswerSet())
        var locations: [String: YAMLNode] = [:]
        let ids = questionnaire.questions.map(\.id)
        for (key, value) in mapping.entries {
            guard let id = reader.string(key, "an item id") else { continue }
            switch id {
            case "name":
                guard let name = reader.string(value, "name") else { continue }
                if let problem = Self.nameProblem(name, .english) {
                    reader.error(at: value, problem)
                    continue
                }
                document.name = name
            case "completed":
                guard let text = reader.string(value, "completed") else { continue }
                guard let date = ISO8601.parse(text) else {
                    reader.error(at: value, "completed must be an ISO-8601 time such as 2026-01-31T09:30:00Z, not \(Printable.quoted(text))")
                    continue
                }
                document.completed = date
            default:
                guard let item = questionnaire.item(id), item.takesAnswer else {
                    reader.error(
                        at: key,
                        "unknown item \(Printable.quoted(id)) for questionnaire '\(questionnaire.id)'\(Suggestion.didYouMean(id, among: ids))")
                    continue
                }
                guard let plain = plainValue(value, for: item, &reader) else { continue }
                switch Answer.from(plain, for: item, today: today.day) {
                case .success(let answer):
                    document.answers[id] = answer
                    locations[id] = key
                case .failure(let problem):
                    reader.error(at: value, "\(id): \(problem.message)")
                }
            }
        }
        settle(&document, questionnaire: questionnaire, today: today, locations: locations, &reader)
        guard reader.diagnostics.isEmpty else { throw DiagnosticList(reader.diagnostics) }
        return document
    }

    /// Checks answers read from a file whose answers were found at `locations`: an answer to a
    /// question its conditions hide would be silently ignored, so it is an error; calculated
    /// items (an age from a date of birth) are worked out for the day the screening was
    /// completed (in the zone of `today`), or today, and an answer the file gives for one must agree.
    public static func settle(
        _ document: inout AnswersDocument, questionnaire: Questionnaire, today: Today, locations: [String: YAMLNode],
        _ reader: inout YAMLReader
    ) {
        // Visibility is judged with the calculated items worked out: an age from a date of birth
        // shows the questions that depend on the age.
        let day = today.day(of: document.completed)
        let calculated = Navigator(questionnaire: questionnaire).calculating(document.answers, on: day)
        let visible = Set(Navigator(questionnaire: questionnaire).visibleItems(calculated).map(\.id))
        for (id, key) in locations.sorted(by: { $0.key < $1.key }) where !visible.contains(id) {
            let condition = questionnaire.item(id)?.condition?.source ?? "its condition"
            reader.error(at: key, "\(id) is answered, but it is only asked when \(condition); remove it or change the answers it depends on")
        }
        for item in questionnaire.items {
            guard let formula = item.calculated, let given = document.answers[item.id], let worked = calculated[item.id], worked != given
            else { continue }
            reader.error(
                at: locations[item.id],
                "\(item.id) is \(given.display(for: item, .english)), but \(formula.source) gives \(worked.display(for: item, .english)) on \(day.readable(.english)); correct it or leave it out"
            )
        }
        document.answers = calculated
    }

    /// A scalar's value as the item reads it: for choice, text and date items the text as
    /// written, so YAML 1.1's `no`, `on` or `12` stay words; otherwise YAML's own reading.
    private static func plainValue(_ node: YAMLNode, for item: Item, _ reader: inout YAMLReader) -> PlainValue? {
        switch node {
        case .scalar(let scalar) where scalar.isNull:
            reader.error(at: node, "\(item.id) must be an answer, not \(reader.describe(node)); give one, or leave the line out")
            return nil
        case .scalar(let scalar):
            if item.kind.readsScalarsAsText { return .string(scalar.string) }
            if scalar.isExplicitText {
                reader.error(
                    at: node,
                    "\(item.id): !!str makes \(Printable.quoted(scalar.string)) text, but this question takes \(item.kind.expectation); remove the !!str"
                )
                return nil
            }
            if let b = YAMLReader.plainBool(scalar) { return .bool(b) }
            if let n = YAMLReader.plainNumber(scalar) { return .number(n) }
            return .string(scalar.string)
        case .sequence(let sequence):
            var values: [String] = []
            for element in sequence.nodes {
                guard let s = reader.string(element, "each entry of a list answer") else { return nil }
                values.append(s)
            }
            return .list(values)
        default:
            reader.error(at: node, "an answer must be a single value or a list, not a mapping")
            return nil
        }
    }

    /// Longest name accepted, in characters: any real name fits on the report's header line.
    public static let maximumNameLength = 100

    /// Why `name` cannot go on a report (blank, control characters, or too long), or nil when it
    /// can; in the language of `messages` (English in files' diagnostics).
    public static func nameProblem(_ name: String, _ messages: Messages) -> String? {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return messages.name.blank }
        if Printable.hasControl(name) { return messages.name.control(name: Printable.quoted(name)) }
        if name.count > maximumNameLength { return messages.name.tooLong(count: name.count, maximum: maximumNameLength) }
        return nil
    }

    /// The document as YAML text that `parse` reads back, in asking order.
    public func yaml(for questionnaire: Questionnaire) -> String {
        var lines = ["# NutriScreen answers for \(questionnaire.id) \(questionnaire.version)"]
        if let name { lines.append("name: \(Self.quoted(name))") }
        if let completed { lines.append("completed: \(ISO8601.format(completed))") }
        for (item, answer) in answers.ordered(by: questionnaire) {
            let value: String
            switch answer.plain {
            case .bool(let b): value = String(b)
            case .number: value = answer.plain.description
            case .string(let s): value = Self.quoted(s)
            case .list(let l): value = "[" + l.joined(separator: ", ") + "]"
            }
            lines.append("\(item.id): \(value)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ s: String) -> String {
        "\""
            + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
