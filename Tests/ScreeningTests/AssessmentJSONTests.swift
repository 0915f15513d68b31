import Foundation
import Testing

@testable import Screening

/// The assessment as JSON (schemaVersion 3, docs/assessment-schema.md): everything a report
/// needs, read back as it was written, and documented key by key.
@Suite struct AssessmentJSONTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// The sample's assessment, with its interview path recorded (every optional key present).
    static func sample() throws -> Assessment {
        let q = Default.questionnaire
        let document = try AnswersDocument.load(path: repository + "/Reports/sample-answers.yaml", questionnaire: q, today: .machine)
        return Assessor(questionnaire: q, today: .machine, recordsAsked: true).assess(document)
    }

    @Test func anAssessmentComesBackFromItsJSONAsItWas() throws {
        let assessment = try Self.sample()
        let decoded = try JSONDecoder().decode(Assessment.self, from: Data(assessment.json().utf8))
        #expect(decoded == assessment)
        #expect(decoded.schemaVersion == 3 && decoded.completed == ISO8601.parse("2026-03-01T10:00:00Z"))
    }

    @Test func theAssessmentSaysWhoTheScreeningIsAbout() throws {
        let assessment = try Self.sample()
        #expect(assessment.person == .init(name: "Sam Sample", birthDate: CalendarDate(year: 1957, month: 11, day: 2), age: 68, sex: "female"))
        let born = try #require(assessment.answer("birth_date"))
        #expect(born.section == "about_you" && born.sectionTitle == "About you" && born.label == "Date of birth" && born.kind == "date")
        let age = try #require(assessment.answer("age"))
        #expect(age.calculated && !born.calculated, "the age is worked out from the date of birth")
        let sex = try #require(assessment.answer("sex"))
        #expect(sex.options == [.init(value: "female", label: "Female")])
    }

    @Test func eachAnswerCarriesItsChosenOptionsAndWhatTheyMean() throws {
        let assessment = try Self.sample()
        let symptoms = try #require(assessment.answer("symptoms"))
        #expect(symptoms.section == "symptoms" && symptoms.kind == "multiChoice" && !symptoms.saysNone)
        #expect(symptoms.options.map(\.label).first == "Tingling or pins and needles")
        let warnings = try #require(assessment.answer("ws_now"))
        #expect(warnings.options == [.init(value: "none", label: "None of these", exclusive: true)] && warnings.saysNone)
        #expect(assessment.answers.filter(\.isTyped).map(\.id) == ["anything_else"])
    }

    @Test func theWarningSignsRuledOutAndTheContextAreWorkedOutOnce() throws {
        let assessment = try Self.sample()
        let q = Default.questionnaire
        let asked = ["ws_now", "ws_recent"].compactMap(q.item).flatMap { $0.options.filter { !$0.exclusive } }
        #expect(assessment.ruledOut.map(\.label) == asked.map(\.label))
        #expect(assessment.ruledOut.first == .init(item: "ws_now", value: "chest_pain", label: "Pain, pressure or tightness in your chest"))
        let medicines = assessment.answers(inSection: "medicines").map(\.id)
        // The sample is a woman of 68, so pregnancy is not asked and not listed.
        #expect(
            !medicines.isEmpty
                && assessment.context == [
                    .init(topic: .conditions, answers: ["conditions", "diabetes_type", "diabetes_control", "surgery"]),
                    .init(topic: .medicines, answers: medicines),
                ])
        #expect(assessment.report == q.report)
    }

    @Test func aShownQuestionLeftOpenIsNamedByItsLabel() {
        var answers = Default.baseline
        answers["age"] = nil
        let assessment = Assessor(questionnaire: Default.questionnaire, today: .machine).assess(Fixture.answers(answers, in: Default.questionnaire))
        #expect(assessment.unanswered.contains(.init(id: "age", label: "Age")), "\(assessment.unanswered)")
    }

    /// Every key the JSON has is documented in docs/assessment-schema.md, and every documented key is there.
    @Test func everyKeyIsDocumented() throws {
        let doc = try String(contentsOfFile: Self.repository + "/docs/assessment-schema.md", encoding: .utf8)
        func keys(ofTableAfter heading: String) -> Set<String> {
            let table = doc.components(separatedBy: heading).dropFirst().first?.components(separatedBy: "\n\n").first { $0.hasPrefix("| key") } ?? ""
            return Set(
                table.split(separator: "\n").compactMap { row -> [String]? in
                    guard row.hasPrefix("| `") else { return nil }
                    return row.split(separator: "|")[0].split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"])
                    }
                }.flatMap { $0 })
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try Self.sample().json().utf8)) as? [String: Any])
        #expect(keys(ofTableAfter: "# Assessment JSON") == Set(json.keys))
        let answer = try #require((json["answers"] as? [[String: Any]])?.first { $0["id"] as? String == "sex" })
        #expect(keys(ofTableAfter: "An answer (`answers[]`)") == Set(answer.keys))
        let person = try #require(json["person"] as? [String: Any])
        #expect(keys(ofTableAfter: "The person (`person`)") == Set(person.keys))
    }
}
