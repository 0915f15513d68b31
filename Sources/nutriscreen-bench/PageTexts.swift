import Exports
import Foundation
import Report
import ReportPDF
import Screening

/// The report's own text, page by page, for the floor to draw: for every answers file
/// `NAME.yaml` in a folder, `NAME.txt` beside it with the text of each laid-out page, pages
/// separated by form feeds. Run as a child process (`nutriscreen-bench page-texts FOLDER`), so
/// the layouts it makes never raise the bench's own peak memory.
enum PageTexts {
    static func write(folder: String, questionnaire: Questionnaire, created: Date) throws {
        let engine = try PangoTextEngine.forCurrentThread()
        let assessor = Assessor(questionnaire: questionnaire, today: .bench)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yaml") {
            let answers = try AnswersFile.load(path: folder + "/" + name, questionnaire: questionnaire, today: .bench)
            let assessment = assessor.assess(answers.answers, name: answers.name, completed: answers.completed)
            let document = ReportBuilder(assessment: assessment, creator: "bench", created: created, zone: Today.bench.zone).document()
            try text(of: ReportRenderer.layout(document, paper: .a4, measurer: engine))
                .write(toFile: folder + "/" + name.dropLast(".yaml".count) + ".txt", atomically: false, encoding: .utf8)
            engine.endReport()
        }
    }

    /// Every line placed on each page, in drawing order; pages separated by form feeds.
    static func text(of layout: PageLayout) -> String {
        layout.pages.map { page in
            page.elements.compactMap { element in
                if case .text(let text) = element { text.lines.map(\.text).joined(separator: "\n") } else { nil }
            }.joined(separator: "\n")
        }.joined(separator: "\u{0C}")
    }
}
