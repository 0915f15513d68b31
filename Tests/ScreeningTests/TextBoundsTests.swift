import Foundation
import Testing

@testable import Screening

/// A questionnaire's texts are bounded at load (a 4 MB option label once made `report` take
/// 20 s and 1 GB): one text, all texts together and the number of values, each a located error.
@Suite struct TextBoundsTests {
    private func item(label: String) -> String {
        Fixture.wrapping(
            items: """
                    - id: q
                      type: choice
                      text: Q?
                      options:
                        - { value: a, label: "\(label)" }
                        - { value: b, label: B }
                """)
    }

    @Test func aTextOfMoreThan2000CharactersIsALocatedError() throws {
        #expect(Fixture.problems(item(label: String(repeating: "x", count: 2_000))).isEmpty)
        let problems = Fixture.problems(item(label: String(repeating: "x", count: 2_001)))
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.location.line == 13, "\(problems)")
        #expect(problems.first?.message == "this value is 2001 characters; at most 2000 are allowed: shorten it")
        // Characters, not bytes: 2,000 accented letters are 4,000 bytes and allowed.
        #expect(Fixture.problems(item(label: String(repeating: "é", count: 2_000))).isEmpty)
    }

    @Test func allTextsTogetherAreBoundedAsAliasesExpandThem() throws {
        // 600 texts of 1,000 characters, each under the limit alone, are 600,000 characters:
        // repeated twice by an alias they pass the megabyte.
        let text = String(repeating: "y", count: 1_000)
        let block = String(repeating: "    - \(text)\n", count: 600)
        let once = Fixture.wrapping(items: "      - { id: q, type: text, text: Q? }", extra: "notes: &notes\n  list:\n\(block)")
        let yaml = once + "again: *notes\n"
        let problems = Fixture.problems(yaml).filter { $0.message.contains("in all") }
        #expect(problems.count == 1, "\(problems.map(\.description))")
        #expect(
            problems.first?.message == "the file's texts come to more than 1048576 characters in all; shorten them or split the content")
    }

    @Test func moreThan100000ValuesIsALocatedError() throws {
        let values = (0..<100_001).map { "  - v\($0)\n" }.joined()
        let problems = Fixture.problems(Fixture.wrapping(items: "      - { id: q, type: text, text: Q? }", extra: "many:\n\(values)"))
        let bound = problems.filter { $0.message.contains("values") }
        #expect(bound.first?.message == "the file holds more than 100000 values; split the content or shorten it", "\(problems.prefix(3))")
        #expect((bound.first?.location.line ?? 0) > 10)
    }

    @Test func theDefaultQuestionnaireIsWellWithinTheBounds() throws {
        // FORMAT.md's table: the longest text and the totals of the default questionnaire.
        for name in ["neuro-nutrition.yaml", "neuro-nutrition.es.yaml"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: AssessmentJSONTests.repository + "/Questionnaires/" + name))
            var reader = YAMLReader(file: name)
            let parsed = reader.parse(data)
            let root = try #require(parsed)
            reader.checkTexts(root, within: TextBounds(longest: 600, total: 200_000, values: 15_000))
            #expect(reader.diagnostics.isEmpty, "\(name): \(reader.diagnostics.prefix(3))")
        }
    }
}
