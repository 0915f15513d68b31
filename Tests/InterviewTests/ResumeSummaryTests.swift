import Foundation
import Localization
import Testing

@testable import Interview
@testable import Screening

/// What the offer to continue a screening says about it.
@Suite struct ResumeSummaryTests {
    let q: Questionnaire
    init() throws { q = try basicFixture() }

    /// A session saved after `inputs`, as the interview left it.
    private func saved(after inputs: [String], name: String? = nil) -> SessionRecord {
        nonisolated(unsafe) var last = SessionRecord(questionnaire: q, name: name, now: Date())
        let interviewer = Interviewer(questionnaire: q, record: last, answers: AnswerSet(), console: ScriptedConsole(inputs), clock: .machine) {
            last = $0
        }
        _ = interviewer.run()
        return last
    }

    @Test func itCountsTheAnswersAndTheNavigatorsEstimateOfWhatIsLeft() {
        let record = saved(after: ["n", "70", "q"], name: "Ann Example")
        let summary = ResumeSummary(record: record, questionnaire: q, today: Today.machine.day)
        #expect(
            summary == ResumeSummary(name: "Ann Example", answered: 2, toGo: 5, updated: record.updated, position: .init(number: 3, count: 7)))
        #expect(summary.progress(.english) == "2 questions answered, up to 5 to go")
        #expect(summary.progress(Messages(.es)) == "2 preguntas respondidas, faltan 5 como máximo")
        // The interview it offers goes on at question 3 of up to 7: 2 done, 5 to go.
        let console = ScriptedConsole(["q"])
        _ = Interviewer(
            questionnaire: q, record: record, answers: record.answerSet(for: q, today: Today.machine.day).answers, console: console, clock: .machine
        ) { _ in }.run()
        #expect(console.output.contains("question 3 of up to 7"))
    }

    /// An age worked out from the date of birth is kept with the answers but was never asked:
    /// it is not counted, so "answered" plus "to go" is the interview's own "of up to".
    @Test func calculatedItemsAreNotCountedAsAnswered() throws {
        let questionnaire = RandomInterviewTests.questionnaire
        nonisolated(unsafe) var last = SessionRecord(questionnaire: questionnaire, name: nil, now: Date())
        let inputs = ["none", "none", "14 March 1958", "q"]
        _ = Interviewer(questionnaire: questionnaire, record: last, answers: AnswerSet(), console: ScriptedConsole(inputs), clock: .machine) {
            last = $0
        }.run()
        #expect(last.answerSet(for: questionnaire, today: Today.machine.day).answers["age"] != nil, "the age is worked out and kept")
        let summary = ResumeSummary(record: last, questionnaire: questionnaire, today: Today.machine.day)
        #expect(summary.answered == 3)
        let console = ScriptedConsole(["q"])
        _ = Interviewer(
            questionnaire: questionnaire, record: last, answers: last.answerSet(for: questionnaire, today: Today.machine.day).answers,
            console: console, clock: .machine
        ) { _ in }
        .run()
        #expect(console.output.contains("question 4 of up to \(3 + summary.toGo)"), "\(console.output.suffix(600))")
    }

    @Test func afterGoingBackTheQuestionItIsAtIsNotCountedTwice() {
        // Back to age (answered), then quit: it goes on at age, 2 answered, and 5 still to go.
        let record = saved(after: ["n", "70", "b", "q"])
        #expect(record.current == "age")
        #expect(ResumeSummary(record: record, questionnaire: q, today: Today.machine.day).toGo == 5)
    }

    @Test func atTheFinalReviewNothingIsLeftToAsk() {
        let record = saved(after: ["n", "70", "3", "n", "1", "2", "s", "q"])
        let summary = ResumeSummary(record: record, questionnaire: q, today: Today.machine.day)
        #expect(summary.toGo == 0)
        #expect(summary.progress(.english) == "6 questions answered; only the check of your answers is left")
        #expect(summary.progress(Messages(.es)) == "6 preguntas respondidas; solo falta revisar sus respuestas")
    }

    @Test func answersThatNoLongerFitAreNotCounted() {
        var record = saved(after: ["n", "70", "3", "q"])
        record.itemSignatures["diet"] = "choice:something,else"
        #expect(ResumeSummary(record: record, questionnaire: q, today: Today.machine.day).answered == 2)
    }

    @Test func pluralsAndNames() {
        let date = Date(timeIntervalSince1970: 0)
        #expect(ResumeSummary(name: nil, answered: 1, toGo: 1, updated: date).progress(.english) == "1 question answered, up to 1 to go")
        #expect(ResumeSummary(name: nil, answered: 0, toGo: 7, updated: date).progress(.english) == "no question answered yet, up to 7 to go")
        #expect(ResumeSummary(name: nil, answered: 12, toGo: 20, updated: date).progress(.english) == "12 questions answered, up to 20 to go")
        #expect(ResumeSummary(name: nil, answered: 1, toGo: 1, updated: date).progress(Messages(.es)) == "1 pregunta respondida, falta 1 como máximo")
        #expect(
            ResumeSummary(name: nil, answered: 0, toGo: 7, updated: date).progress(Messages(.es))
                == "ninguna pregunta respondida todavía, faltan 7 como máximo")
        let now = Date()
        let offer = ResumeSummary(name: nil, answered: 2, toGo: 3, updated: now).text(
            offer: true, .english, clock: .fixed(at: now, in: Clock.machine.zone))
        #expect(offer.hasPrefix("You have an unfinished screening, saved today at "), "\(offer)")
        let named = ResumeSummary(name: "Zoë \u{1B}[31m", answered: 2, toGo: 3, updated: now).text(
            offer: false, .english, clock: .fixed(at: now, in: Clock.machine.zone))
        #expect(named.hasPrefix("Continuing the screening for Zoë \\u{1B}[31m, saved today at "), "a control character is shown escaped: \(named)")
        let spanish = ResumeSummary(name: "Ana", answered: 2, toGo: 3, updated: now).text(
            offer: true, Messages(.es), clock: .fixed(at: now, in: Clock.machine.zone))
        #expect(spanish.hasPrefix("Tiene un cribado sin terminar de Ana, guardado hoy a las "), "\(spanish)")
        #expect(spanish.hasSuffix(": 2 preguntas respondidas, faltan 3 como máximo."), "\(spanish)")
        let yesterday = ResumeSummary(name: nil, answered: 2, toGo: 3, updated: now - 86_400).text(
            offer: true, .english, clock: .fixed(at: now, in: Clock.machine.zone))
        #expect(
            yesterday.hasPrefix("You have an unfinished screening, saved yesterday at ")
                || yesterday.hasPrefix("You have an unfinished screening, saved today at "), "\(yesterday)")
    }
}
