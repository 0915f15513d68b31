import Foundation
import PropertyBased
import Testing

@testable import Screening

/// Clinical vignettes kept as answers files, with the bands and triage a clinician would expect.
@Suite struct VignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var triage: Urgency?
        var triggers: Set<String>
        var likely: Set<String>
        var possible: Set<String>
        var instruments: [String: String] = [:]
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        Expectation(file: "vegan", triage: .routine, triggers: ["persistent_symptoms"], likely: ["b12"], possible: ["iron"]),
        Expectation(
            file: "older-metformin-ppi", triage: .routine, triggers: ["persistent_symptoms"], likely: ["b12", "magnesium"],
            possible: ["thiamine", "calcium"], instruments: ["mnsi": "Possible neuropathy"]),
        Expectation(
            file: "heavy-periods-restless-legs", triage: nil, triggers: [], likely: ["iron"], possible: [],
            instruments: ["irlssg": "Criteria met: chronic-persistent"]),
        Expectation(
            file: "diuretics-diarrhoea", triage: .urgent, triggers: ["weight_loss_vomiting"], likely: ["potassium", "magnesium"],
            possible: ["thiamine", "vitamin_d", "b12"]),
        Expectation(file: "high-dose-b6", triage: .routine, triggers: ["b6_toxicity", "persistent_symptoms"], likely: ["b6_high"], possible: []),
        Expectation(
            file: "folic-acid-neuro", triage: .urgent, triggers: ["b12_myelopathy", "folic_acid_masking", "persistent_symptoms"], likely: ["b12"],
            possible: []),
        Expectation(
            file: "heavy-alcohol", triage: .routine, triggers: ["persistent_symptoms"], likely: ["thiamine", "magnesium"],
            possible: ["folate", "potassium"], instruments: ["audit_c": "High (positive)"]),
        Expectation(file: "nothing-likely", triage: nil, triggers: [], likely: [], possible: []),
        Expectation(file: "stroke-signs", triage: .emergency, triggers: ["stroke_signs"], likely: [], possible: []),
    ]

    @Test(arguments: expectations)
    func vignetteGivesTheExpectedBandsAndTriage(_ expected: Expectation) throws {
        let path = Fixture.path("vignettes/\(expected.file).yaml")
        let document = try AnswersDocument.load(path: path, questionnaire: Default.questionnaire)
        let assessment = Assessor(questionnaire: Default.questionnaire).assess(document.answers, name: document.name, completed: document.completed)
        #expect(assessment.triage.level == expected.triage)
        #expect(Set(assessment.triggers.map(\.id)) == expected.triggers)
        #expect(Set(assessment.targets.filter { $0.band == .likely }.map(\.id)) == expected.likely)
        #expect(Set(assessment.targets.filter { $0.band == .possible }.map(\.id)) == expected.possible)
        for (id, band) in expected.instruments { #expect(assessment.instruments.first { $0.id == id }?.band == band, "\(id)") }
    }

    @Test func everyVignetteFileIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("vignettes")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.expectations.map(\.file)))
    }
}

@Suite struct AssessmentPropertyTests {
    static let cases = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 200

    /// Risk factors from CLINICAL.md, per target: adding one must never lower that target's score.
    static let riskFactors: [String: [(item: String, value: String)]] = [
        "b12": [
            ("conditions", "pernicious_anaemia"), ("surgery", "gastrectomy"), ("surgery", "bariatric"), ("conditions", "coeliac"),
            ("medicines", "h2_blocker"), ("nitrous_oxide", "yes"), ("family_pernicious", "yes"),
        ],
        "folate": [("conditions", "coeliac"), ("conditions", "crohns_ibd"), ("medicines", "methotrexate"), ("medicines", "anticonvulsant")],
        "b6_low": [("conditions", "kidney_disease"), ("medicines", "anticonvulsant")],
        "b6_high": [("supplements", "b_complex"), ("supplements", "magnesium_b6")],
        "thiamine": [("medicines", "loop_diuretic"), ("conditions", "diabetes"), ("eating_less", "yes")],
        "magnesium": [("medicines", "loop_diuretic"), ("medicines", "thiazide"), ("medicines", "laxative"), ("conditions", "coeliac")],
        "potassium": [("medicines", "thiazide"), ("medicines", "steroid"), ("medicines", "laxative")],
        "calcium": [("surgery", "neck_surgery"), ("surgery", "bariatric"), ("medicines", "steroid"), ("conditions", "kidney_disease")],
        "vitamin_d": [("conditions", "obesity"), ("conditions", "liver_pancreas"), ("medicines", "anticonvulsant"), ("covered_skin", "yes")],
        "vitamin_e": [("conditions", "liver_pancreas"), ("conditions", "crohns_ibd")],
        "iron": [("conditions", "coeliac"), ("surgery", "gastrectomy"), ("hard_exercise", "yes"), ("bowel_change", "yes")],
    ]

    /// The answers with one more risk factor present.
    static func adding(_ factor: (item: String, value: String), to answers: AnswerSet, in q: Questionnaire) -> AnswerSet {
        var changed = answers
        guard let item = q.item(factor.item) else { return answers }
        switch item.kind {
        case .multiChoice(let options):
            var values: [String] = []
            if case .multiChoice(let current)? = answers[factor.item] { values = current }
            let exclusive = Set(options.filter(\.exclusive).map(\.value))
            values = values.filter { !exclusive.contains($0) } + [factor.value]
            changed[factor.item] = .multiChoice(options.map(\.value).filter(values.contains))
        default:
            changed[factor.item] = .boolean(.yes)
        }
        return changed
    }

    @Test func everyCompletePathScoresEveryTarget() async {
        let q = Default.questionnaire
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            #expect(Navigator(questionnaire: q).isComplete(answers, skipped: []))
            let assessment = Assessor(questionnaire: q).assess(answers)
            #expect(Set(assessment.targets.map(\.id)) == Set(q.targets.map(\.id)), "seed \(seed)")
            #expect(assessment.unanswered.isEmpty, "seed \(seed): \(assessment.unanswered)")
            #expect(assessment.triage.level == assessment.triggers.map(\.urgency).max(), "seed \(seed)")
            for target in assessment.targets {
                #expect(target.score == (target.supporting + target.contrary).reduce(0) { $0 + $1.points })
            }
        }
    }

    @Test func addingARiskFactorNeverLowersThatTargetsScore() async {
        let q = Default.questionnaire
        let assessor = Assessor(questionnaire: q)
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let answers = RandomAnswers.completePath(q, &rng)
            let before = assessor.assess(answers)
            for (target, factors) in Self.riskFactors {
                let factor = factors.randomElement(using: &rng)!
                let after = assessor.assess(Self.adding(factor, to: answers, in: q))
                let old = before.targets.first { $0.id == target }!.score
                let new = after.targets.first { $0.id == target }!.score
                #expect(new >= old, "seed \(seed): adding \(factor) lowered \(target) from \(old) to \(new)")
            }
        }
    }
}
