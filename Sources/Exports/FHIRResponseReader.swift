import Foundation
import Screening

/// Reads a FHIR QuestionnaireResponse (JSON), or a Bundle holding one, as an answers file: every
/// item by its `linkId`, every answer by its type, the person's name from a Patient in the
/// Bundle, the completion time from `authored`. Every problem is located (`file:line:col`) like
/// any answers file's, and the same checks apply: unknown items, wrong types, unknown options,
/// answers to questions that would not be asked.
public enum FHIRResponseReader {
    /// True when `data` is a JSON object with a top-level `resourceType`, as every FHIR resource
    /// has (a plain answers file never does: `resourceType` is not an item id). One pass over the
    /// bytes, skipping strings and nested objects.
    public static func recognises(_ data: Data) -> Bool {
        let bytes = [UInt8](data.starts(with: YAMLReader.byteOrderMark) ? data.dropFirst(YAMLReader.byteOrderMark.count) : data[...])
        guard let first = bytes.firstIndex(where: { ![32, 9, 10, 13].contains($0) }), bytes[first] == UInt8(ascii: "{") else { return false }
        let key = Array("\"resourceType\"".utf8)
        var depth = 0
        var index = first
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                if depth == 1, bytes[index...].starts(with: key) { return true }
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
            default: break
            }
            index += 1
        }
        return false
    }

    /// Reads the file at `path` (a regular file, size-checked before reading) and its answers.
    public static func load(path: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        try parse(YAMLReader.read(path, answers: true), file: path, questionnaire: questionnaire, today: today)
    }

    /// Reads a response held in memory, judging its dates on `today`; `file` names it in messages.
    public static func parse(_ data: Data, file: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        var reader = YAMLReader(file: file)
        guard let root = reader.parse(data) else { throw DiagnosticList(reader.diagnostics) }
        var walk = Walk(reader: reader, questionnaire: questionnaire, today: today)
        let document = walk.read(root)
        guard walk.reader.diagnostics.isEmpty, let document else { throw DiagnosticList(walk.reader.diagnostics) }
        return document
    }

    private struct Walk {
        var reader: YAMLReader
        let questionnaire: Questionnaire
        let today: Today
        var answers = AnswerSet()
        var located: [String: YAMLNode] = [:]
        /// Where each answered linkId was first met.
        var seen: [String: YAMLNode.Mark] = [:]

        mutating func read(_ root: YAMLNode) -> AnswersDocument? {
            guard case .mapping(let mapping) = root else {
                reader.error(at: root, "a FHIR resource must be a JSON object")
                return nil
            }
            switch value(mapping, "resourceType") {
            case "QuestionnaireResponse": return response(root, name: nil)
            case "Bundle": return bundle(root, mapping)
            case let other:
                reader.error(
                    at: member(mapping, "resourceType") ?? root,
                    "a \(other.map { Printable.quoted($0) } ?? "resource without a resourceType") is not a set of answers; give a QuestionnaireResponse or a Bundle holding one"
                )
                return nil
            }
        }

        /// A Bundle's one QuestionnaireResponse, with the name of the Patient its `subject` names
        /// (by `fullUrl`, or as `Patient/id`), or of the Bundle's only Patient when it names none.
        private mutating func bundle(_ root: YAMLNode, _ mapping: YAMLNode.Mapping) -> AnswersDocument? {
            var responses: [YAMLNode] = []
            var patients: [(url: String?, id: String?, node: YAMLNode, resource: YAMLNode.Mapping)] = []
            for entry in reader.list(member(mapping, "entry"), "entry") {
                guard case .mapping(let e) = entry, let resource = member(e, "resource"), case .mapping(let r) = resource else { continue }
                switch value(r, "resourceType") {
                case "QuestionnaireResponse": responses.append(resource)
                case "Patient": patients.append((value(e, "fullUrl"), value(r, "id"), resource, r))
                default: break
                }
            }
            guard let found = responses.first, case .mapping(let response) = found else {
                reader.error(at: root, "this Bundle holds no QuestionnaireResponse; export one with: nutriscreen export")
                return nil
            }
            guard responses.count == 1 else {
                reader.error(
                    at: responses[1],
                    "this Bundle holds \(responses.count) QuestionnaireResponses; give one screening a file (export one with: nutriscreen export)")
                return nil
            }
            let subjectNode = member(response, "subject").flatMap { if case .mapping(let s) = $0 { member(s, "reference") } else { nil } }
            let subject = subjectNode.flatMap { if case .scalar(let s) = $0 { s.string } else { nil } }
            let person: (node: YAMLNode, resource: YAMLNode.Mapping)?
            if let subject {
                guard let named = patients.first(where: { $0.url == subject || $0.id.map { "Patient/" + $0 } == subject }) else {
                    if !patients.isEmpty {
                        reader.error(at: subjectNode, "the response's subject \(Printable.quoted(subject)) is none of this Bundle's Patients")
                        return nil
                    }
                    return self.response(found, name: nil)
                }
                person = (named.node, named.resource)
            } else {
                guard patients.count <= 1 else {
                    reader.error(
                        at: patients[1].node,
                        "this Bundle holds \(patients.count) Patients and its response names none as its subject, so whose answers these are is unknown; give the response a subject"
                    )
                    return nil
                }
                person = patients.first.map { ($0.node, $0.resource) }
            }
            let name = person.flatMap { patientName($0.resource) }
            if let name, let person, let problem = AnswersDocument.nameProblem(name, .english) {
                reader.error(at: person.node, problem)
                return nil
            }
            return self.response(found, name: name)
        }

        private mutating func response(_ node: YAMLNode, name: String?) -> AnswersDocument? {
            guard case .mapping(let mapping) = node else { return nil }
            let canonical = FHIRBundle(questionnaire: questionnaire).canonical
            var note: Diagnostic?
            if let reference = value(mapping, "questionnaire") {
                let parts = reference.split(separator: "|", maxSplits: 1).map(String.init)
                if parts.first != canonical {
                    reader.error(
                        at: member(mapping, "questionnaire"),
                        "this response answers \(Printable.quoted(reference)), not \(canonical); pass its questionnaire with --questionnaire")
                } else if parts.count == 2, parts[1] != questionnaire.version {
                    note = Diagnostic(
                        reader.location(member(mapping, "questionnaire")),
                        "note: this response was written for version \(parts[1]) of the questionnaire; it is read and scored with version \(questionnaire.version), whose questions and rules may differ"
                    )
                }
            }
            if value(mapping, "status") == "entered-in-error" {
                reader.error(
                    at: member(mapping, "status"),
                    "this response's status is entered-in-error: it was withdrawn as a mistake, so it is not a screening to read or keep")
            }
            var completed: Date? = nil
            if let authored = value(mapping, "authored") {
                completed = ISO8601.parse(authored)
                if completed == nil {
                    reader.error(at: member(mapping, "authored"), "authored must be an ISO-8601 time, not \(Printable.quoted(authored))")
                }
            }
            items(member(mapping, "item"))
            var document = AnswersDocument(answers: answers, name: name, completed: completed)
            AnswersDocument.settle(&document, questionnaire: questionnaire, today: today, locations: located, &reader)
            document.notes = note.map { [$0] } ?? []
            return document
        }

        /// Items, and the groups (sections) that hold them.
        private mutating func items(_ node: YAMLNode?) {
            for entry in reader.list(node, "item") {
                guard case .mapping(let mapping) = entry, let linkNode = member(mapping, "linkId"), let linkId = reader.string(linkNode, "linkId")
                else {
                    reader.error(at: entry, "an item needs a linkId")
                    continue
                }
                if questionnaire.sections.contains(where: { FHIRBundle.groupLinkID($0) == linkId }) {
                    items(member(mapping, "item"))
                    continue
                }
                guard let item = questionnaire.item(linkId), item.takesAnswer else {
                    reader.error(at: linkNode, "unknown linkId \(Printable.quoted(linkId)) for questionnaire '\(questionnaire.id)'")
                    continue
                }
                // Read twice, the last would win: "chest pain" then "none" would lose a warning.
                if let earlier = seen[linkId] {
                    reader.error(
                        at: linkNode,
                        "\(linkId) is answered twice (first at line \(earlier.line), column \(earlier.column)); give each question one item, with all its answers"
                    )
                    continue
                }
                seen[linkId] = linkNode.mark
                let answerNodes = reader.list(member(mapping, "answer"), "answer")
                guard let first = answerNodes.first else { continue }
                var values: [PlainValue] = []
                for answerNode in answerNodes { if let plain = plain(answerNode, for: item) { values.append(plain) } }
                guard values.count == answerNodes.count else { continue }
                let combined: PlainValue
                if item.kind is MultiChoiceKind {
                    combined = .list(values.compactMap { if case .string(let s) = $0 { s } else { nil } })
                } else if values.count == 1 {
                    combined = values[0]
                } else {
                    reader.error(at: answerNodes[1], "\(linkId) takes one answer, not \(values.count)")
                    continue
                }
                switch Answer.from(combined, for: item, today: today.day) {
                case .success(let answer):
                    answers[linkId] = answer
                    located[linkId] = linkNode
                case .failure(let problem):
                    reader.error(at: first, "\(linkId): \(problem.message)")
                }
            }
        }

        /// One `answer` entry as a plain value: `valueBoolean`, `valueCoding` (its code),
        /// `valueInteger`, `valueDecimal`, `valueString` or `valueDate`.
        private mutating func plain(_ node: YAMLNode, for item: Item) -> PlainValue? {
            guard case .mapping(let mapping) = node,
                let (key, valueNode) = mapping.entries.first(where: { entry in
                    if case .scalar(let k) = entry.key { k.string.hasPrefix("value") } else { false }
                }), case .scalar(let keyScalar) = key
            else {
                reader.error(at: node, "an answer needs a value (valueBoolean, valueCoding, valueInteger, valueDecimal, valueString or valueDate)")
                return nil
            }
            switch keyScalar.string {
            case "valueBoolean": return reader.bool(valueNode, "valueBoolean").map(PlainValue.bool)
            case "valueInteger", "valueDecimal": return reader.number(valueNode, keyScalar.string).map(PlainValue.number)
            case "valueString", "valueDate": return reader.string(valueNode, keyScalar.string).map(PlainValue.string)
            case "valueCoding":
                guard case .mapping(let coding) = valueNode, let code = member(coding, "code") else {
                    reader.error(at: valueNode, "a valueCoding needs a code")
                    return nil
                }
                return reader.string(code, "code").map(PlainValue.string)
            default:
                reader.error(at: key, "\(keyScalar.string) is not an answer type NutriScreen reads; use \(FHIRResponseReader.expected(item))")
                return nil
            }
        }

        private func patientName(_ mapping: YAMLNode.Mapping) -> String? {
            guard case .sequence(let names)? = member(mapping, "name"), case .mapping(let first)? = names.nodes.first else { return nil }
            return value(first, "text")
        }

        private func member(_ mapping: YAMLNode.Mapping, _ key: String) -> YAMLNode? {
            mapping.entries.first { if case .scalar(let k) = $0.key { k.string == key } else { false } }?.value
        }

        /// The text of `key`, nil when it is missing, not text, or JSON's null.
        private func value(_ mapping: YAMLNode.Mapping, _ key: String) -> String? {
            if case .scalar(let scalar)? = member(mapping, key), !scalar.isNull { scalar.string } else { nil }
        }
    }

    /// The FHIR answer type an item takes, in words.
    static func expected(_ item: Item) -> String { item.fhirKind.fhirAnswerType }
}
