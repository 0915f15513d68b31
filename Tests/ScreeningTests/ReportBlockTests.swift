import Foundation
import Testing

@testable import Screening

/// The questionnaire's `report:` block: which answers the report shows where, checked when the
/// questionnaire loads and carried into every assessment.
@Suite struct ReportBlockTests {
    /// A small questionnaire with one item of each kind the block names; `report` is spliced in.
    static func questionnaire(_ report: String) -> String {
        """
        id: t
        version: "1"
        schemaVersion: 2
        title: T
        sections:
          - id: about
            title: About you
            items:
              - { id: born, type: date, text: Born?, required: false }
              - { id: how_old, type: integer, text: Age?, min: 18, max: 120 }
              - { id: sex, type: choice, text: Sex?, options: [{ value: female, label: Female }, { value: male, label: Male }] }
              - { id: intro, type: display, text: Hello }
          - id: why
            title: Why
            items:
              - { id: tired, type: boolean, text: Tired?, short: Tiredness }
          - id: pills
            title: Medicines
            items:
              - { id: statin, type: boolean, text: A statin? }
              - { id: metformin, type: boolean, text: Metformin? }
        report:
        \(report)
        """
    }

    private func problems(_ report: String) -> [String] {
        Fixture.problems(Self.questionnaire(report)).map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func aWellFormedBlockLoadsWithItsContextResolved() throws {
        let q = try Fixture.load(
            Self.questionnaire(
                """
                  person: { birthDate: born, age: how_old, sex: sex }
                  symptoms: why
                  context:
                    - { topic: medicines, section: pills }
                    - { topic: conditions, items: [tired] }
                """))
        #expect(q.report.person == .init(birthDate: "born", age: "how_old", sex: "sex"))
        #expect(q.report.symptoms == "why" && q.report.warningSigns == nil)
        #expect(q.report.context == [.init(topic: .medicines, items: ["statin", "metformin"]), .init(topic: .conditions, items: ["tired"])])
    }

    @Test func withoutABlockNothingIsShownByConvention() throws {
        let q = try Fixture.load(Self.questionnaire("  {}"))
        #expect(q.report == .none)
        #expect(try Fixture.basic().report == ReportConventions(person: .init(age: "age")))
    }

    @Test func everyIdIsCheckedWhereItIsNamed() {
        #expect(
            problems("  person: { birthDate: how_old, age: born, sex: sexx }\n  symptoms: whyy\n  warningSigns: intro") == [
                "23:24: birthDate 'how_old' is an integer item; the report's birthDate needs a date item",
                "23:38: age 'born' is a date item; the report's age needs an integer item",
                "23:49: sex 'sexx' is not a question of this questionnaire; did you mean 'sex'?",
                "24:13: symptoms 'whyy' is not a section of this questionnaire; did you mean 'why'?",
                "25:17: warningSigns 'intro' is not a section of this questionnaire",
            ])
    }

    @Test func contextTopicsAreKnownOnceEachAndNameOneSource() {
        let found = problems(
            """
              context:
                - { topic: medicine, section: pills }
                - { topic: diet, items: [intro, statin] }
                - { topic: diet, items: [tired] }
                - { topic: pregnancy, section: pills, items: [tired] }
                - { topic: conditions }
                - { colour: red, topic: conditions, items: [] }
            """)
        #expect(
            found == [
                "24:16: unknown context topic 'medicine'; did you mean 'medicines'?; use one of conditions, medicines, diet, pregnancy",
                "25:30: an item 'intro' is not a question of this questionnaire",
                "26:16: the context topic 'diet' is listed twice; give all its items in one place",
                "27:7: the context topic 'pregnancy' needs exactly one of 'section' (a section id) or 'items' (a list of item ids)",
                "28:7: the context topic 'conditions' needs exactly one of 'section' (a section id) or 'items' (a list of item ids)",
                "29:9: unknown key 'colour' in a part of the report's context; allowed: topic, section, items",
            ], "\(found)")
    }

    @Test func anUnknownKeyOfTheBlockIsLocated() {
        #expect(problems("  person: { born: born }\n  medicines: pills").count == 2)
    }

    @Test func theDefaultQuestionnaireNamesItsPartsAndTheArchiveKeepsThem() throws {
        let q = Default.questionnaire
        #expect(q.report.person == .init(birthDate: "birth_date", age: "age", sex: "sex"))
        #expect(q.report.symptoms == "symptoms" && q.report.warningSigns == "warning_signs")
        // Page 1's context (issue 24): the health conditions and operations, pregnancy, then the medicines.
        #expect(q.report.context.map(\.topic) == [.conditions, .pregnancy, .medicines])
        #expect(q.report.context[0].items.prefix(3) == ["conditions", "diabetes_type", "diabetes_control"])
        #expect(q.report.context[1].items == ["pregnant"])
        #expect(q.report.context[2].items == q.sections.first { $0.id == "medicines" }?.items.filter(\.takesAnswer).map(\.id))
        let bytes = QuestionnaireArchive.encode(q, build: "b")
        #expect(QuestionnaireArchive.decode(bytes, build: "b", contentHash: q.contentHash, path: q.path)?.report == q.report)
    }
}
