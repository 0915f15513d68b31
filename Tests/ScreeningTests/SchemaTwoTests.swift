import Foundation
import Testing

@testable import Screening

/// Schema version 2: declared references, the test catalogue, other causes, rule kinds, `band(…)`,
/// and the checks that keep them honest.
@Suite struct SchemaTwoTests {
    /// A small schemaVersion 2 questionnaire; `rules`, `triggers` and `extra` are spliced in.
    static func questionnaire(
        rules: String = "      - { when: \"vegan_diet\", points: 3, kind: risk, reason: R, references: [ods_b12] }",
        triggers: String = "", extra: String = "", references: String = "  ods_b12: { citation: \"NIH ODS. Vitamin B12 fact sheet.\" }"
    ) -> String {
        """
        id: t
        version: "2"
        schemaVersion: 2
        title: T
        references:
        \(references)
        tests:
          - { id: serum_b12, name: Vitamin B12, checks: B12 in the blood }
        sections:
          - id: s
            title: S
            items:
              - { id: vegan_diet, type: boolean, text: Vegan? }
              - { id: tired, type: boolean, text: Tired? }
        nutrients:
          - id: b12
            name: Vitamin B12
            thresholds: { possible: 3, likely: 5 }
            tests: [serum_b12]
            rules:
        \(rules)
        levels:
          - { id: routine, headline: H, advice: A }
        triggers:
        \(triggers.isEmpty ? "  []" : triggers)
        \(extra)
        """
    }

    private func problems(_ yaml: String) -> [String] { Fixture.problems(yaml).map { "\($0.location.line):\($0.location.column): \($0.message)" } }

    @Test func aWellFormedFileLoadsWithItsReferencesAndCatalogue() throws {
        let q = try Fixture.load(Self.questionnaire())
        #expect(q.references.map(\.id) == ["ods_b12"])
        #expect(q.tests.map(\.id) == ["serum_b12"])
        #expect(q.nutrients[0].rules[0].references == ["ods_b12"])
        #expect(q.nutrients[0].rules[0].kind == .risk)
    }

    @Test func anUndeclaredReferenceIsLocated() {
        let found = problems(
            Self.questionnaire(rules: "      - { when: \"vegan_diet\", points: 3, kind: risk, reason: R, references: [nice_ng239] }"))
        #expect(found.contains { $0.contains("unknown reference 'nice_ng239'; declare it under 'references'") }, "\(found)")
    }

    @Test func aDeclaredReferenceNothingCitesIsLocatedAtItsKey() {
        let found = problems(
            Self.questionnaire(
                references: "  ods_b12: { citation: \"NIH ODS. Vitamin B12 fact sheet.\" }\n  unused_one: { citation: \"Nobody cites this.\" }"))
        #expect(found == ["7:3: reference 'unused_one' is declared but nothing cites it; cite it or remove it"], "\(found)")
    }

    @Test func everyScoredRuleNeedsAKindAndReferences() {
        let found = problems(Self.questionnaire(rules: "      - { when: \"vegan_diet\", points: 3, reason: R }"))
        #expect(found.contains { $0.contains("is missing 'kind'") })
        #expect(found.contains { $0.contains("is missing 'references'") })
        let wrongKind = problems(Self.questionnaire(rules: "      - { when: \"tired\", points: 1, kind: symptm, reason: R, references: [ods_b12] }"))
        #expect(wrongKind.contains { $0.contains("unknown rule kind 'symptm'; did you mean 'symptom'?") }, "\(wrongKind)")
        let negativeSymptom = problems(
            Self.questionnaire(
                rules: "      - { when: \"tired\", points: -1, kind: symptom, reason: R, references: [ods_b12] }", extra: ScoringTests.scoring()))
        #expect(negativeSymptom.contains { $0.contains("a symptom rule adds points") })
    }

    @Test func anUnknownTestIdIsLocated() {
        let yaml = Self.questionnaire().replacingOccurrences(of: "tests: [serum_b12]", with: "tests: [serum_b21]")
        #expect(problems(yaml).contains { $0.contains("unknown test 'serum_b21'; did you mean 'serum_b12'?") })
    }

    @Test func bandsAreReadOnlyAfterScoring() {
        // A trigger may read a band …
        let trigger = "  - { id: t1, when: \"band(b12) == likely\", urgency: routine, message: M, references: [ods_b12] }"
        #expect(problems(Self.questionnaire(triggers: trigger)).isEmpty)
        // … a scoring rule may not (it would read its own result), nor may an item's condition.
        let rule = "      - { when: \"band(b12) == likely\", points: 1, kind: risk, reason: R, references: [ods_b12] }"
        #expect(problems(Self.questionnaire(rules: rule)).contains { $0.contains("band(…) can only be read by triggers") })
        // A computed value that reads a band carries the restriction to whoever uses it.
        let computed = "computed:\n  - { id: flagged, value: \"band(b12) in [possible, likely]\" }"
        let viaComputed = "      - { when: \"flagged\", points: 1, kind: risk, reason: R, references: [ods_b12] }"
        #expect(problems(Self.questionnaire(rules: viaComputed, extra: computed)).contains { $0.contains("'flagged' reads band(…)") })
        // band(…) takes a nutrient id, and compares with low, possible or likely.
        let typo = "  - { id: t1, when: \"band(b13) == likely\", urgency: routine, message: M, references: [ods_b12] }"
        #expect(problems(Self.questionnaire(triggers: typo)).contains { $0.contains("'b13' is not one; did you mean 'b12'?") })
        let badBand = "  - { id: t1, when: \"band(b12) == high\", urgency: routine, message: M, references: [ods_b12] }"
        #expect(problems(Self.questionnaire(triggers: badBand)).contains { $0.contains("'high' is not an option of 'band'") })
    }

    @Test func symptomsCountOnlyBesideARiskOrASign() throws {
        let rules = """
                  - { when: "vegan_diet", points: 3, kind: risk, reason: Vegan, references: [ods_b12] }
                  - { when: "tired", points: 2, kind: symptom, reason: Tired, references: [ods_b12] }
            """
        let q = try Fixture.load(Self.questionnaire(rules: rules, extra: ScoringTests.scoring()))
        let tiredOnly = Assessor(questionnaire: q, today: .machine).assess(AnswerSet(["vegan_diet": .boolean(.no), "tired": .boolean(.yes)]))
        #expect(tiredOnly.nutrients[0].score == 0 && tiredOnly.nutrients[0].band == .low)
        #expect(tiredOnly.nutrients[0].uncounted.map(\.reason) == ["Tired"])
        let both = Assessor(questionnaire: q, today: .machine).assess(AnswerSet(["vegan_diet": .boolean(.yes), "tired": .boolean(.yes)]))
        #expect(both.nutrients[0].score == 5 && both.nutrients[0].band == .likely && both.nutrients[0].uncounted.isEmpty)
    }

    @Test func foodsAndAdviceAreWithheldWhereTheyWouldHarm() throws {
        let extra = """
            contexts:
              - { id: vegan, when: "vegan_diet", reason: No food from animals }
            advice:
              - { id: a1, text: Drink more, unless: "tired", references: [ods_b12] }
            """
        let yaml = Self.questionnaire(extra: extra).replacingOccurrences(
            of: "    tests: [serum_b12]", with: "    tests: [serum_b12]\n    foods: [Fish, { text: Liver, notFor: [vegan] }]")
        let q = try Fixture.load(yaml)
        let vegan = Assessor(questionnaire: q, today: .machine).assess(AnswerSet(["vegan_diet": .boolean(.yes), "tired": .boolean(.yes)]))
        #expect(vegan.nutrients[0].foods == ["Fish"])
        #expect(vegan.advice.isEmpty)
        let other = Assessor(questionnaire: q, today: .machine).assess(AnswerSet(["vegan_diet": .boolean(.no), "tired": .boolean(.no)]))
        #expect(other.nutrients[0].foods == ["Fish", "Liver"])
        #expect(other.advice.map(\.id) == ["a1"])
    }

    @Test func pointsAndThresholdsMustBeSane() {
        let found = problems(
            Self.questionnaire(rules: "      - { when: \"vegan_diet\", points: 1e300, kind: risk, reason: R, references: [ods_b12] }"))
        #expect(found.contains { $0.contains("points must be from -1000 to 1000") }, "\(found)")
    }

    @Test func theOtherSchemaVersionsKeysSayWhichWordToUse() {
        let yaml = Self.questionnaire().replacingOccurrences(of: "nutrients:", with: "scores:")
        #expect(problems(yaml).contains { $0.contains("'scores' is not a key of schemaVersion 2; use 'nutrients'") })
    }

    @Test func schemaVersionOneStillLoadsWithItsFreeTextSources() throws {
        let q = try Fixture.basic()
        #expect(q.schemaVersion == 1)
        // A free-text source becomes a reference of its own, cited by the trigger.
        let trigger = try #require(q.triggers.first)
        #expect(trigger.references == ["NHS. Stroke symptoms (FAST)"])
        #expect(q.reference(trigger.references[0])?.citation == "NHS. Stroke symptoms (FAST)")
    }
}
