import Foundation
import Testing

@testable import Screening

@Suite struct QuestionnaireLoaderTests {
    let dietItems = """
              - id: age
                type: integer
                text: Age?
                min: 18
                max: 120
              - id: diet
                type: choice
                text: Diet?
                options:
                  - { value: omnivore, label: Omnivore }
                  - { value: vegan, label: Vegan }
        """

    private func only(_ yaml: String) -> Diagnostic? {
        let problems = Fixture.problems(yaml)
        #expect(problems.count == 1, "\(problems)")
        return problems.first
    }

    @Test func loadsTheFixtureWithEveryItemType() throws {
        let q = try Fixture.basic()
        #expect(q.id == "fixture_basic")
        #expect(q.sections.count == 2)
        #expect(Set(q.items.map(\.kind.name)) == ["boolean", "display", "integer", "choice", "multiChoice", "decimal", "text"])
        #expect(q.item("b12_supplement")?.condition?.source == "diet in [vegetarian, vegan]")
        #expect(q.item("notes")?.required == false)
        #expect(q.item("age")?.required == true)
        #expect(q.triggers.map(\.urgency) == [.emergency, .routine])
        #expect(q.contentHash.count == 64)
    }

    @Test func unknownIdInAConditionIsLocatedWithASuggestion() {
        let d = only(
            Fixture.wrapping(
                items: dietItems + """

                          - id: b12
                            type: boolean
                            text: B12?
                            when: dite == vegan
                    """))
        #expect(d?.location == SourceLocation(file: "test.yaml", line: 23, column: 15))
        #expect(d?.message == "unknown id 'dite'; did you mean 'diet'?")
    }

    @Test func optionTheItemDoesNotHaveIsLocated() {
        let d = only(
            Fixture.wrapping(
                items: dietItems + """

                          - id: b12
                            type: boolean
                            text: B12?
                            when: diet == vegn
                    """))
        #expect(d?.location.line == 23)
        #expect(d?.location.column == 23)
        #expect(d?.message.contains("'vegn' is not an option of 'diet'; did you mean 'vegan'?") == true)
    }

    @Test func comparingAChoiceWithANumberIsATypeError() {
        let d = only(
            Fixture.wrapping(
                items: dietItems + """

                          - id: b12
                            type: boolean
                            text: B12?
                            when: diet > 3
                    """))
        #expect(d?.location.column == 15)
        #expect(d?.message.contains("needs numbers") == true)
    }

    @Test func aConditionOnALaterItemIsAForwardReference() {
        let d = only(
            Fixture.wrapping(
                items: """
                          - id: b12
                            type: boolean
                            text: B12?
                            when: age > 65
                    """ + "\n" + dietItems))
        #expect(d?.location == SourceLocation(file: "test.yaml", line: 12, column: 15))
        #expect(d?.message.contains("'age' is asked later (line 13)") == true)
    }

    @Test func aMisspeltKeyGetsADidYouMean() {
        let d = only(
            Fixture.wrapping(
                items: dietItems + """

                          - id: b12
                            type: boolean
                            text: B12?
                            wen: age > 65
                    """))
        #expect(d?.location == SourceLocation(file: "test.yaml", line: 23, column: 9))
        #expect(d?.message.hasPrefix("unknown key 'wen' in an item; did you mean 'when'?") == true)
    }

    @Test func duplicateIdsAreErrors() {
        let d = only(
            Fixture.wrapping(
                items: dietItems + """

                          - id: age
                            type: boolean
                            text: Again?
                    """))
        #expect(d?.location.line == 20)
        #expect(d?.message == "duplicate id 'age' (first used at line 9)")
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let problems = Fixture.problems(
            Fixture.wrapping(
                items: """
                          - id: a
                            type: booleen
                            text: A?
                          - id: b
                            type: boolean
                            text: B?
                            when: zz
                            colour: red
                    """))
        #expect(problems.count == 3)
        #expect(problems[0].message.contains("unknown item type 'booleen'; did you mean 'boolean'?"))
        #expect(problems.contains { $0.message.contains("unknown key 'colour'") })
        #expect(problems.contains { $0.message.contains("unknown id 'zz'") })
    }

    @Test func structuralMistakesAreLocated() {
        #expect(only("id: t\nversion: 1\nschemaVersion: 1\ntitle: T\nsections: []\n")?.message.contains("sections is empty") == true)
        #expect(
            only(
                "id: t\nversion: 1\nschemaVersion: 3\ntitle: T\nsections:\n  - id: s\n    title: S\n    items:\n      - {id: a, type: boolean, text: A}\n"
            )?.location.line == 3)
        #expect(
            only(
                "id: t\nversion: 1\nschemaVersion: 1\ntitle: T\nsections:\n  - id: s\n    title: S\n    items:\n      - {id: a, type: choice, text: A}\n"
            )?.message.contains("needs 'options'") == true)
        #expect(
            only(
                "id: t\nversion: 1\nschemaVersion: 1\ntitle: T\nsections:\n  - id: s\n    title: S\n    items:\n      - {id: and, type: boolean, text: A}\n"
            )?.message.contains("reserved word") == true)
        let yaml = only("id: t\nversion: 1\nschemaVersion: 1\ntitle: T\nsections:\n  - id: s\n    title: [unclosed\n")
        #expect(yaml?.message.hasPrefix("invalid YAML") == true)
        #expect(yaml?.location.line == 8 || yaml?.location.line == 7)
    }

    @Test func nonUTF8BytesAreLocated() throws {
        var bytes = Array("id: t\ntitle: caf".utf8)
        bytes.append(0xE9)
        do {
            _ = try QuestionnaireLoader.load(data: Data(bytes), file: "latin1.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "latin1.yaml", line: 2, column: 11))
            #expect(error.diagnostics.first?.message.contains("not valid UTF-8") == true)
        }
    }

    @Test func computedValuesRespectAskingOrderAndTypes() throws {
        let yaml = Fixture.wrapping(
            items: dietItems + """

                      - id: later
                        type: boolean
                        text: Later?
                        when: old
                """,
            extra: """
                computed:
                  - id: old
                    value: age >= 65
                  - id: points
                    sum:
                      - { when: old, points: 2 }
                      - { when: diet == vegan, points: 1 }
                triggers:
                  - id: t1
                    when: points
                    urgency: routine
                    message: M
                    source: S
                levels:
                  - { id: routine, headline: H, advice: A }
                """)
        let d = only(yaml)
        #expect(d?.message.contains("gives a number, but a yes/no condition is needed") == true)
        #expect(d?.location.line == 33)
    }

    @Test func aComputedValueThatReadsALaterItemCannotGateAnEarlierOne() {
        let yaml = Fixture.wrapping(
            items: """
                      - id: early
                        type: boolean
                        text: Early?
                        when: late_and_true
                      - id: late
                        type: boolean
                        text: Late?
                """, extra: "computed:\n  - id: late_and_true\n    value: late\n")
        #expect(only(yaml)?.message.contains("uses answers asked after") == true)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // Lengths either side of the padding boundaries (bytes 0, 1, 2, …; digests from Python's hashlib).
        let vectors = [
            55: "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
            56: "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
            63: "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
            64: "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
            119: "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6",
        ]
        for (length, digest) in vectors { #expect(SHA256.hex(of: (0..<length).map { UInt8($0) }) == digest, "\(length) bytes") }
    }

    @Test func identifiersAreASCIILettersDigitsAndUnderscores() {
        for good in ["a", "_", "b12_low", "Zinc", "_x9"] { #expect(QuestionnaireLoader.isIdentifier(good), "\(good)") }
        for bad in ["", "1a", "a-b", "a b", "é", "aé", "a.b", "@", "[x", "`x", "{x"] { #expect(!QuestionnaireLoader.isIdentifier(bad), "\(bad)") }
    }
}
