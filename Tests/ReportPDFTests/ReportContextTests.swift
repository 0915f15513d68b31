import Foundation
import Localization
import Testing

@testable import Report
@testable import Screening

/// The report is a pure function of the assessment: the person's context, who they are and why
/// they came come from what the assessment carries (the questionnaire's `report:` block), never
/// from the questionnaire itself.
@Suite struct ReportContextTests {
    /// The sample assessed with a `report:` block that names every context topic.
    static func assessment(_ language: Language) throws -> Assessment {
        var q = Sample.questionnaire(language)
        q.report.context = [
            .init(topic: .conditions, items: ["conditions", "diabetes_control"]), .init(topic: .medicines, items: ["medicines", "supplements"]),
            .init(topic: .diet, items: ["diet", "plant_diet_years"]), .init(topic: .pregnancy, items: ["pregnant"]),
        ]
        let document = try AnswersDocument.load(
            path: Sample.repository + "/Reports/sample-answers.yaml", questionnaire: Sample.questionnaire, today: .machine)
        return Assessor(questionnaire: q, today: .machine).assess(document.answers, name: document.name, completed: document.completed)
    }

    static func headings(_ document: ReportDocument) -> [String] {
        document.blocks.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
    }

    @Test func everyContextTopicTheBlockNamesHasItsPlaceOnPageOne() throws {
        let assessment = try Self.assessment(.en)
        // The sample is a woman of 68: the pregnancy question is not shown, so that topic is left out.
        #expect(assessment.context.map(\.topic) == [.conditions, .medicines, .diet])
        #expect(assessment.context[2].answers == ["diet", "plant_diet_years"])
        let document = Sample.document(assessment)
        let headings = Self.headings(document)
        // The context comes before the nutrients, so page 1 carries it in every report.
        let flagged = try #require(headings.firstIndex(of: "Flagged nutrients"))
        #expect(Array(headings[..<flagged].suffix(3)) == ["Long-term conditions", "Medicines and supplements", "Food and drink"])
        let words = ComparisonTests.words(document.blocks)
        #expect(
            words.contains(
                "Food and drink Diet:\u{00A0}Vegetarian: dairy or eggs, but no meat or fish.  Years on this diet:\u{00A0}5 years or more."),
            "\(words)")
        let appendix = ComparisonTests.words(
            Array(document.blocks.drop { if case .heading(let h) = $0 { h.destination != "answers" } else { true } }))
        #expect(!appendix.contains("Diet:"), "an answer on page 1 is not repeated among the other answers")
        let spanish = Self.headings(Sample.document(try Self.assessment(.es)))
        #expect(spanish.contains("Enfermedades de larga duración") && spanish.contains("Comida y bebida"))
    }

    @Test func theHeaderSaysWhoFromThePersonTheAssessmentCarries() throws {
        var assessment = try Sample.assessment()
        assessment.person.age = 70
        let facts = try #require(PDFIntegrationTests.facts(in: Sample.document(assessment))).map(\.text).joined()
        #expect(facts.contains("2\u{00A0}November\u{00A0}1957\u{00A0}(age\u{00A0}70)"), "the age is the assessment's, not worked out again: \(facts)")
        assessment.report = .none
        let bare = try #require(PDFIntegrationTests.facts(in: Sample.document(assessment))).map(\.text).joined()
        #expect(!bare.contains("birth") && !bare.contains("Sex"), "without a report block the person's items are not shown: \(bare)")
    }

    /// The report's sources use the questionnaire's types only: no `Questionnaire`, so no look-up.
    @Test func theReportNeverReadsTheQuestionnaire() throws {
        let folder = Sample.repository + "/Sources/Report"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let code = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n")
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            #expect(code.range(of: #"\bQuestionnaire\b"#, options: .regularExpression) == nil, "\(file) names the Questionnaire type")
        }
    }
}
