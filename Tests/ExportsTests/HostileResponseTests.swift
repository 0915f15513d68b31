import Foundation
import Testing

@testable import Exports
@testable import Screening

/// FHIR responses an outside tester made by hand: a linkId answered twice, a Bundle with two
/// Patients, a response entered in error or for another version of the questionnaire, a blank
/// name, a byte-order mark. Each is refused with a located error, or read as it says.
@Suite struct HostileResponseTests {
    static let questionnaire = FHIRBundleTests.questionnaire
    static let canonical = "urn:nutriscreen:questionnaire:neuro_nutrition|" + questionnaire.version

    /// The located problems reading `json` gives (none when it reads).
    static func problems(_ json: String, file: String = "r.json") -> [String] {
        do {
            _ = try AnswersFile.parse(Data(json.utf8), file: file, questionnaire: questionnaire, today: .machine)
            return []
        } catch { return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } }
    }

    static func read(_ json: String) throws -> AnswersDocument {
        try AnswersFile.parse(Data(json.utf8), file: "r.json", questionnaire: questionnaire, today: .machine)
    }

    /// A response whose warning-sign items are `items`, with `extra` fields.
    static func response(_ items: String, status: String = "completed", version: String? = nil, extra: String = "") -> String {
        let reference = version.map { "urn:nutriscreen:questionnaire:neuro_nutrition|" + $0 } ?? canonical
        return #"{"resourceType": "QuestionnaireResponse", "questionnaire": "\#(reference)", "status": "\#(status)"\#(extra), "item": [\#(items)]}"#
    }

    static let chestPain = #"{"linkId": "ws_now", "answer": [{"valueCoding": {"code": "chest_pain"}}]}"#
    static let noneNow = #"{"linkId": "ws_now", "answer": [{"valueCoding": {"code": "none"}}]}"#

    @Test func aLinkIdAnsweredTwiceIsALocatedError() throws {
        #expect(try Self.read(Self.response(Self.chestPain)).answers["ws_now"] != nil, "once is read")
        let twice = Self.problems(Self.response(Self.chestPain + ", " + Self.noneNow))
        #expect(twice.count == 1, "\(twice)")
        #expect(twice.first?.contains("ws_now is answered twice") == true, "\(twice)")
        #expect(twice.first?.hasPrefix("1:") == true && twice.first?.contains(":0:") == false, "located: \(twice)")
        // Inside a group as well as at the top.
        let grouped = Self.problems(
            Self.response(#"{"linkId": "section.warning_signs", "item": [\#(Self.chestPain)]}, \#(Self.noneNow)"#))
        #expect(grouped.contains { $0.contains("ws_now is answered twice") }, "\(grouped)")
    }

    static func bundle(_ entries: [String]) -> String {
        #"{"resourceType": "Bundle", "type": "collection", "entry": [\#(entries.joined(separator: ", "))]}"#
    }

    static func patient(_ url: String, _ name: String) -> String {
        #"{"fullUrl": "\#(url)", "resource": {"resourceType": "Patient", "id": "\#(url.split(separator: ":").last!)", "name": [{"text": "\#(name)"}]}}"#
    }

    static func responseEntry(subject: String?) -> String {
        let extra = subject.map { #", "subject": {"reference": "\#($0)"}"# } ?? ""
        return #"{"fullUrl": "urn:uuid:r", "resource": \#(response(chestPain, extra: extra))}"#
    }

    @Test func aBundleNamesThePersonItsResponsesSubjectNames() throws {
        let ann = Self.patient("urn:uuid:ann", "Ann Example")
        let bo = Self.patient("urn:uuid:bo", "Bo Other")
        #expect(try Self.read(Self.bundle([ann, bo, Self.responseEntry(subject: "urn:uuid:ann")])).name == "Ann Example")
        #expect(try Self.read(Self.bundle([bo, Self.responseEntry(subject: "urn:uuid:ann"), ann])).name == "Ann Example", "wherever it stands")
        #expect(try Self.read(Self.bundle([ann, bo, Self.responseEntry(subject: "Patient/bo")])).name == "Bo Other", "by type and id too")
        #expect(try Self.read(Self.bundle([ann, Self.responseEntry(subject: nil)])).name == "Ann Example", "the only Patient")
        let ambiguous = Self.problems(Self.bundle([ann, bo, Self.responseEntry(subject: nil)]))
        #expect(ambiguous.first?.contains("holds 2 Patients") == true, "\(ambiguous)")
        let missing = Self.problems(Self.bundle([ann, bo, Self.responseEntry(subject: "urn:uuid:cy")]))
        #expect(missing.first?.contains("'urn:uuid:cy'") == true, "\(missing)")
        let two = Self.problems(Self.bundle([ann, Self.responseEntry(subject: "urn:uuid:ann"), Self.responseEntry(subject: "urn:uuid:ann")]))
        #expect(two.first?.contains("holds 2 QuestionnaireResponses") == true, "\(two)")
    }

    @Test func aResponseEnteredInErrorIsRefused() throws {
        let problems = Self.problems(Self.response(Self.chestPain, status: "entered-in-error"))
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains("entered-in-error") == true && problems.first?.hasPrefix("1:") == true, "\(problems)")
        for status in ["completed", "in-progress", "amended"] { #expect(Self.problems(Self.response(Self.chestPain, status: status)).isEmpty) }
    }

    @Test func aResponseForAnotherVersionIsReadWithANote() throws {
        let document = try Self.read(Self.response(Self.chestPain, version: "1.0.0"))
        #expect(document.answers["ws_now"] != nil)
        let note = try #require(document.notes.first)
        #expect(note.message.contains("version 1.0.0"), "\(note)")
        #expect(note.message.contains("version \(Self.questionnaire.version)"), "\(note)")
        #expect(note.location.line == 1 && note.location.column > 1)
        #expect(try Self.read(Self.response(Self.chestPain)).notes.isEmpty, "the same version says nothing")
        #expect(try Self.read(Self.response(Self.chestPain).replacingOccurrences(of: "|" + Self.questionnaire.version, with: "")).notes.isEmpty)
    }

    @Test(arguments: ["", " ", "\\t \\u00a0"])
    func aBlankNameIsRefused(name: String) throws {
        let bundle = Self.bundle([Self.patient("urn:uuid:ann", name), Self.responseEntry(subject: "urn:uuid:ann")])
        let problems = Self.problems(bundle)
        #expect(problems.first?.contains("blank") == true, "'\(name)': \(problems)")
        let yaml = Self.problems("name: \"\(name)\"\nws_now: [chest_pain]\n", file: "a.yaml")
        #expect(yaml.first?.contains("blank") == true, "'\(name)': \(yaml)")
    }

    @Test func aByteOrderMarkBeforeJSONIsSkipped() throws {
        let marked = "\u{FEFF}" + Self.response(Self.chestPain)
        #expect(try Self.read(marked).answers["ws_now"] != nil)
        let plain = try AnswersFile.parse(
            Data("\u{FEFF}{\"ws_now\": [\"none\"], \"name\": \"Ann\"}".utf8), file: "a.json", questionnaire: Self.questionnaire, today: .machine)
        #expect(plain.name == "Ann")
        let yaml = try AnswersFile.parse(
            Data("\u{FEFF}name: Ann\nws_now: [none]\n".utf8), file: "a.yaml", questionnaire: Self.questionnaire, today: .machine)
        #expect(yaml.name == "Ann")
    }

    /// In YAML answers a value's YAML type decides, not its spelling: `~` is null (no name, no
    /// answer), never the text "~"; `!!str false` is text, never a yes/no answer.
    @Test func aValuesYAMLTypeDecides() throws {
        let base = try String(contentsOfFile: FHIRBundleTests.repository + "/Reports/sample-answers.yaml", encoding: .utf8)
        func problems(_ change: (String) -> String) -> [String] { Self.problems(change(base), file: "a.yaml") }
        for null in ["~", "null", "NULL", "!!null x"] {
            let named = problems { $0.replacingOccurrences(of: "name: Sam Sample", with: "name: \(null)") }
            #expect(named.count == 1 && named.first?.contains("name must be text, not null") == true, "\(null): \(named)")
            let answered = problems { $0.replacingOccurrences(of: "stiff_legs: false", with: "stiff_legs: \(null)") }
            #expect(answered.count == 1 && answered.first?.contains("not null") == true, "\(null): \(answered)")
        }
        #expect(
            try AnswersFile.parse(
                Data(base.replacingOccurrences(of: "name: Sam Sample", with: "name: '~'").utf8), file: "a.yaml", questionnaire: Self.questionnaire,
                today: .machine
            ).name == "~", "quoted, it is text")
        let text = problems { $0.replacingOccurrences(of: "stiff_legs: false", with: "stiff_legs: !!str false") }
        #expect(text.count == 1 && text.first?.contains("!!str") == true, "\(text)")
        #expect(text.first?.hasPrefix("17:") == true, "located: \(text)")
        // A FHIR Patient's name given as JSON null is no name.
        let bundle = Self.bundle([
            #"{"fullUrl": "urn:uuid:a", "resource": {"resourceType": "Patient", "name": [{"text": null}]}}"#,
            Self.responseEntry(subject: "urn:uuid:a"),
        ])
        #expect(try Self.read(bundle).name == nil)
    }
}
