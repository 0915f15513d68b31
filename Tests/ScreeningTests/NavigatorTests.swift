import Testing

@testable import Screening

@Suite struct NavigatorTests {
    let q: Questionnaire
    let nav: Navigator

    init() throws {
        q = try Fixture.basic()
        nav = Navigator(questionnaire: q)
    }

    private func ids(_ items: [Item]) -> [String] { items.map(\.id) }

    @Test func branchingShowsDetailOnlyWhenItsConditionHolds() {
        let omnivore = Fixture.answers(["diet": .string("omnivore")], in: q)
        #expect(!ids(nav.visibleItems(omnivore)).contains("b12_supplement"))
        let vegan = Fixture.answers(["diet": .string("vegan")], in: q)
        #expect(ids(nav.visibleItems(vegan)).contains("b12_supplement"))
        let metformin = Fixture.answers(["medicines": .list(["metformin"])], in: q)
        #expect(ids(nav.visibleItems(metformin)).contains("metformin_years"))
    }

    @Test func nextAskesPendingItemsInOrderAndSkipsSkippedOnes() {
        var answers = AnswerSet()
        #expect(nav.next(after: nil, answers: answers, skipped: []).map(\.id) == "sudden_weakness")
        answers = Fixture.answers(["sudden_weakness": .bool(false), "age": .number(40)], in: q)
        #expect(nav.next(after: "age", answers: answers, skipped: []).map(\.id) == "diet")
        answers = Fixture.answers(
            ["sudden_weakness": .bool(false), "age": .number(40), "diet": .string("omnivore"), "medicines": .list(["none"])], in: q)
        #expect(nav.next(after: "medicines", answers: answers, skipped: []).map(\.id) == "notes")
        #expect(nav.next(after: "medicines", answers: answers, skipped: ["notes"]) == nil)
        #expect(nav.isComplete(answers, skipped: ["notes"]))
        // After going back to an early item, the next pending one is asked, wherever it is.
        #expect(nav.next(after: "notes", answers: answers, skipped: []).map(\.id) == "notes")
    }

    @Test func backGoesToThePreviousShownQuestion() {
        let omnivore = Fixture.answers(["diet": .string("omnivore")], in: q)
        #expect(nav.previous(before: "medicines", answers: omnivore).map(\.id) == "diet")
        let vegan = Fixture.answers(["diet": .string("vegan")], in: q)
        #expect(nav.previous(before: "medicines", answers: vegan).map(\.id) == "b12_supplement")
        // The display item is passed over; the first question has nothing before it.
        #expect(nav.previous(before: "age", answers: vegan).map(\.id) == "sudden_weakness")
        #expect(nav.previous(before: "sudden_weakness", answers: vegan) == nil)
    }

    @Test func changingAnAnswerDropsItemsThatAreNoLongerShown() {
        var answers = Fixture.answers(
            ["diet": .string("vegan"), "b12_supplement": .bool(false), "medicines": .list(["metformin"]), "metformin_years": .number(3)], in: q)
        #expect(nav.effectiveAnswers(answers)["b12_supplement"] != nil)
        answers["diet"] = .choice("omnivore")
        answers["medicines"] = .multiChoice(["none"])
        let effective = nav.effectiveAnswers(answers)
        #expect(effective["b12_supplement"] == nil)
        #expect(effective["metformin_years"] == nil)
        #expect(effective["diet"] == .choice("omnivore"))
    }

    @Test func progressCountsEveryQuestionThatCanStillCome() {
        // At the start every follow-up may still come: the estimate only ever shrinks from here.
        let none = AnswerSet()
        let first = nav.progress(at: q.item("sudden_weakness")!, answers: none)
        #expect(first == Navigator.Progress(sectionTitle: "Urgent symptoms", sectionNumber: 1, sectionCount: 2, questionNumber: 1, questionCount: 7))
        let vegan = Fixture.answers(["diet": .string("vegan"), "medicines": .list(["metformin", "ppi"])], in: q)
        let later = nav.progress(at: q.item("medicines")!, answers: vegan)
        #expect(later.sectionNumber == 2)
        #expect(later.questionNumber == 5)
        #expect(later.questionCount == 7)
    }

    @Test func triggersFireWithTheAnswersBehindThem() {
        let answers = Fixture.answers(
            [
                "sudden_weakness": .bool(true), "age": .number(70), "diet": .string("vegan"), "b12_supplement": .string("unsure"),
                "medicines": .list(["none"]),
            ], in: q)
        let fired = nav.firedTriggers(answers)
        #expect(fired.map(\.trigger.id) == ["stroke", "many_risks"])
        #expect(
            fired[0].evidence == [
                Evidence(itemID: "sudden_weakness", question: "Did weakness start suddenly on one side of your body?", answer: "Yes")
            ])
        #expect(
            fired[1].evidence.map(\.itemID) == ["age", "diet", "b12_supplement"], "the count(medicines) rule did not hold, so medicines is not cited")
        let calm = Fixture.answers(["sudden_weakness": .bool(false), "age": .number(30)], in: q)
        #expect(nav.firedTriggers(calm).isEmpty)
    }
}

@Suite struct EvaluatorTests {
    let q: Questionnaire
    init() throws { q = try Fixture.basic() }

    private func value(_ text: String, _ answers: [String: PlainValue]) throws -> Value {
        let parsed = try ExpressionParser.parse(text)
        var symbols: [String: ExpressionChecker.Symbol] = [:]
        for (index, item) in q.items.enumerated() { symbols[item.id] = .item(item, order: index) }
        let (resolved, _) = try ExpressionChecker(symbols: symbols).check(parsed)
        return Evaluator(questionnaire: q, answers: Fixture.answers(answers, in: q)).value(of: resolved)
    }

    @Test func everyOperatorEvaluates() throws {
        #expect(try value("age + 5 * 2 - 1", ["age": .number(60)]) == .number(69))
        #expect(try value("-age", ["age": .number(60)]) == .number(-60))
        #expect(try value("age >= 65 and age < 70", ["age": .number(65)]) == .bool(true))
        #expect(try value("age > 65 or age <= 20", ["age": .number(65)]) == .bool(false))
        #expect(try value("age != 65", ["age": .number(64)]) == .bool(true))
        #expect(try value("diet == vegan", ["diet": .string("vegan")]) == .bool(true))
        #expect(try value("diet in [vegetarian, vegan]", ["diet": .string("omnivore")]) == .bool(false))
        #expect(try value("ppi in medicines", ["medicines": .list(["metformin", "ppi"])]) == .bool(true))
        #expect(try value("count(medicines)", ["medicines": .list(["metformin", "ppi"])]) == .number(2))
        #expect(try value("count(medicines)", ["medicines": .list(["none"])]) == .number(0))
        #expect(try value("answered(notes)", [:]) == .bool(false))
        #expect(try value("not sudden_weakness", ["sudden_weakness": .bool(false)]) == .bool(true))
    }

    @Test func missingAnswersNeverMakeAComparisonHold() throws {
        #expect(try value("age > 65", [:]) == .bool(false))
        #expect(try value("age <= 65", [:]) == .bool(false))
        #expect(try value("diet != vegan", [:]) == .bool(false))
        #expect(try value("age + 1", [:]) == .missing)
        #expect(try value("not sudden_weakness", [:]) == .bool(true))
        #expect(try value("b12_supplement", ["b12_supplement": .string("unsure")]).isTrue == false)
    }
}
