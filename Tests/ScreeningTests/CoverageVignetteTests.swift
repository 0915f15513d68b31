import Foundation
import Testing

@testable import Screening

/// Classes of patients, each exercising a guideline risk factor or a look-alike cause the
/// questionnaire once lacked (issue 25). Each expectation was written from the clinical reference
/// named in its file's first line before the content was changed, and checks what a GP must find
/// on page 1: the nutrients flagged (and those that must not be), the reasons (rule ids, as
/// `nutrient.rule`) and the other causes named. The same answers given to the pruned interview,
/// which asks only what can still change the result, must reach the same reasons.
@Suite struct CoverageVignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        /// At least Possible.
        var flagged: Set<String> = []
        var likely: Set<String> = []
        /// Low: the reference says it is not the likely cause.
        var notFlagged: Set<String> = []
        /// Rules (`nutrient.rule`) that must count.
        var reasons: Set<String> = []
        /// Rules that must not count.
        var absent: Set<String> = []
        var causes: Set<String> = []
        var tests: Set<String> = []
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        // NICE NG239: two autoimmune conditions with symptoms are a strong risk for low B12.
        Expectation(file: "autoimmune-t1d-thyroid", flagged: ["b12"], reasons: ["b12.autoimmune_several"]),
        Expectation(file: "autoimmune-vitiligo-family", flagged: ["b12"], reasons: ["b12.autoimmune_several"]),
        // One autoimmune condition alone is a moderate risk.
        Expectation(file: "addisons-alone", flagged: ["b12"], reasons: ["b12.autoimmune"], absent: ["b12.autoimmune_several", "b12.low_risk_diet"]),
        // Chemotherapy neuropathy: the oncology team should know; a nutrient is not the likely cause.
        Expectation(file: "chemotherapy-neuropathy", causes: ["chemotherapy_nerves"]),
        // Over-breathing: tingling and cramps only during attacks; low calcium unlikely.
        Expectation(file: "panic-overbreathing", notFlagged: ["calcium"], reasons: ["calcium.only_in_attacks"], causes: ["hyperventilation"]),
        // Calf pain on walking that eases with rest: the leg arteries (NICE CG147).
        Expectation(file: "calf-pain-walking", causes: ["leg_arteries"], tests: ["abpi"]),
        // Fat malabsorption shown by fatty stools: vitamins E and D (ODS; Traber).
        Expectation(
            file: "fatty-stools", flagged: ["vitamin_e"], reasons: ["vitamin_e.fat_malabsorption_signs", "vitamin_d.fat_malabsorption"]),
        Expectation(
            file: "enzymes-skipped", flagged: ["vitamin_e", "vitamin_d"],
            reasons: ["vitamin_e.fat_malabsorption_signs", "vitamin_d.fat_malabsorption"]),
        // Calcitriol after neck surgery means the parathyroid glands do not work: calcium can fall.
        Expectation(file: "neck-surgery-calcitriol", flagged: ["calcium"], reasons: ["calcium.parathyroid_treated"]),
        // Spironolactone and ACE inhibitors keep potassium in the body (BNF).
        Expectation(file: "spironolactone-ramipril", notFlagged: ["potassium"], reasons: ["potassium.potassium_kept"]),
        // Isoniazid without pyridoxine: the TB team should add pyridoxine, and PLP is the test. A moderate
        // risk with one shared symptom stays below Possible under the point conventions; the cause says it.
        Expectation(file: "isoniazid-without-b6", reasons: ["b6_low.isoniazid"], causes: ["isoniazid_no_b6"], tests: ["plp"]),
        // HIV is a moderate thiamine risk.
        Expectation(file: "hiv-burning-feet", reasons: ["thiamine.hiv"]),
        Expectation(file: "bulimia-laxatives", flagged: ["potassium"], causes: ["eating_disorder"]),
        // High caffeine is a weak risk for magnesium and potassium; alone it flags nothing.
        Expectation(
            file: "energy-drinks-twitching", notFlagged: ["magnesium", "potassium", "calcium"], reasons: ["magnesium.caffeine", "potassium.caffeine"]),
        // A coeliac not keeping to a gluten-free diet still absorbs poorly (NICE NG20).
        Expectation(file: "coeliac-gluten-slips", likely: ["iron"], reasons: ["iron.gluten_not_kept", "folate.gluten_not_kept"]),
        // Meat less than once a week: not the low-risk diet for B12, a weak risk for iron.
        Expectation(file: "rarely-meat", flagged: ["iron"], reasons: ["iron.rarely_meat"], absent: ["b12.low_risk_diet"]),
        // Refeeding after anorexia: low phosphate is the danger (NICE CG32); the eating disorder is named.
        Expectation(
            file: "anorexia-eating-again", flagged: ["thiamine"], likely: ["phosphate"],
            reasons: ["phosphate.refeeding", "thiamine.eating_disorder"],
            causes: ["eating_disorder"], tests: ["phosphate"]),
        // Copper deficiency after a gastric bypass mimics B12 damage; the next test when B12 is normal.
        Expectation(file: "bypass-copper", likely: ["copper"], reasons: ["copper.bariatric", "copper.normal_b12"], tests: ["copper"]),
        Expectation(file: "zinc-copper", flagged: ["copper"], reasons: ["copper.zinc"], tests: ["copper"]),
        // Refeeding with heavy drinking: phosphate (NICE CG32).
        Expectation(file: "alcohol-eating-again", likely: ["phosphate", "thiamine"], reasons: ["phosphate.refeeding", "phosphate.alcohol_heavy"]),
        // The causes a GP must act on are asked even when the band is already settled.
        Expectation(file: "iron-likely-heavy-periods", likely: ["iron"], reasons: ["iron.heavy_periods"]),
        Expectation(file: "vitamin-d-dark-skin", likely: ["vitamin_d"], reasons: ["vitamin_d.dark_skin", "vitamin_d.covered_skin"]),
        Expectation(file: "runner-sweating", flagged: ["magnesium"], reasons: ["magnesium.sweating", "potassium.sweating"]),
        // A positive AUDIT-C of 3 or 4 is hazardous drinking, not the intake that causes deficiencies.
        Expectation(
            file: "audit-c-four", notFlagged: ["thiamine", "folate", "magnesium"],
            absent: [
                "thiamine.alcohol_heavy", "thiamine.alcohol_moderate", "folate.alcohol_heavy", "folate.alcohol_moderate", "magnesium.alcohol_heavy",
                "magnesium.alcohol_moderate", "b12.alcohol_heavy", "b6_low.alcohol_heavy", "potassium.alcohol_eating_less",
            ]),
    ]

    static func assessment(_ file: String, pruned: Bool = false) throws -> (Assessment, AnswersDocument) {
        let q = Default.questionnaire
        let document = try AnswersDocument.load(path: Fixture.path("coverage-vignettes/\(file).yaml"), questionnaire: q, today: .machine)
        let assessor = Assessor(questionnaire: q, today: .machine, pruning: pruned, recordsAsked: true)
        let full = assessor.assess(document.answers, name: document.name, completed: document.completed)
        guard pruned else { return (full, document) }
        var given = AnswerSet()
        for id in full.asked ?? [] { given[id] = document.answers[id] }
        return (assessor.assess(given, name: document.name, completed: document.completed), document)
    }

    /// The rules of `nutrient.rule` ids that count in `assessment`.
    static func counted(_ assessment: Assessment) -> Set<String> {
        let q = Default.questionnaire
        var ids: Set<String> = []
        for result in assessment.nutrients {
            guard let nutrient = q.nutrients.first(where: { $0.id == result.id }) else { continue }
            let reasons = Set((result.supporting + result.contrary).map(\.reason))
            for rule in nutrient.rules where reasons.contains(rule.reason) { ids.insert("\(nutrient.id).\(rule.id ?? "")") }
        }
        return ids
    }

    static func check(_ expected: Expectation, _ assessment: Assessment) {
        let band = Dictionary(uniqueKeysWithValues: assessment.nutrients.map { ($0.id, $0.band) })
        for id in expected.flagged { #expect(band[id]?.isFlagged == true, "\(id) should be flagged") }
        for id in expected.likely { #expect(band[id] == .likely, "\(id) should be Likely, is \(String(describing: band[id]))") }
        for id in expected.notFlagged { #expect(band[id]?.isFlagged == false, "\(id) should not be flagged") }
        let counted = counted(assessment)
        #expect(expected.reasons.subtracting(counted).isEmpty, "missing reasons: \(expected.reasons.subtracting(counted))")
        #expect(expected.absent.intersection(counted).isEmpty, "reasons that must not count: \(expected.absent.intersection(counted))")
        let causes = Set(assessment.otherCauses.map(\.id))
        #expect(expected.causes.isSubset(of: causes), "missing causes: \(expected.causes.subtracting(causes))")
        let tests = Set(assessment.tests.map(\.id))
        #expect(expected.tests.isSubset(of: tests), "missing tests: \(expected.tests.subtracting(tests))")
    }

    @Test(arguments: expectations)
    func vignetteGetsTheReasonsAGPMustSee(_ expected: Expectation) throws {
        let (assessment, _) = try Self.assessment(expected.file)
        #expect(assessment.unanswered.isEmpty, "a vignette answers every question it is shown: \(assessment.unanswered)")
        Self.check(expected, assessment)
    }

    @Test(arguments: expectations)
    func thePrunedInterviewReachesTheSameReasons(_ expected: Expectation) throws {
        let (assessment, _) = try Self.assessment(expected.file, pruned: true)
        Self.check(expected, assessment)
    }

    @Test func everyCoverageVignetteFileIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("coverage-vignettes")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.expectations.map(\.file)))
        #expect(Self.expectations.count >= 20)
    }
}
