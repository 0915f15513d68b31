import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Drinking counted as the AUDIT-C guidance counts it: a positive score is hazardous drinking, a
/// reason for brief advice, not the intake that lowers vitamins (Bush 1998; Bradley 2003; NICE PH24,
/// CG100). Each expectation was written from that guidance before the vignettes were first run.
@Suite struct AlcoholVignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        /// The AUDIT-C result the report prints.
        var audit: String
        /// The nutrients with a reason that rests on the drinking answers.
        var citing: Set<String>
        /// Whether the advice to talk to a doctor before cutting down (withdrawal) is given.
        var cutDown: Bool
        /// Nutrients that must be flagged (Possible or Likely).
        var flagged: Set<String> = []
        var description: String { file }
    }

    /// The nutrients heavy drinking lowers (NICE CG100), and phosphate, for which it is a strong risk too (NICE CG32).
    static let heavy: Set<String> = ["thiamine", "folate", "magnesium", "b6_low", "b12", "potassium", "phosphate"]

    static let expectations: [Expectation] = [
        Expectation(file: "hazardous-woman-3", audit: "Positive", citing: [], cutDown: false),
        Expectation(file: "hazardous-man-4", audit: "Positive", citing: [], cutDown: false),
        Expectation(file: "moderate-woman-6", audit: "Positive", citing: ["thiamine", "folate", "magnesium"], cutDown: false),
        Expectation(file: "heavy-man-9-nerves", audit: "High (positive)", citing: heavy, cutDown: true, flagged: ["thiamine"]),
        Expectation(file: "daily-drinker-eating-little", audit: "Positive", citing: heavy, cutDown: true, flagged: ["thiamine"]),
    ]

    static let drinkingItems: Set<String> = ["audit_q1", "audit_q2", "audit_q3"]

    static func assess(_ file: String) throws -> Assessment {
        let path = Fixture.path("alcohol-vignettes/\(file).yaml")
        let document = try AnswersDocument.load(path: path, questionnaire: Default.questionnaire, today: .machine)
        return Assessor(questionnaire: Default.questionnaire, today: .machine).assess(
            document.answers, name: document.name, completed: document.completed)
    }

    /// The nutrients that give a reason resting on an AUDIT-C answer.
    static func citing(_ assessment: Assessment) -> Set<String> {
        Set(
            assessment.nutrients.filter { nutrient in
                nutrient.supporting.contains { rule in rule.evidence.contains { drinkingItems.contains($0.itemID) } }
            }.map(\.id))
    }

    /// Every text the person and the doctor read about a nutrient, an instrument or another cause.
    static func texts(_ assessment: Assessment) -> [String] {
        assessment.nutrients.flatMap { $0.supporting.map(\.reason) + $0.notes } + assessment.instruments.map(\.meaning)
            + assessment.otherCauses.map(\.text) + assessment.advice.map(\.text)
    }

    @Test(arguments: expectations)
    func drinkingCountsOnlyAtTheIntakeThatLowersVitamins(_ expected: Expectation) throws {
        let assessment = try Self.assess(expected.file)
        #expect(assessment.unanswered.isEmpty, "a vignette answers every question it is shown: \(assessment.unanswered)")
        #expect(assessment.instruments.first { $0.id == "audit_c" }?.result == expected.audit)
        #expect(Self.citing(assessment) == expected.citing)
        #expect(assessment.advice.contains { $0.id == "alcohol_cut_down" } == expected.cutDown)
        let flagged = Set(assessment.flaggedNutrients.map(\.id))
        #expect(expected.flagged.isSubset(of: flagged), "flagged: \(flagged)")
    }

    /// Below the high band no text calls the person a heavy drinker (the reference's own words:
    /// "above the safe-drinking cut-off").
    @Test func belowTheHighBandNothingSaysHeavyDrinking() async throws {
        for file in ["hazardous-woman-3", "hazardous-man-4", "moderate-woman-6"] {
            let texts = Self.texts(try Self.assess(file)).map { $0.lowercased() }
            #expect(!texts.contains { $0.contains("heavy drinking") || $0.contains("drink heavily") }, "\(file)")
        }
        let q = Default.questionnaire
        let assessor = Assessor(questionnaire: q, today: .machine)
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            let assessment = assessor.assess(answers, completed: RandomAnswers.completed)
            guard let audit = assessment.instruments.first(where: { $0.id == "audit_c" }), audit.total < 5 else { return }
            guard answers["eating_less"] != .boolean(.yes) else { return }
            // A score under 5 without poor eating never adds deficiency points.
            #expect(Self.citing(assessment).isEmpty, "seed \(seed): AUDIT-C \(audit.total) cited by \(Self.citing(assessment))")
            #expect(!Self.texts(assessment).contains { $0.lowercased().contains("heavy drinking") }, "seed \(seed)")
        }
    }

    @Test func everyAlcoholVignetteIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("alcohol-vignettes")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.expectations.map(\.file)))
    }
}
