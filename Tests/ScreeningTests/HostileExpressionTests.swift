import Foundation
import Testing

@testable import Screening

/// Conditions built to exhaust the stack or the number range: refused with located errors, or
/// evaluated without leaving the range; and archives forged to hold what the parser refuses.
@Suite struct HostileExpressionTests {
    private func failure(_ text: String) -> ExpressionError? {
        do {
            _ = try ExpressionParser.parse(text)
            return nil
        } catch { return error }
    }

    @Test func limitsAreLocatedErrors() throws {
        let deep = "this condition nests more than 64 levels"
        // Chains are trees as deep as they are long: refused at the operator that goes too deep.
        let sum = Array(repeating: "n", count: 100).joined(separator: " + ")
        #expect(failure(sum)?.offset == 63 * 4 + 2)
        #expect(failure(sum)?.message.hasPrefix(deep) == true)
        #expect(failure(Array(repeating: "a", count: 70).joined(separator: " and "))?.message.hasPrefix(deep) == true)
        #expect(failure(String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500))?.offset == 64)
        #expect(failure(String(repeating: "not ", count: 500) + "a")?.offset == 64 * 4)
        #expect(failure(String(repeating: "-", count: 500) + "1")?.offset == 64)
        #expect(failure(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))?.offset == 64)
        // Just inside the limits parses.
        #expect(failure(Array(repeating: "n", count: 64).joined(separator: " + ")) == nil)
        #expect(failure(String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)) == nil)
        #expect(failure(String(repeating: "not ", count: 63) + "a") == nil)

        let long = String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000)
        #expect(
            failure(long)
                == ExpressionError(
                    offset: 4096, message: "this condition is 40001 bytes long; at most 4096 are allowed, so split it into computed values"))
        #expect(failure("a and " + String(repeating: "x", count: 65))?.offset == 6)
        #expect(failure("a and " + String(repeating: "x", count: 65))?.message.contains("is 65 characters long; names are at most 64") == true)
        #expect(failure("a and " + String(repeating: "x", count: 64)) == nil)
        #expect(failure("n > 1" + String(repeating: "0", count: 16))?.message == "this number is too large; numbers are at most 10^15")
    }

    @Test func everyWalkOfTheDeepestTreeWorks() throws {
        let text = Array(repeating: "n", count: 64).joined(separator: " + ")
        let parsed = try ExpressionParser.parse(text)
        #expect(try ExpressionParser.parse(parsed.description) == parsed)
        #expect(parsed.references == ["n"])
    }

    @Test func arithmeticPastTheLargestNumberIsMissing() throws {
        let questionnaire = try Fixture.load(
            Fixture.wrapping(
                items: """
                        - id: x
                          type: decimal
                          text: X?
                    """,
                extra: """
                    computed:
                      - id: cube
                        value: x * x * x
                      - id: big
                        value: cube > 0
                    """))
        let answers = Fixture.answers(["x": .number(1e200)], in: questionnaire)
        let evaluator = Evaluator(questionnaire: questionnaire, answers: answers)
        #expect(evaluator.computed("cube") == .missing)
        #expect(evaluator.computed("big") == .bool(false))
    }

    @Test func pointsAndLimitsOutOfRangeAreRefusedAtLoad() {
        let yaml = Fixture.wrapping(
            items: """
                    - id: a
                      type: boolean
                      text: A?
                    - id: q
                      type: choice
                      text: Q?
                      options:
                        - { value: x, label: X, points: 1e300 }
                    - id: t
                      type: text
                      text: T?
                      maxLength: 1000000
                    - id: d
                      type: decimal
                      text: D?
                      max: 1e12
                """,
            extra: """
                scores:
                  - id: s
                    name: S
                    bands: { possible: 1, likely: 1e9 }
                    rules:
                      - { when: a, points: -5000, reason: r, source: s }
                """)
        let messages = Fixture.problems(yaml).map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(
            messages == [
                "16:41: points must be from -1000 to 1000, not 1e+300",
                "20:18: maxLength must be from 1 to 10000 characters",
                "24:12: max must be from -1000000000 to 1000000000, not 1000000000000",
                "28:35: likely must be from -1000000 to 1000000, not 1000000000",
                "30:28: points must be from -1000 to 1000, not -5000",
            ], "\(messages)")
    }

    /// An archive sealed for this build, holding `questionnaire` as it is (no checks on the way in).
    private func roundTrip(_ questionnaire: Questionnaire) -> Questionnaire? {
        let bytes = QuestionnaireArchive.encode(questionnaire, build: "b")
        return QuestionnaireArchive.decode(bytes, build: "b", contentHash: questionnaire.contentHash, path: questionnaire.path)
    }

    @Test func aForgedArchiveWithATreeTooDeepIsRefused() throws {
        var questionnaire = try Fixture.basic()
        #expect(roundTrip(questionnaire) != nil)
        var deep = Expression(.name("sudden_weakness"))
        for _ in 0..<64 { deep = Expression(.not(deep)) }
        questionnaire.triggers[0].condition.expression = deep
        #expect(roundTrip(questionnaire) == nil, "a tree one level deeper than the parser allows")
    }

    @Test func aForgedArchiveWithAComputedValueReadingItselfIsRefused() throws {
        let questionnaire = try Fixture.basic()
        let loop = Expression(.binary(.or, Expression(.name("loop")), Expression(.bool(true))))
        let location = SourceLocation(file: questionnaire.path, line: 1, column: 1)
        let looping = ComputedValue(
            id: "loop", definition: .expression(Condition(source: "loop or true", expression: loop, location: location)), type: .bool,
            location: location)
        #expect(roundTrip(questionnaire.with(computed: questionnaire.computed + [looping])) == nil, "evaluating it would recurse without end")
        #expect(roundTrip(questionnaire) != nil)
    }

    @Test func computedValuesStackedTooDeeplyAreALocatedError() {
        var computed = "computed:\n  - id: c0\n    value: n + 1\n"
        for k in 1...300 { computed += "  - id: c\(k)\n    value: c\(k - 1) + 1\n" }
        let problems = Fixture.problems(
            Fixture.wrapping(
                items: """
                        - id: n
                          type: integer
                          text: N?
                    """, extra: computed))
        #expect(problems.count >= 1)
        #expect(problems.first?.message.contains("builds on other computed values too deeply") == true, "\(problems.first?.message ?? "")")
    }
}

extension Questionnaire {
    /// The same questionnaire with other computed values (its look-ups built again).
    fileprivate func with(computed: [ComputedValue]) -> Questionnaire {
        var copy = Questionnaire(
            id: id, version: version, schemaVersion: schemaVersion, title: title, description: description, sections: sections,
            computed: computed, triggers: triggers, nutrients: nutrients, instruments: instruments, advice: advice, tests: tests,
            otherCauses: otherCauses, references: references, report: report, scoring: scoring, contentHash: contentHash, path: path)
        copy.language = language
        return copy
    }
}
