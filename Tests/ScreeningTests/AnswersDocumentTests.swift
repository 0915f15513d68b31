import Foundation
import Testing

@testable import Screening

@Suite struct AnswersDocumentTests {
    let q: Questionnaire
    init() throws { q = try Fixture.basic() }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try AnswersDocument.parse(Data(text.utf8), file: "a.yaml", questionnaire: q, today: .machine)
            return []
        } catch { return error.diagnostics.map(\.description) }
    }

    @Test func readsYAMLAndJSON() throws {
        let yaml = try AnswersDocument.parse(
            Data(
                "name: Ann\ncompleted: 2026-01-02T03:04:05Z\nage: 70\ndiet: vegan\nb12_supplement: unsure\nmedicines: [metformin]\nmetformin_years: 2.5\n"
                    .utf8), file: "a.yaml", questionnaire: q, today: .machine)
        #expect(yaml.name == "Ann")
        #expect(yaml.completed.map(ISO8601.format) == "2026-01-02T03:04:05Z")
        #expect(yaml.answers["b12_supplement"] == .boolean(.unsure))
        #expect(yaml.answers["metformin_years"] == .decimal(2.5))
        let json = try AnswersDocument.parse(
            Data(#"{"age": 70, "sudden_weakness": false, "notes": "12"}"#.utf8), file: "a.json", questionnaire: q, today: .machine)
        #expect(json.answers["age"] == .integer(70))
        #expect(json.answers["notes"] == .text("12"))
        #expect(json.answers["sudden_weakness"] == .boolean(.no))
    }

    @Test func writtenYAMLReadsBackTheSame() throws {
        let original = try AnswersDocument.parse(
            Data("name: \"O'Brien \\\"Jo\\\"\"\nage: 70\ndiet: vegan\nb12_supplement: no\nmedicines: [metformin, ppi]\nnotes: \"line: one\"\n".utf8),
            file: "a.yaml", questionnaire: q, today: .machine)
        let again = try AnswersDocument.parse(Data(original.yaml(for: q).utf8), file: "b.yaml", questionnaire: q, today: .machine)
        #expect(again.answers == original.answers)
        #expect(again.name == "O'Brien \"Jo\"")
    }

    @Test func everyKindOfMistakeIsReportedWithItsLine() {
        let found = problems(
            """
            age: 200
            dite: vegan
            diet: vegn
            sudden_weakness: maybe
            medicines: [metformin, none]
            metformin_years: 2
            completed: yesterday
            """)
        #expect(found.count == 7, "\(found)")
        #expect(found[0] == "a.yaml:1:6: age: 200 is outside the allowed range 18 to 120 years")
        #expect(found[1] == "a.yaml:2:1: unknown item 'dite' for questionnaire 'fixture_basic'; did you mean 'diet'?")
        #expect(found[2].hasPrefix("a.yaml:3:7: diet: 'vegn' is not an option; did you mean 'vegan'?"))
        #expect(found[3].hasPrefix("a.yaml:4:18: sudden_weakness: 'maybe' is not an answer"))
        #expect(found[4] == "a.yaml:5:12: medicines: 'none' cannot be combined with other options")
        #expect(found[5].hasPrefix("a.yaml:6:1: metformin_years is answered, but it is only asked when metformin in medicines"))
        #expect(found[6].hasPrefix("a.yaml:7:12: completed must be an ISO-8601 time"))
    }

    @Test func wrongTypesSayWhatIsExpected() {
        #expect(problems("age: seventy").first?.contains("expected a whole number from 18 to 120 years, not the text 'seventy'") == true)
        #expect(problems("age: 70.5").first?.contains("70.5 is not a whole number") == true)
        #expect(problems("- age").first?.contains("must map item ids to answers") == true)
        #expect(problems("age: {a: 1}").first?.contains("not a mapping") == true)
    }
}

@Suite struct AnswersDocumentYAMLWordsTests {
    @Test func bareNoAndNumbersStayOptionWordsForChoiceAndText() throws {
        let q = try Fixture.load(
            Fixture.wrapping(
                items: """
                          - id: v
                            type: choice
                            text: V?
                            options:
                              - { value: "no", label: No }
                              - { value: brief, label: Brief }
                          - id: t
                            type: text
                            text: T?
                          - id: b
                            type: boolean
                            text: B?
                    """))
        let document = try AnswersDocument.parse(Data("v: no\nt: 12\nb: no\n".utf8), file: "a.yaml", questionnaire: q, today: .machine)
        #expect(document.answers["v"] == .choice("no"))
        #expect(document.answers["t"] == .text("12"))
        #expect(document.answers["b"] == .boolean(.no))
    }
}
