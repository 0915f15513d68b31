import Foundation
import Localization
import Screening
import Testing

@testable import Interview

/// A scripted terminal of a given size.
final class SizedConsole: Console {
    var inputs: [String]
    var output = ""
    let window: (columns: Int, rows: Int)?
    init(_ inputs: [String], columns: Int, rows: Int) { (self.inputs, window) = (inputs, (columns, rows)) }
    func readLine() -> String? { inputs.isEmpty ? nil : inputs.removeFirst() }
    func write(_ text: String) { output += text }
}

/// The review at a terminal too short for it comes a page at a time, in plain words, and a
/// number changes any answer whatever page is shown.
@Suite struct ReviewPagingTests {
    let q: Questionnaire
    init() throws { q = try basicFixture() }

    /// Every question of the basic fixture answered, as InterviewTests answers them: the final
    /// review then lists 7 answers.
    static let answers = ["n", "70", "3", "n", "1", "2", "s"]

    func run(_ inputs: [String], rows: Int, columns: Int = 80) -> (Interviewer.Outcome, SizedConsole) {
        let console = SizedConsole(inputs, columns: columns, rows: rows)
        let interviewer = Interviewer(
            questionnaire: q, record: SessionRecord(questionnaire: q, name: nil, now: Date()), answers: AnswerSet(), console: console, clock: .machine
        ) {
            _ in
        }
        return (interviewer.run(), console)
    }

    /// What the final review showed, from its title on.
    static func review(_ output: String) -> String {
        "All questions are answered." + (output.components(separatedBy: "All questions are answered.").last ?? "")
    }

    @Test func aTallReviewComesAPageAtATimeThatFitsTheWindow() {
        // 10 rows leave 4 for answers: 1–4, then 5–7; Enter on the last page finishes.
        let (outcome, console) = run(Self.answers + ["", ""], rows: 10)
        guard case .completed = outcome else {
            Issue.record("\(outcome)")
            return
        }
        let review = Self.review(console.output)
        let first = review.components(separatedBy: "Answers 1–4 of 7.")
        #expect(first.count == 2, "\(review)")
        #expect(first[0].contains("  4. ") && !first[0].contains("  5. "), "\(review)")
        #expect(
            first[1].hasPrefix(
                "\nPress Enter for more, type a number to change that answer, b to go back to the last question, or q to save and quit.\n> "),
            "\(review)")
        let second = first[1].components(separatedBy: "Answers 5–7 of 7.")
        #expect(second.count == 2 && second[0].contains("  5. ") && second[0].contains("  7. ") && !second[0].contains("  4. "), "\(review)")
        #expect(second[1].contains("Enter to finish"), "\(review)")
        // Every page, from its first answer to its prompt, fits the 10 rows with the title.
        for page in review.components(separatedBy: "> ").dropLast() {
            #expect(page.split(separator: "\n", omittingEmptySubsequences: false).count <= 10, "\(page)")
        }
    }

    @Test func aNumberOnTheFirstPageChangesAnAnswerOnALaterOne() {
        // The 6th answer, the years of metformin, is on page 2; 6 typed on page 1 asks it again.
        let (outcome, console) = run(Self.answers + ["6", "3", "", ""], rows: 10)
        let afterSix = console.output.components(separatedBy: "Answers 1–4 of 7.")[1]
        #expect(afterSix.contains("For how many years have you taken metformin?"), "\(afterSix)")
        guard case .completed(let answers) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(answers["metformin_years"] == .decimal(3))
    }

    @Test func withoutAWindowOrWithARoomyOneItIsOnePage() {
        let (_, piped) = run(Self.answers + ["q"], rows: 0)
        #expect(!piped.output.contains("Answers 1–"), "a console without a size is never paged")
        let (_, tall) = run(Self.answers + ["q"], rows: 40)
        #expect(!tall.output.contains("Answers 1–") && Self.review(tall.output).contains("  7. "))
        let sixtyFour = Interviewer.pages(Array(repeating: "x", count: 64), window: (80, 36))
        #expect(sixtyFour.map(\.count) == [30, 30, 4], "a 36-row terminal shows 30 answers a page")
    }

    @Test func aLineThatWrapsTakesTheRowsItNeeds() {
        let lines = [String(repeating: "a", count: 150), "b", "c", String(repeating: "d", count: 81), "e"]
        // 9 rows leave 3: the 2-row first line and b, then c and the 2-row d, then e.
        #expect(Interviewer.pages(lines, window: (80, 9)) == [0..<2, 2..<4, 4..<5])
        #expect(Interviewer.pages(lines, window: (80, 7)) == [0..<5], "too small a window is not paged")
    }

    @Test func theWordsAreSpanishInSpanish() throws {
        let spanish = try QuestionnaireTranslation.apply(
            try QuestionnaireLoader.data(at: q.path.replacingOccurrences(of: ".yaml", with: ".es.yaml")), file: "basic.es.yaml", to: q)
        let console = SizedConsole(["n", "70", "3", "n", "1", "2", "o", "", "g"], columns: 80, rows: 10)
        _ = Interviewer(
            questionnaire: spanish, record: SessionRecord(questionnaire: spanish, name: nil, now: Date()), answers: AnswerSet(), console: console,
            clock: .machine
        ) {
            _ in
        }.run()
        // The 4th answer's longer Spanish line wraps to two rows, so it starts page 2.
        #expect(console.output.contains("Respuestas 1–3 de 7.") && console.output.contains("Respuestas 4–6 de 7."), "\(console.output)")
        #expect(console.output.contains("Pulse Intro para ver más, escriba un número para cambiar esa respuesta, a para volver a la última pregunta"))
    }
}
