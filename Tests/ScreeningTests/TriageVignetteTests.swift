import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Triage a clinician can act on (issue 23): classes of patients, each with the level its row of
/// the clinical reference gives (CLINICAL §0, §3; NHS 111 dispositions: emergency, same day,
/// 24–48 hours, soon, routine) and the reason that must lead. Written from the reference before
/// the levels existed; each file's first line names the row.
@Suite struct TriageVignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        /// The level id, as the JSON gives it; nil when no see-a-doctor warning fires.
        var level: String?
        /// The trigger that leads: first in the report, the terminal and the JSON.
        var lead: String?
        /// Triggers that must fire as well.
        var present: Set<String> = []
        /// Triggers that must not fire.
        var absent: Set<String> = []
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        // Row 17b: symptomatic low calcium after neck surgery needs a calcium level today.
        Expectation(file: "neck-surgery-same-day", level: "same_day", lead: "after_neck_surgery", absent: ["tetany_seizure"]),
        // Row 7 over row 17b: a spasm that will not let go is an emergency; the same-day reason stays below it.
        Expectation(file: "neck-surgery-spasm-locks", level: "emergency", lead: "tetany_seizure", present: ["after_neck_surgery"]),
        // Row 20: a strong cause of low potassium with palpitations (not now) or weakness: U&E, magnesium and an ECG today.
        Expectation(file: "thiazide-vomiting-palpitations", level: "same_day", lead: "low_potassium_cause", absent: ["heart_rhythm"]),
        Expectation(
            file: "laxatives-purging-weakness", level: "same_day", lead: "low_potassium_cause", absent: ["severe_weakness", "spreading_weakness"]),
        // Row 20 needs the strong cause: palpitations alone get a routine ECG.
        Expectation(file: "palpitations-no-cause", level: "routine", lead: "palpitations_check", absent: ["low_potassium_cause"]),
        // Row 5 holds: emergency, not same day.
        Expectation(file: "diuretic-heart-racing-now", level: "emergency", lead: "heart_rhythm"),
        // §0, NICE NG239: B12 Likely with balance loss, falls or memory change: treat promptly, within 2 weeks.
        Expectation(
            file: "b12-balance-memory-soon", level: "soon", lead: "b12_nerve_features", absent: ["b12_spinal_cord", "new_confusion", "wernicke"]),
        // Without those features B12 Likely stays routine.
        Expectation(
            file: "b12-tingling-only", level: "routine", lead: "likely_nutrient", absent: ["b12_nerve_features", "b12_spinal_cord"]),
        // Row 11: progressive numbness with falls and a strong B12 risk: 24–48 hours.
        Expectation(file: "nitrous-oxide-worse-falls", level: "urgent", lead: "b12_spinal_cord", present: ["nitrous_oxide_nerves"]),
        // §0: the warning sign said yes to leads; the Guillain-Barré pattern does not fire against his "no".
        Expectation(file: "cauda-equina-yes-weak-legs", level: "emergency", lead: "cauda_equina", absent: ["spreading_weakness"]),
        Expectation(file: "weakness-worse-spreading-denied", level: "routine", lead: "persistent_symptoms", absent: ["spreading_weakness"]),
        Expectation(file: "spreading-said-yes", level: "emergency", lead: "spreading_weakness"),
        // Row 6 is acute: six months of slowly worsening weakness is not an emergency.
        Expectation(file: "slow-severe-weakness", level: "routine", lead: "persistent_symptoms", absent: ["severe_weakness"]),
        // Row 22: refeeding with palpitations is an emergency; with weakness alone, same day.
        Expectation(file: "refeeding-heart-racing", level: "emergency", lead: "refeeding_danger"),
        Expectation(file: "refeeding-weak-same-day", level: "same_day", lead: "refeeding_risk", absent: ["refeeding_danger", "heart_rhythm"]),
        // The warning sign said yes to comes before a pattern inferred from later answers.
        Expectation(file: "chest-pain-yes-fluids", level: "emergency", lead: "chest_pain", present: ["fluids_with_risk"]),
        // Row 16: a blood count and ferritin soon, within about 2 weeks.
        Expectation(file: "iron-man-no-bowel", level: "soon", lead: "iron_check", absent: ["iron_with_bowel_signs"]),
        // Not row 17b: the surgery was years ago, and night cramps alone are benign.
        Expectation(file: "neck-surgery-years-ago", level: nil, lead: nil, absent: ["after_neck_surgery"]),
    ]

    static func assess(_ file: String) throws -> Assessment {
        let document = try AnswersDocument.load(
            path: Fixture.path("triage-vignettes/\(file).yaml"), questionnaire: Default.questionnaire, today: .machine)
        return Assessor(questionnaire: Default.questionnaire, today: .machine).assess(
            document.answers, name: document.name, completed: document.completed)
    }

    @Test(arguments: expectations)
    func vignetteGetsTheLevelAndTheLeadOfItsRow(_ expected: Expectation) throws {
        let assessment = try Self.assess(expected.file)
        let fired = assessment.triggers.map(\.id)
        #expect(assessment.unanswered.isEmpty, "a vignette answers every question it is shown: \(assessment.unanswered)")
        #expect(assessment.triage.level?.rawValue == expected.level, "fired: \(fired)")
        #expect(fired.first == expected.lead, "fired: \(fired)")
        #expect(expected.present.isSubset(of: fired), "fired: \(fired)")
        #expect(expected.absent.isDisjoint(with: fired), "fired: \(fired)")
    }

    /// The JSON `triggers` run from the most urgent level down, so its first is the lead.
    @Test(arguments: expectations)
    func triggersRunFromTheMostUrgentDown(_ expected: Expectation) throws {
        let assessment = try Self.assess(expected.file)
        let levels = assessment.triggers.map(\.urgency)
        #expect(levels == levels.sorted(by: >))
        #expect(levels.first == assessment.triage.level)
    }

    @Test func theVignettesCoverEveryLevel() {
        let levels = Set(Self.expectations.compactMap(\.level))
        #expect(levels == ["emergency", "same_day", "urgent", "soon", "routine"])
        #expect(Self.expectations.count >= 15)
    }

    @Test func everyTriageVignetteFileIsChecked() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.path("triage-vignettes")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.expectations.map(\.file)))
    }
}
