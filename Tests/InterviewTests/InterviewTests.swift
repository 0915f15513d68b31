import Foundation
import Localization
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
            questionnaire: q, record: record ?? SessionRecord(questionnaire: q, name: nil), answers: answers, console: console
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
        let (_, named, _) = run(["n", "q"], record: SessionRecord(questionnaire: q, name: "Bo"), askingForName: true)
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
        #expect(saved.last?.status == .completed)
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
            questionnaire: questionnaire, record: SessionRecord(questionnaire: questionnaire, name: nil), answers: AnswerSet(), console: console,
            now: { inTheYear2000 }
        ) { _ in }.run()
        #expect(console.output.contains("14 March 2005 is after today."), "\(console.output.suffix(400))")
    }

    @Test func endOfInputSavesAndSaysSo() {
        let (outcome, _, saved) = run(["n", "70"])
        #expect(outcome == .endOfInput)
        #expect(saved.last?.answers.count == 2)
    }

    @Test func resumingContinuesWhereItStopped() {
        let (_, _, saved) = run(["n", "70", "q"])
        let record = saved.last!
        let (answers, dropped) = record.answerSet(for: q)
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
        struct DiskFull: Error {}
        let interviewer = Interviewer(questionnaire: q, record: SessionRecord(questionnaire: q, name: nil), answers: AnswerSet(), console: console) {
            _ in throw DiskFull()
        }
        #expect(interviewer.run() == .quit)
        #expect(console.output.components(separatedBy: "could not be saved").count == 2)
    }

    @Test func answersThatNoLongerFitAChangedQuestionnaireAreDropped() throws {
        var record = SessionRecord(questionnaire: q, name: nil)
        record.answers = ["age": .number(70), "diet": .string("vegan"), "gone": .bool(true)]
        record.itemSignatures = ["age": SessionRecord.signature(of: q.item("age")!), "diet": "choice:omnivore,vegan"]
        let (answers, dropped) = record.answerSet(for: q)
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

@Suite struct TypedAnswerParserTests {
    let q: Questionnaire
    init() throws { q = try basicFixture() }

    private func parse(_ input: String, _ id: String) -> Answer? {
        try? q.item(id)!.kind.parse(typed: input.trimmingCharacters(in: .whitespaces), .english).get()
    }

    @Test func choicesTakeWordsAndTheListsOwnNumberFormat() throws {
        let diet = try #require(q.item("diet"))
        #expect(diet.kind.parse(typed: "3.", .english) == .success(.choice("vegan")))
        #expect(diet.kind.parse(typed: "3)", .english) == .success(.choice("vegan")))
        #expect(diet.kind.parse(typed: "Vegetarian", .english) == .success(.choice("vegetarian")))
        #expect(diet.kind.parse(typed: "i eat", .english) == .success(.choice("omnivore")))
        let yesNo = [AnswerOption(value: "no", label: "No"), AnswerOption(value: "few", label: "Yes, a few times")]
        #expect(yesNo.option(matching: "n", .english)?.value == "no")
        #expect(yesNo.option(matching: "y", .english)?.value == "few")
        #expect(diet.options.option(matching: "ve", .english) == nil, "two letters name nothing")
        let thyroid = [AnswerOption(value: "over", label: "An overactive thyroid"), AnswerOption(value: "under", label: "An underactive thyroid")]
        #expect(thyroid.option(matching: "underactive", .english)?.value == "under", "a whole word of one answer")
        #expect(thyroid.option(matching: "thyroid", .english) == nil, "a word of two answers names neither")
        #expect(
            ChoiceKind(thyroid).parse(typed: "thyroid", .english)
                == .failure(
                    AnswerProblem(
                        "'thyroid' fits more than one answer (1, 2). Please type the number of the one you mean.")
                ))
    }

    /// "No" to a list with a "none of these" picks it, in either language; a list without one,
    /// or one with an answer of its own starting with "No", is not second-guessed.
    @Test func noToAListMeansNoneOfThese() {
        let symptoms = MultiChoiceKind([
            AnswerOption(value: "tingling", label: "Tingling or pins and needles"), AnswerOption(value: "cramps", label: "Muscle cramps"),
            AnswerOption(value: "none", label: "None of these", exclusive: true),
        ])
        for typed in ["no", "n", "No"] { #expect(symptoms.parse(typed: typed, .english) == .success(.multiChoice(["none"])), "\(typed)") }
        let spanish = MultiChoiceKind([
            AnswerOption(value: "gastric", label: "Una operación de estómago"),
            AnswerOption(value: "none", label: "Ninguna de estas", exclusive: true),
        ])
        #expect(spanish.parse(typed: "no", Messages(.es)) == .success(.multiChoice(["none"])))
        let withoutNone = MultiChoiceKind([AnswerOption(value: "a", label: "Tingling"), AnswerOption(value: "b", label: "Cramps")])
        #expect(withoutNone.parse(typed: "no", .english) != .success(.multiChoice(["a"])))
        let ownNo = MultiChoiceKind([
            AnswerOption(value: "no_meat", label: "No meat"), AnswerOption(value: "none", label: "None of these", exclusive: true),
        ])
        #expect(ownNo.parse(typed: "no", .english) == .success(.multiChoice(["no_meat"])))
        #expect(symptoms.parse(typed: "tingling, muscle", .english) == .success(.multiChoice(["tingling", "cramps"])))
        // Words that fit several answers are answered with the numbers they could mean.
        let places = MultiChoiceKind([
            AnswerOption(value: "feet", label: "Tingling in the feet"), AnswerOption(value: "hands", label: "Tingling in the hands"),
            AnswerOption(value: "none", label: "None of these", exclusive: true),
        ])
        #expect(
            places.parse(typed: "tingling", .english)
                == .failure(AnswerProblem("'tingling' fits more than one answer (1, 2). Please type the number of the one you mean.")))
    }

    /// In Spanish, `s`, `sí` and `si` are yes (and `s` is no longer skip), `no sé` is not sure,
    /// and the first words of Spanish labels pick an option, accents or not.
    @Test func takesSpanishWords() throws {
        let es = Messages(.es)
        let unsure = try #require(q.item("b12_supplement")).kind
        for typed in ["s", "sí", "SI", "Si", "1"] { #expect(unsure.parse(typed: typed, es) == .success(.boolean(.yes)), "\(typed)") }
        for typed in ["n", "no", "No", "2"] { #expect(unsure.parse(typed: typed, es) == .success(.boolean(.no)), "\(typed)") }
        for typed in ["3", "no sé", "no se", "No lo sé"] { #expect(unsure.parse(typed: typed, es) == .success(.boolean(.unsure)), "\(typed)") }
        #expect(unsure.parse(typed: "y", es) != .success(.boolean(.yes)), "English y is not Spanish yes")
        let yesNo = [AnswerOption(value: "no", label: "No"), AnswerOption(value: "few", label: "Sí, unas cuantas veces")]
        #expect(yesNo.option(matching: "s", es)?.value == "few")
        #expect(yesNo.option(matching: "si", es)?.value == "few")
        #expect(yesNo.option(matching: "n", es)?.value == "no")
        let diet = [
            AnswerOption(value: "vegan", label: "Vegana: ningún alimento de origen animal"),
            AnswerOption(value: "fish", label: "Pescado, pero no carne"),
        ]
        #expect(diet.option(matching: "vegana", es)?.value == "vegan")
        #expect(diet.option(matching: "ningun alimento", es)?.value == "vegan", "whole words of one label, accents optional")
        #expect(diet.option(matching: "pero", es)?.value == "fish")
        #expect(diet.option(matching: "origen carne", es) == nil, "words of two labels name neither")
        #expect(diet.option(matching: "pesc", es)?.value == "fish")
        let age = try #require(q.item("age")).kind
        #expect(age.parse(typed: "70 años", es) == .success(.integer(70)))
        guard case .failure(let problem) = age.parse(typed: "7", es) else {
            Issue.record("7 years was accepted")
            return
        }
        #expect(problem.message.contains("7 está fuera del intervalo permitido, de 18 a 120 years."), "\(problem.message)")
        #expect(try #require(q.item("metformin_years")).kind.parse(typed: "2,5", es) == .success(.decimal(2.5)))
    }

    @Test func acceptsNumbersWordsAndUnits() {
        #expect(parse("Y", "sudden_weakness") == .boolean(.yes))
        #expect(parse(" no ", "sudden_weakness") == .boolean(.no))
        #expect(parse("3", "sudden_weakness") == nil)
        #expect(parse("3", "b12_supplement") == .boolean(.unsure))
        #expect(parse("70 years", "age") == .integer(70))
        #expect(parse("70years", "age") == .integer(70))
        #expect(parse("70.5", "age") == nil)
        #expect(parse("2,5", "metformin_years") == .decimal(2.5))
        #expect(parse("vegan", "diet") == .choice("vegan"))
        #expect(parse("2, 1", "medicines") == .multiChoice(["metformin", "ppi"]))
        #expect(parse("1 1", "medicines") == .multiChoice(["metformin"]))
        #expect(parse("", "medicines") == nil)
        #expect(parse("  free text  ", "notes") == .text("free text"))
    }

    /// A number far outside the range is refused with the range in words (it used to trap while
    /// printing itself as an Int).
    @Test func aHugeNumberIsRefusedWithTheRange() throws {
        let item = try #require(q.item("metformin_years"))
        let digits = String(repeating: "9", count: 30)
        guard case .failure(let problem) = item.kind.parse(typed: digits, .english) else {
            Issue.record("a 30-digit number was accepted")
            return
        }
        #expect(problem.message.contains("1e+30 is outside the allowed range 0 to 60"), "\(problem.message)")
        guard case .failure(let fromFile) = Answer.from(.number(1e300), for: item) else {
            Issue.record("1e300 was accepted")
            return
        }
        #expect(fromFile.message.contains("1e+300 is outside the allowed range 0 to 60"), "\(fromFile.message)")
    }
}

@Suite struct ReviewQuitTests {
    @Test func qAtTheFinalReviewSavesAndQuits() throws {
        let q = try basicFixture()
        let console = ScriptedConsole(["n", "70", "3", "n", "1", "2", "s", "q"])
        nonisolated(unsafe) var saved: [SessionRecord] = []
        let outcome = Interviewer(questionnaire: q, record: SessionRecord(questionnaire: q, name: nil), answers: AnswerSet(), console: console) {
            saved.append($0)
        }.run()
        #expect(outcome == .quit)
        #expect(saved.last?.status == .inProgress)
        #expect(saved.last?.answers.count == 6)
    }
}

/// What the interview reports about saving, so the runner never claims a save that failed.
@Suite struct InterviewSaveFailureTests {
    struct DiskFull: Error, CustomStringConvertible { var description: String { "no space left" } }

    @Test func theLastSaveFailureIsKnownUntilASaveWorksAgain() throws {
        let q = try basicFixture()
        nonisolated(unsafe) var failing = true
        let console = ScriptedConsole(["n", "70", "q"])
        let interviewer = Interviewer(questionnaire: q, record: SessionRecord(questionnaire: q, name: nil), answers: AnswerSet(), console: console) {
            _ in
            if failing { throw DiskFull() }
        }
        #expect(interviewer.run() == .quit)
        #expect(interviewer.lastSaveFailure == "no space left")
        #expect(console.output.components(separatedBy: "could not be saved").count == 2, "warned once")

        failing = false
        let recovered = Interviewer(
            questionnaire: q, record: interviewer.record, answers: AnswerSet(), console: ScriptedConsole(["n", "q"])
        ) { _ in }
        #expect(recovered.run() == .quit)
        #expect(recovered.lastSaveFailure == nil)
    }
}
