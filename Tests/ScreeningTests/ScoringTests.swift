import Foundation
import Testing

@testable import Screening

/// The `scoring:` block: which kinds of rule count only beside others is the questionnaire's to
/// say, checked when it loads, and decides the scores (the program holds no such rule itself).
@Suite struct ScoringTests {
    static let rules = """
              - { when: "vegan_diet", points: 3, kind: risk, reason: Vegan, references: [ods_b12] }
              - { when: "tired", points: 2, kind: symptom, reason: Tired, references: [ods_b12] }
        """

    static func scoring(beside: String = "[risk, sign]", kind: String = "symptom") -> String {
        """
        scoring:
          - { kind: \(kind), countsOnlyBeside: \(beside), reason: Symptoms alone point nowhere, references: [ods_b12] }
        """
    }

    static func questionnaire(scoring: String, rules: String = rules) -> String {
        SchemaTwoTests.questionnaire(rules: rules, extra: scoring)
    }

    static func b12(_ yaml: String, vegan: Bool, tired: Bool) throws -> Assessment.NutrientResult {
        let q = try Fixture.load(yaml)
        let answers = AnswerSet(["vegan_diet": .boolean(vegan ? .yes : .no), "tired": .boolean(tired ? .yes : .no)])
        return Assessor(questionnaire: q, today: .machine).assess(answers, completed: RandomAnswers.completed).nutrients[0]
    }

    @Test func withoutTheBlockEveryRuleThatHoldsCounts() throws {
        let restricted = try Self.b12(Self.questionnaire(scoring: Self.scoring()), vegan: false, tired: true)
        #expect(restricted.score == 0 && restricted.uncounted.map(\.reason) == ["Tired"])
        let open = try Self.b12(Self.questionnaire(scoring: ""), vegan: false, tired: true)
        #expect(open.score == 2 && open.supporting.map(\.reason) == ["Tired"] && open.uncounted.isEmpty)
    }

    @Test func theBlockSaysWhatASymptomCountsBeside() throws {
        // Beside a risk or a sign, the vegan risk lets tiredness count …
        let both = try Self.b12(Self.questionnaire(scoring: Self.scoring()), vegan: true, tired: true)
        #expect(both.score == 5 && both.band == .likely)
        // … beside a sign only, it does not.
        let signOnly = try Self.b12(Self.questionnaire(scoring: Self.scoring(beside: "[sign]")), vegan: true, tired: true)
        #expect(signOnly.score == 3 && signOnly.band == .possible && signOnly.uncounted.map(\.reason) == ["Tired"])
        // Restricting risks instead: a risk counts only beside a symptom.
        let risks = try Self.b12(Self.questionnaire(scoring: Self.scoring(beside: "[symptom]", kind: "risk")), vegan: true, tired: false)
        #expect(risks.score == 0 && risks.uncounted.map(\.reason) == ["Vegan"])
    }

    @Test func theDefaultQuestionnaireScoresByItsBlock() throws {
        let text = try String(contentsOfFile: Default.path, encoding: .utf8)
        let block = try #require(text.range(of: "\nscoring:\n[^\n]*\n(    [^\n]*\n)*", options: .regularExpression))
        #expect(Default.questionnaire.scoring.restrictions.map(\.kind) == [.symptom])
        // Non-specific symptoms alone: Low everywhere with the block, some nutrient flagged without it.
        let symptomsOnly = Default.answers([
            "symptoms": .list(["tingling", "numbness", "weakness", "cramps", "spasms", "balance", "muscle_pain"]),
            "body_symptoms": .list(["fatigue", "breathless", "palpitations", "dizzy_standing", "memory", "sore_tongue", "hair_loss"]),
        ])
        let withBlock = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(symptomsOnly, completed: RandomAnswers.completed)
        let without = try Fixture.load(text.replacingCharacters(in: block, with: "\n"))
        #expect(without.scoring.restrictions.isEmpty)
        let withoutBlock = Assessor(questionnaire: without, today: .machine).assess(symptomsOnly, completed: RandomAnswers.completed)
        #expect(withBlock.nutrients.allSatisfy { $0.band == .low })
        #expect(withoutBlock.nutrients.contains { $0.band != .low }, "\(withoutBlock.nutrients.map { ($0.id, $0.score) })")
        // What did not count with the block is exactly what counts without it.
        let open = Dictionary(uniqueKeysWithValues: withoutBlock.nutrients.map { ($0.id, $0.score) })
        for kept in withBlock.nutrients {
            #expect(open[kept.id] == kept.score + kept.uncounted.reduce(0) { $0 + $1.points }, "\(kept.id)")
        }
        // Changed to "beside a sign only", a vegan's tingling feet no longer count for B12.
        let vegan = Default.answers([
            "diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(false),
            "symptoms": .list(["tingling", "balance"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
        ])
        let signOnly = try Fixture.load(text.replacingOccurrences(of: "countsOnlyBeside: [risk, sign]", with: "countsOnlyBeside: [sign]"))
        let b12 = { (q: Questionnaire) in
            Assessor(questionnaire: q, today: .machine).assess(vegan, completed: RandomAnswers.completed).nutrients.first { $0.id == "b12" }
        }
        let asShipped = try #require(b12(Default.questionnaire))
        let changed = try #require(b12(signOnly))
        #expect(asShipped.band == .likely && changed.score < asShipped.score, "\(asShipped.score) → \(changed.score)")
    }

    @Test func aRestrictedKindAddsPoints() {
        let negative = "      - { when: \"tired\", points: -1, kind: symptom, reason: R, references: [ods_b12] }"
        let found = Fixture.problems(Self.questionnaire(scoring: Self.scoring(), rules: negative)).map(\.description)
        #expect(found.contains { $0.contains("a symptom rule adds points, as it counts only beside a risk or a sign ('scoring')") }, "\(found)")
        // Unrestricted, a symptom with negative points is the questionnaire's choice.
        #expect(Fixture.problems(Self.questionnaire(scoring: "", rules: negative)).isEmpty)
    }

    @Test(arguments: [
        ("[risk, sign]", "symptm", "unknown rule kind 'symptm'; did you mean 'symptom'?"),
        ("[risc]", "symptom", "unknown rule kind 'risc'; did you mean 'risk'?"),
        ("[symptom]", "symptom", "'symptom' cannot count only beside itself"),
        ("[]", "symptom", "countsOnlyBeside is empty"),
    ])
    func aBadRestrictionIsLocated(beside: String, kind: String, message: String) throws {
        let yaml = Self.questionnaire(scoring: Self.scoring(beside: beside, kind: kind))
        let block = try #require(yaml.range(of: "scoring:"))
        let line = yaml[..<block.lowerBound].filter { $0 == "\n" }.count + 2
        let found = Fixture.problems(yaml).filter { $0.message.contains(message) }
        #expect(found.count == 1 && found.first?.location.line == line, "\(Fixture.problems(yaml))")
    }

    @Test func aKindIsRestrictedOnceAndOnlyBesideKindsThatCount() {
        let twice = """
            scoring:
              - { kind: symptom, countsOnlyBeside: [risk], reason: R, references: [ods_b12] }
              - { kind: symptom, countsOnlyBeside: [sign], reason: R, references: [ods_b12] }
            """
        #expect(Fixture.problems(Self.questionnaire(scoring: twice)).map(\.description).contains { $0.contains("is restricted twice") })
        let chained = """
            scoring:
              - { kind: symptom, countsOnlyBeside: [sign], reason: R, references: [ods_b12] }
              - { kind: sign, countsOnlyBeside: [risk], reason: R, references: [ods_b12] }
            """
        #expect(
            Fixture.problems(Self.questionnaire(scoring: chained)).map(\.description).contains {
                $0.contains("'symptom' counts only beside 'sign', which counts only beside others itself")
            })
        let unreferenced = "scoring:\n  - { kind: symptom, countsOnlyBeside: [risk], reason: R }"
        #expect(Fixture.problems(Self.questionnaire(scoring: unreferenced)).map(\.description).contains { $0.contains("is missing 'references'") })
    }

    @Test func anArchiveKeepsTheBlock() throws {
        let q = Default.questionnaire
        let bytes = QuestionnaireArchive.encode(q, build: "test")
        let decoded = try #require(QuestionnaireArchive.decode(bytes, build: "test", contentHash: q.contentHash, path: q.path))
        #expect(decoded.scoring == q.scoring && !decoded.scoring.restrictions.isEmpty)
    }
}
