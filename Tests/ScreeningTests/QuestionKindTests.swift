import Foundation
import Localization
import TestSupport
import Testing

@testable import Screening

/// Every kind of question has every piece, and each piece agrees with the others: what a kind
/// samples it writes, reads back, shows, takes typed, keeps in the archive, and documents.
@Suite struct QuestionKindTests {
    static let questionnaire: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: Fixture.path("every-kind.yaml")) } catch { fatalError("\(error)") }
    }()

    /// The fixture's item of each kind.
    static func item(of kind: any QuestionKind.Type) -> Item? { questionnaire.items.first { type(of: $0.kind) == kind } }

    @Test(arguments: QuestionKinds.names) func theFixtureHasAnItemOfEveryKind(_ name: String) throws {
        let kind = try #require(QuestionKinds.named(name))
        #expect(Self.item(of: kind) != nil, "every-kind.yaml has no \(name) item")
    }

    @Test func namesAndArchiveTagsAreUnique() {
        #expect(Set(QuestionKinds.names).count == QuestionKinds.all.count)
        #expect(QuestionKinds.named("nonsense") == nil)
    }

    @Test(arguments: QuestionKinds.names) func everyKindIsDocumentedInFormatMD(_ name: String) throws {
        let format = try String(
            contentsOfFile: URL(fileURLWithPath: Default.path).deletingLastPathComponent().appendingPathComponent("FORMAT.md").path, encoding: .utf8)
        #expect(format.contains("| `\(name)` |"), "FORMAT.md has no row for the \(name) kind")
    }

    /// Sample → plain value → answer, the answer in words → typed back (in every language), and
    /// the archive.
    @Test(arguments: QuestionKinds.names, Language.allCases) func everyPieceAgrees(_ name: String, _ language: Language) throws {
        let messages = Messages(language)
        let kindType = try #require(QuestionKinds.named(name))
        let item = try #require(Self.item(of: kindType))
        let kind = item.kind
        var random = SeededRandom(seed: 7)
        #expect(kind.signature != "" && kind.name == name)
        let archived = QuestionnaireArchive.encode(Self.questionnaire, build: "kinds")
        let decoded = try #require(
            QuestionnaireArchive.decode(archived, build: "kinds", contentHash: Self.questionnaire.contentHash, path: Self.questionnaire.path))
        #expect(decoded.item(item.id) == item, "the archive keeps the \(name) item whole")
        guard item.takesAnswer else {
            #expect(kind.valueType(item: item.id) == nil)
            #expect(throws: AnswerProblem.self) { try kind.answer(from: .string("x"), today: Today.machine.day).get() }
            #expect(throws: AnswerProblem.self) { try kind.parse(typed: "x", messages, today: Today.machine.day).get() }
            return
        }
        #expect(kind.valueType(item: item.id) != nil)
        for _ in 0..<200 {
            let answer = kind.sample(using: &random, today: Today.machine.day)
            #expect(kind.answer(from: answer.plain, today: Today.machine.day) == .success(answer), "\(name): \(answer) written and read back")
            let words = kind.display(answer, messages)
            #expect(!words.isEmpty)
            let typed = kind.parse(typed: words, messages, today: Today.machine.day)
            #expect(typed == .success(answer), "\(name) (\(language)): '\(words)' typed back gives \(typed)")
        }
        #expect(!kind.typingHint(messages).isEmpty && !kind.expectation.isEmpty)
        if case .failure(let problem) = kind.answer(from: .list(["a", "b", "c"]), today: Today.machine.day), !(kind is MultiChoiceKind) {
            #expect(problem.message.contains(kind.expectation), "\(name): \(problem.message)")
        }
    }

    @Test func choicesAreListedForTheKindsThatOfferThem() throws {
        #expect(try #require(Self.questionnaire.item("feels_weak")).kind.choices(.english) == ["Yes", "No", "Not sure"])
        #expect(try #require(Self.questionnaire.item("feels_weak")).kind.choices(Messages(.es)) == ["Sí", "No", "No estoy seguro/a"])
        #expect(try #require(Self.questionnaire.item("diet")).kind.choices(.english) == ["Meat and fish", "No animal foods"])
        #expect(try #require(Self.questionnaire.item("weight")).kind.choices(.english).isEmpty)
    }

    @Test func aKindRefusesTheKeysOfAnother() {
        let problems = Fixture.problems(Fixture.wrapping(items: "      - { id: born, type: date, text: When?, unit: years }"))
        #expect(problems.map(\.message) == ["'unit' does not apply to a date item"], "\(problems)")
    }
}

/// The date kind: typed as people write dates, kept as ISO 8601, never in the future.
@Suite struct DateKindTests {
    let kind = DateKind(min: CalendarDate(year: 1900, month: 1, day: 1))

    private func typed(_ text: String, _ language: Language = .en) -> CalendarDate? {
        if case .success(.date(let date)) = kind.parse(typed: text, Messages(language), today: Today.machine.day) { date } else { nil }
    }

    private func problem(_ text: String, _ language: Language = .en) -> String {
        if case .failure(let problem) = kind.parse(typed: text, Messages(language), today: Today.machine.day) { problem.message } else { "accepted" }
    }

    @Test func readsTheWaysPeopleWriteADate() {
        let date = CalendarDate(year: 1958, month: 3, day: 14)
        for text in ["1958-03-14", "14 March 1958", "14 mar 1958", "March 14, 1958", "14th March 1958", "14/03/1958", "14.3.1958", "3/14/1958"] {
            #expect(typed(text) == date, "\(text)")
        }
        #expect(typed("29 February 2024") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(typed("5/5/1960") == CalendarDate(year: 1960, month: 5, day: 5))
    }

    @Test func readsTheWaysPeopleWriteADateInSpanish() {
        let date = CalendarDate(year: 1958, month: 3, day: 14)
        for text in ["1958-03-14", "14 de marzo de 1958", "14 marzo 1958", "14 Mar 1958", "14/03/1958", "14-3-1958", "14º de marzo de 1958"] {
            #expect(typed(text, .es) == date, "\(text)")
        }
        #expect(typed("1 de septiembre de 1960", .es) == CalendarDate(year: 1960, month: 9, day: 1))
        #expect(typed("14 March 1958", .es) == nil, "English month names are not Spanish")
        // Spanish writes numeric dates day first, always: 03/04 is 3 April, and 3/14 is no date.
        #expect(typed("03/04/1958", .es) == CalendarDate(year: 1958, month: 4, day: 3))
        #expect(typed("3/14/1958", .es) == nil, "month first is not Spanish")
        #expect(
            problem("1 de enero de 1899", .es)
                == "El 1 de enero de 1899 es anterior al 1 de enero de 1900, la fecha más antigua que admite esta pregunta.")
        #expect(problem("ayer", .es).contains("un día, un mes y un año"))
    }

    @Test func asksAgainWhenADateReadsTwoWaysOrIsNoDate() {
        #expect(problem("03/04/1958").contains("3 April or 4 March"), "\(problem("03/04/1958"))")
        #expect(problem("29 February 2023").contains("no such date"))
        #expect(problem("31/04/1990").contains("no such date"))
        #expect(problem("14 March 58").contains("year in full"))
        #expect(problem("yesterday").contains("a day, a month and a year"))
        #expect(problem("14 Smarch 1958").contains("month's name"))
    }

    @Test func refusesTheFutureAndDatesBeforeItsMinimum() {
        let tomorrow = Today.machine.day.adding(days: 1)
        #expect(problem(tomorrow.iso).contains("after today"))
        #expect(problem("1 January 1899").contains("before 1 January 1900"))
        guard case .failure(let fromFile) = kind.answer(from: .string("2999-01-01"), today: Today.machine.day) else {
            Issue.record("a date in 2999 was accepted")
            return
        }
        #expect(fromFile.message.hasPrefix("1 January 2999 is after today"), "\(fromFile.message)")
        #expect(
            kind.answer(from: .string("14/03/1958"), today: Today.machine.day)
                == .failure(AnswerProblem("'14/03/1958' is not a date; write it as YYYY-MM-DD, such as 1958-03-14")))
    }

    @Test func countsWholeYears() throws {
        let born = try #require(CalendarDate(year: 1960, month: 2, day: 29))
        #expect(born.years(until: try #require(CalendarDate(year: 2026, month: 2, day: 28))) == 65)
        #expect(born.years(until: try #require(CalendarDate(year: 2026, month: 3, day: 1))) == 66)
        #expect(born.readable(.english) == "29 February 1960" && born.iso == "1960-02-29")
        #expect(CalendarDate(iso: "1960-2-29") == nil && CalendarDate(iso: "1960-02-30") == nil && CalendarDate(iso: "１９６０-02-01") == nil)
    }

    @Test func theDayIsThePersonsOwnNotUTCs() throws {
        // 23:30 UTC on 31 December is already 1 January in Tokyo.
        let moment = Date(timeIntervalSince1970: 1_767_223_800)
        #expect(CalendarDate(moment, in: Zone(TimeZone(identifier: "UTC")!)) == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(moment, in: Zone(TimeZone(identifier: "Asia/Tokyo")!)) == CalendarDate(year: 2026, month: 1, day: 1))
    }
}

/// An item answered by an expression (an age from a date of birth) instead of being asked.
@Suite struct CalculatedItemTests {
    let q = QuestionKindTests.questionnaire
    let day = CalendarDate(year: 2026, month: 3, day: 1)!

    @Test func theAgeComesFromTheDateOfBirthAndIsNotAsked() throws {
        let navigator = Navigator(questionnaire: q)
        var answers = Fixture.answers(["birth_date": .string("1957-11-02")], in: q)
        answers = navigator.calculating(answers, on: day)
        #expect(answers["age"] == .integer(68))
        #expect(!navigator.questionsToAsk(answers).contains { $0.id == "age" })
        #expect(try #require(q.item("age")).isCalculated(in: answers))
    }

    @Test func withoutADateOfBirthOrWithAnAgeItRefusesTheAgeIsAsked() {
        let navigator = Navigator(questionnaire: q)
        let none = navigator.calculating(AnswerSet(), on: day)
        #expect(none["age"] == nil && navigator.questionsToAsk(none).contains { $0.id == "age" })
        let child = navigator.calculating(Fixture.answers(["birth_date": .string("2015-06-01")], in: q), on: day)
        #expect(child["age"] == nil, "10 is below the item's minimum of 18")
        #expect(navigator.questionsToAsk(child).contains { $0.id == "age" })
    }

    @Test func anAnswersFileGetsTheAgeOnTheDayItWasCompleted() throws {
        let file = "birth_date: 1957-11-02\ncompleted: 2026-03-01T10:00:00Z\n"
        let document = try AnswersDocument.parse(Data(file.utf8), file: "a.yaml", questionnaire: q, today: .machine)
        #expect(document.answers["birth_date"] == .date(CalendarDate(year: 1957, month: 11, day: 2)!))
        #expect(document.answers["age"] == .integer(68))
        let agreeing = try AnswersDocument.parse(Data((file + "age: 68\n").utf8), file: "a.yaml", questionnaire: q, today: .machine)
        #expect(agreeing.answers["age"] == .integer(68))
        #expect(throws: DiagnosticList.self) {
            try AnswersDocument.parse(Data((file + "age: 60\n").utf8), file: "a.yaml", questionnaire: q, today: .machine)
        }
        do {
            _ = try AnswersDocument.parse(Data((file + "age: 60\n").utf8), file: "a.yaml", questionnaire: q, today: .machine)
        } catch {
            #expect(
                "\(error)" == "a.yaml:3:1: age is 60 years, but years(birth_date) gives 68 years on 1 March 2026; correct it or leave it out",
                "\(error)")
        }
    }

    /// A question shown only for an age (pregnancy, below 56) may be answered in a file that
    /// gives the date of birth instead of the age: the age is worked out before the check.
    @Test func anAnswerThatDependsOnACalculatedAgeIsAccepted() throws {
        let file = "completed: 2026-03-01T10:00:00Z\nbirth_date: 1991-05-20\nsex: female\npregnant: no\n"
        let document = try AnswersDocument.parse(Data(file.utf8), file: "a.yaml", questionnaire: Default.questionnaire, today: .machine)
        #expect(document.answers["age"] == .integer(34))
        #expect(document.answers["pregnant"] != nil)
        // At 68 the question is not asked, so its answer is still refused.
        #expect(throws: DiagnosticList.self) {
            try AnswersDocument.parse(
                Data(file.replacingOccurrences(of: "1991", with: "1957").utf8), file: "a.yaml", questionnaire: Default.questionnaire, today: .machine)
        }
    }

    @Test func theInterviewPathSkipsACalculatedAge() {
        let answers = Navigator(questionnaire: q).calculating(
            Fixture.answers(
                [
                    "feels_weak": .bool(true), "diet": .string("vegan"), "medicines": .list(["none"]), "birth_date": .string("1957-11-02"),
                    "weight": .number(70),
                ], in: q), on: day)
        let asked = Relevance(questionnaire: q).askedPath(answers, on: day)
        #expect(asked.contains("birth_date") && !asked.contains("age"), "\(asked)")
    }

    @Test func yearsIsOnlyForCalculatedItemsAndNeedsADate() {
        let misplaced = Fixture.problems(
            Fixture.wrapping(
                items: "      - { id: born, type: date, text: When? }\n      - { id: old, type: boolean, text: Old?, when: years(born) > 60 }"))
        #expect(misplaced.map(\.message).contains { $0.contains("years(…) can only be used in 'calculated'") }, "\(misplaced)")
        let notADate = Fixture.problems(
            Fixture.wrapping(items: "      - { id: n, type: integer, text: N? }\n      - { id: m, type: integer, text: M?, calculated: years(n) }"))
        #expect(notADate.map(\.message).contains { $0.contains("years(…) needs a date item, but 'n' is integer") }, "\(notADate)")
        let wrongType = Fixture.problems(
            Fixture.wrapping(
                items: "      - { id: born, type: date, text: When? }\n      - { id: old, type: boolean, text: Old?, calculated: years(born) }"))
        #expect(!wrongType.isEmpty, "a yes/no item cannot hold a number of years")
        let textForNumber = Fixture.problems(
            Fixture.wrapping(items: "      - { id: t, type: text, text: T? }\n      - { id: m, type: integer, text: M?, calculated: t }"))
        #expect(textForNumber.map(\.message).contains { $0.contains("this gives free text, but the item needs a number") }, "\(textForNumber)")
    }
}
