import Foundation
import Localization
import PrivateFiles
import Testing

@testable import Interview
@testable import Screening

/// A console fed from a script, recording everything written.
final class ScriptedConsole: Console {
    var inputs: [String]
    var output = ""
    init(_ inputs: [String]) { self.inputs = inputs }
    func readLine() -> String? { inputs.isEmpty ? nil : inputs.removeFirst() }
    func write(_ text: String) { output += text }
}

/// The small questionnaire the screening tests keep as a fixture.
func basicFixture() throws -> Questionnaire {
    try QuestionnaireLoader.load(
        path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScreeningTests/Fixtures/basic.yaml").path)
}

@Suite struct InterviewTests {
    let q: Questionnaire
    init() throws { q = try basicFixture() }

    /// Runs an interview over `inputs`; returns the outcome, the console and every saved record.
    private func run(_ inputs: [String], answers: AnswerSet = AnswerSet(), record: SessionRecord? = nil, askingForName: Bool = false) -> (
        Interviewer.Outcome, ScriptedConsole, [SessionRecord]
    ) {
        let console = ScriptedConsole(inputs)
        nonisolated(unsafe) var saved: [SessionRecord] = []
        let interviewer = Interviewer(
            questionnaire: q, record: record ?? SessionRecord(questionnaire: q, name: nil, now: Date()), answers: answers, console: console,
            clock: .machine
        ) { saved.append($0) }
        let outcome = interviewer.run(askingForName: askingForName)
        return (outcome, console, saved)
    }

    @Test func aNewScreeningAsksForTheNameOnTheReport() {
        let tooLong = String(repeating: "x", count: 200)
        let (_, console, saved) = run([tooLong, "Ann Example", "n", "q"], askingForName: true)
        #expect(console.output.contains("What name should go on your report?"))
        #expect(console.output.contains("Please type the name again"), "a name too long for the report is asked again")
        #expect(saved.last?.name == "Ann Example")
        let (_, unnamed, kept) = run(["", "n", "q"], askingForName: true)
        #expect(unnamed.output.contains("Press Enter to leave it off"))
        #expect(kept.last?.name == nil, "Enter leaves the name off")
        let (ended, _, nothing) = run([], askingForName: true)
        #expect(ended == .endOfInput && nothing.isEmpty, "input ending at the name saves nothing")
        let (_, named, _) = run(["n", "q"], record: SessionRecord(questionnaire: q, name: "Bo", now: Date()), askingForName: true)
        #expect(!named.output.contains("What name should go on your report?"), "a name given with --name is not asked again")
    }

    /// Answers for the fixture: no stroke sign, 70, vegan, no B12, metformin, 2 years, notes skipped.
    let happyPath = ["n", "70", "3", "n", "1", "2", "s", ""]

    @Test func aCompleteRunReturnsTheAnswers() {
        let (outcome, console, saved) = run(happyPath)
        guard case .completed(let answers) = outcome else {
            Issue.record("not completed: \(outcome)")
            return
        }
        #expect(answers["age"] == .integer(70))
        #expect(answers["diet"] == .choice("vegan"))
        #expect(answers["medicines"] == .multiChoice(["metformin"]))
        #expect(answers["notes"] == nil)
        // Finishing, still resumable: the caller marks it completed once the answers file, the
        // history and the report are written.
        #expect(saved.last?.status == .finishing)
        #expect(saved.last?.completed != nil)
        #expect(saved.last?.skipped == ["notes"])
        #expect(console.output.contains("Urgent symptoms (section 1 of up to 2) · question 1 of up to 7"))
        #expect(console.output.contains("A few questions about you."))
        #expect(console.output.contains("  3. Vegan"))
    }

    @Test func everyAnswerIsSavedAsItIsGiven() {
        let (_, _, saved) = run(["n", "70", "3", "q"])
        #expect(saved.map(\.answers.count).prefix(3) == [1, 2, 3])
        #expect(saved.last?.answers["diet"] == .string("vegan"))
        #expect(saved.last?.current == "b12_supplement")
        #expect(saved.last?.status == .inProgress)
    }

    @Test func invalidInputRepromptsAndIsNeverCountedAsAnAnswer() {
        let (outcome, console, saved) = run([
            "maybe", "n", "seventy", "150", "70 years", "9", "vegan", "x", "n", "1,3", "1,9", "1", "abc", "2", "s", "",
        ])
        #expect(console.output.contains("Please type 1 or y for yes, 2 or n for no."))
        #expect(console.output.contains("Please type a number (in years), e.g."))
        #expect(console.output.contains("150 is outside the allowed range 18 to 120 years"))
        #expect(console.output.contains("'9' is not one of the numbers 1 to 3. Please type one number from 1 to 3."))
        #expect(console.output.contains("“None of these” cannot be combined with other answers. Type 3 alone if none apply."))
        #expect(console.output.contains("'9' is not one of the numbers 1 to 3."))
        guard case .completed(let answers) = outcome else {
            Issue.record("not completed")
            return
        }
        #expect(answers["age"] == .integer(70))
        #expect(answers["diet"] == .choice("vegan"))
        #expect(saved.allSatisfy { $0.answers["age"] == nil || $0.answers["age"] == .number(70) })
    }

    @Test func helpShowsWhyWeAskAndSkipIsRefusedForRequiredItems() {
        let (_, console, _) = run(["?", "s", "q"])
        #expect(console.output.contains("Why we ask: Sudden one-sided weakness can be a stroke."))
        #expect(console.output.contains("This question is needed for the screening and cannot be skipped."))
    }

    @Test func backReasksThePreviousQuestionAndEnterKeepsTheAnswer() {
        let (outcome, console, _) = run(["n", "70", "b", "", "b", "b", "b", "", "", "b", "65", "3", "n", "1", "2", "s", ""])
        #expect(console.output.contains("Current answer: 70 years. Press Enter to keep it."))
        #expect(console.output.contains("This is the first question."))
        guard case .completed(let answers) = outcome else {
            Issue.record("not completed")
            return
        }
        #expect(answers["age"] == .integer(65))
    }

    @Test func reviewChangeDropsItemsNoLongerShownAndAsksNewOnes() {
        // Finish as a vegan, then change diet (review item 3) to omnivore: the B12 question drops out.
        let (outcome, console, _) = run(happyPath.dropLast() + ["3", "1", ""])
        guard case .completed(let answers) = outcome else {
            Issue.record("not completed")
            return
        }
        #expect(answers["diet"] == .choice("omnivore"))
        #expect(answers["b12_supplement"] == nil)
        #expect(console.output.contains("  4. Do you take a B12 supplement or B12-fortified foods most days? — No"))

        // Change medicines from metformin to none: the years question is dropped; back to metformin: asked again.
        let (second, console2, _) = run(happyPath.dropLast() + ["5", "3", "5", "1", "4", ""])
        guard case .completed(let again) = second else {
            Issue.record("not completed")
            return
        }
        #expect(again["metformin_years"] == .decimal(4))
        #expect(
            console2.output.components(separatedBy: "\nFor how many years have you taken metformin?").count == 3,
            "asked once, then again after it reappeared")
        _ = console
    }

    @Test func reviewMidwayReturnsToTheSameQuestion() {
        let (_, console, saved) = run(["n", "r", "", "q"])
        #expect(console.output.contains("Your answers so far"))
        #expect(!console.output.contains("(not yet answered)"), "only what was answered is listed before the end")
        #expect(console.output.contains("The questions still to come are not listed here."))
        #expect(saved.last?.current == "age")
    }

    @Test func anEmergencyInterruptsAtOnceAndTheUserMayStop() {
        let (outcome, console, saved) = run(["y", "1"])
        guard case .stoppedAtEmergency(let fired) = outcome else {
            Issue.record("expected an emergency stop, got \(outcome)")
            return
        }
        #expect(fired.map(\.trigger.id) == ["stroke"])
        #expect(console.output.contains("EMERGENCY: Sudden weakness on one side can be a stroke."))
        #expect(!console.output.contains("How old are you?"))
        #expect(saved.last?.status == .stoppedAtEmergency)
        #expect(saved.last?.answers["sudden_weakness"] == .bool(true))
    }

    @Test func carryingOnAfterAnEmergencyDoesNotWarnTwice() {
        let (outcome, console, _) = run(["y", "maybe", "2", "70", "b", "", "3", "n", "1", "2", "s", ""])
        #expect(console.output.contains("Please type 1 or 2."))
        #expect(console.output.components(separatedBy: "EMERGENCY WARNING").count == 2)
        if case .completed = outcome {} else { Issue.record("not completed: \(outcome)") }
    }

    /// An emergency answer given by mistake: b at the warning goes back to the question, the
    /// changed answer stands, and the warning is not in the saved session.
    @Test func goingBackFromAnEmergencyWarningChangesTheAnswer() {
        let (outcome, console, saved) = run(["y", "b", "n", "70", "3", "n", "1", "2", "s", ""])
        #expect(console.output.contains("Or type b to go back and change your answer."))
        #expect(console.output.components(separatedBy: "EMERGENCY WARNING").count == 2, "warned once")
        #expect(saved.last?.answers["sudden_weakness"] == .bool(false))
        #expect(saved.last?.acknowledgedTriggers.isEmpty == true, "\(saved.last?.acknowledgedTriggers ?? [])")
        if case .completed = outcome {} else { Issue.record("not completed: \(outcome)") }
    }

    /// A date after the interview's own today is refused by its clock, not the machine's.
    @Test func aDateIsCheckedAgainstTheInterviewsClock() {
        let questionnaire = RandomInterviewTests.questionnaire
        let console = ScriptedConsole(["none", "none", "14 March 2005", "q"])
        let inTheYear2000 = Date(timeIntervalSince1970: 946_728_000)  // 1 January 2000, noon UTC
        _ = Interviewer(
            questionnaire: questionnaire, record: SessionRecord(questionnaire: questionnaire, name: nil, now: Date()), answers: AnswerSet(),
            console: console,
            clock: .fixed(at: inTheYear2000, in: .utc)
        ) { _ in }.run()
        #expect(console.output.contains("14 March 2005 is after today."), "\(console.output.suffix(400))")
    }

    /// A date saved in a session is judged on resume by the interview's day, as a typed one is,
    /// not by the machine's clock (a date of birth after the interview's today is dropped and
    /// asked again; on a later day it is kept).
    @Test func aResumedDateIsJudgedByTheSameDayAsATypedOne() throws {
        let questionnaire = RandomInterviewTests.questionnaire
        let item = try #require(questionnaire.item("birth_date"))
        let inTheYear2000 = Clock.fixed(at: Date(timeIntervalSince1970: 946_728_000), in: .utc)  // 1 January 2000, noon UTC
        let inTheYear2030 = Clock.fixed(at: Date(timeIntervalSince1970: 1_893_499_200), in: .utc)  // 1 January 2030
        let born = try #require(CalendarDate(iso: "2005-03-14"))
        var saved = AnswerSet()
        saved["birth_date"] = .date(born)
        var record = SessionRecord(questionnaire: questionnaire, name: nil, now: inTheYear2000.now)
        record.store(saved, questionnaire: questionnaire)
        let resumedIn2000 = record.answerSet(for: questionnaire, today: inTheYear2000.today.day)
        #expect(resumedIn2000.dropped == ["birth_date"] && resumedIn2000.answers["birth_date"] == nil)
        #expect(item.kind.parse(typed: "2005-03-14", .english, today: inTheYear2000.today.day) != .success(.date(born)))
        let resumedIn2030 = record.answerSet(for: questionnaire, today: inTheYear2030.today.day)
        #expect(resumedIn2030.dropped.isEmpty && resumedIn2030.answers["birth_date"] == .date(born))
        #expect(item.kind.parse(typed: "2005-03-14", .english, today: inTheYear2030.today.day) == .success(.date(born)))
    }

    @Test func endOfInputSavesAndSaysSo() {
        let (outcome, _, saved) = run(["n", "70"])
        #expect(outcome == .endOfInput)
        #expect(saved.last?.answers.count == 2)
    }

    @Test func resumingContinuesWhereItStopped() {
        let (_, _, saved) = run(["n", "70", "q"])
        let record = saved.last!
        let (answers, dropped) = record.answerSet(for: q, today: Today.machine.day)
        #expect(dropped.isEmpty)
        let (outcome, console, _) = run(["3", "n", "1", "2", "s", ""], answers: answers, record: record)
        #expect(console.output.contains("Which best describes how you eat?"))
        #expect(!console.output.contains("How old are you?\n"))
        guard case .completed(let final) = outcome else {
            Issue.record("not completed")
            return
        }
        #expect(final["age"] == .integer(70))
    }

    @Test func aFailedSaveIsReportedOnceAndTheInterviewGoesOn() {
        let console = ScriptedConsole(["n", "70", "q"])
        let interviewer = Interviewer(
            questionnaire: q, record: SessionRecord(questionnaire: q, name: nil, now: Date()), answers: AnswerSet(), console: console, clock: .machine
        ) {
            (_) throws(PrivateFile.WriteError) in throw InterviewSaveFailureTests.diskFull
        }
        #expect(interviewer.run() == .quit)
        #expect(console.output.components(separatedBy: "could not be saved").count == 2)
    }

    @Test func answersThatNoLongerFitAChangedQuestionnaireAreDropped() throws {
        var record = SessionRecord(questionnaire: q, name: nil, now: Date())
        record.answers = ["age": .number(70), "diet": .string("vegan"), "gone": .bool(true)]
        record.itemSignatures = ["age": SessionRecord.signature(of: q.item("age")!), "diet": "choice:omnivore,vegan"]
        let (answers, dropped) = record.answerSet(for: q, today: Today.machine.day)
        #expect(answers["age"] == .integer(70))
        #expect(Set(dropped) == ["diet", "gone"])
    }

    @Test func afterGoingBackEnterWalksForwardOneQuestionAtATime() {
        // Two back from diet, to the first question; Enter must show age next, not jump to diet.
        let (_, console, _) = run(["n", "70", "b", "b", "", "q"])
        let afterEnter = console.output.components(separatedBy: "Did weakness start suddenly").last ?? ""
        #expect(afterEnter.contains("How old are you?"))
        #expect(afterEnter.contains("Current answer: 70 years. Press Enter to keep it."))
        #expect(!afterEnter.contains("Which best describes how you eat?"))
    }

    @Test func theReviewScreenHasAWayBackAndExplainsItself() {
        // At the final review: '?' explains, '0' says what to type, 'b' returns to the last question.
        let (outcome, console, _) = run(["n", "70", "3", "n", "1", "2", "s", "?", "0", "b", "s", "q"])
        #expect(console.output.contains("This list shows every question you have been asked so far"))
        #expect(console.output.contains("Please type a number from 1 to 7, b to go back to the questions, or press Enter to finish."))
        #expect(console.output.components(separatedBy: "Anything else you want your doctor to know?").count >= 3)
        #expect(outcome == .quit)
    }

    @Test func aSymptomAddedBackOffersItsEarlierAnswers() {
        // metformin chosen with 2 years, then removed in the review and added back: 2 is offered again.
        let (_, console, _) = run(["n", "70", "3", "n", "1", "2", "s", "5", "3", "5", "1", "", "q"])
        #expect(console.output.contains("Your earlier answer: 2 years. Press Enter to keep it."))
    }
}

@Suite struct ReviewQuitTests {
    @Test func qAtTheFinalReviewSavesAndQuits() throws {
        let q = try basicFixture()
        let console = ScriptedConsole(["n", "70", "3", "n", "1", "2", "s", "q"])
        nonisolated(unsafe) var saved: [SessionRecord] = []
        let outcome = Interviewer(
            questionnaire: q, record: SessionRecord(questionnaire: q, name: nil, now: Date()), answers: AnswerSet(), console: console, clock: .machine
        ) {
            saved.append($0)
        }.run()
        #expect(outcome == .quit)
        #expect(saved.last?.status == .inProgress)
        #expect(saved.last?.answers.count == 6)
    }
}

/// What the interview reports about saving, so the runner never claims a save that failed.
@Suite struct InterviewSaveFailureTests {
    /// What SessionStore.save throws when the disk is full: the interview says it in the person's words.
    static let diskFull = PrivateFile.WriteError(path: "/state/session-1.json", problem: .refused(code: ENOSPC, folder: "/state"))

    @Test func theLastSaveFailureIsKnownUntilASaveWorksAgain() throws {
        let q = try basicFixture()
        nonisolated(unsafe) var failing = true
        let console = ScriptedConsole(["n", "70", "q"])
        let interviewer = Interviewer(
            questionnaire: q, record: SessionRecord(questionnaire: q, name: nil, now: Date()), answers: AnswerSet(), console: console, clock: .machine
        ) {
            (_) throws(PrivateFile.WriteError) in
            if failing { throw Self.diskFull }
        }
        #expect(interviewer.run() == .quit)
        #expect(interviewer.lastSaveFailure == Self.diskFull.message(.english))
        #expect(interviewer.lastSaveFailure?.contains("No space left") == true, "\(interviewer.lastSaveFailure ?? "")")
        #expect(console.output.components(separatedBy: "could not be saved").count == 2, "warned once")

        failing = false
        let recovered = Interviewer(
            questionnaire: q, record: interviewer.record, answers: AnswerSet(), console: ScriptedConsole(["n", "q"]), clock: .machine
        ) { _ in }
        #expect(recovered.run() == .quit)
        #expect(recovered.lastSaveFailure == nil)
    }
}
