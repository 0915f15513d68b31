import Foundation
import Localization
import TestSupport
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// The sample answers, questionnaire and helpers for running poppler and qpdf.
enum Sample {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let created = Date(timeIntervalSince1970: 1_772_359_200)  // 2026-03-01T10:00:00Z

    static let questionnaire: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: repository + "/Questionnaires/neuro-nutrition.yaml") } catch { fatalError("\(error)") }
    }()

    /// The default questionnaire in Spanish, through its translation.
    static let spanish: Questionnaire = {
        let path = repository + "/Questionnaires/neuro-nutrition.es.yaml"
        do { return try QuestionnaireTranslation.apply(try QuestionnaireLoader.data(at: path), file: path, to: questionnaire) } catch {
            fatalError("\(error)")
        }
    }()

    /// The questionnaire in `language`.
    static func questionnaire(_ language: Language) -> Questionnaire { language == .es ? spanish : questionnaire }

    /// The answers file of a clinical vignette of the Screening tests, relative to the repository.
    static func vignette(_ name: String) -> String { "Tests/ScreeningTests/Fixtures/vignettes/\(name).yaml" }

    static func assessment(_ file: String = "Reports/sample-answers.yaml", _ language: Language = .en) throws -> Assessment {
        let document = try AnswersDocument.load(path: repository + "/" + file, questionnaire: questionnaire, today: .machine)
        return Assessor(questionnaire: questionnaire(language), today: .machine).assess(
            document.answers, name: document.name, completed: document.completed)
    }

    /// Times are shown in UTC in the tests, whatever the machine's zone.
    static let zone = TimeZone(identifier: "UTC")!

    /// The report's document, in the assessment's language.
    static func document(_ assessment: Assessment, detail: ReportDetail = .short) -> ReportDocument {
        ReportBuilder(
            assessment: assessment, creator: "NutriScreen test", created: created, detail: detail, zone: Zone(zone)
        )
        .document()
    }

    static func pdf(_ assessment: Assessment, paper: PaperSize = .a4, detail: ReportDetail = .short) throws -> Data {
        try ReportRenderer.pdf(
            assessment, paper: paper, detail: detail, creator: "NutriScreen test", created: created, zone: Zone(zone))
    }

    /// Writes data to a temporary file and returns its path.
    static func temporary(_ data: Data, suffix: String = ".pdf") -> String {
        let path = NSTemporaryDirectory() + "nutriscreen-report-" + UUID().uuidString + suffix
        _ = FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    /// Runs a command-line tool (pdfinfo, pdftotext, pdffonts, qpdf) and returns its output.
    static func run(_ tool: String, _ arguments: [String]) throws -> Tool.Result { try Tool.run(tool, arguments) }

    /// Whitespace collapsed to single spaces, and none after a hyphen: a line may break after
    /// "B12-" and pdftotext then joins the two lines with a space.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "- ", with: "-")
    }
}
