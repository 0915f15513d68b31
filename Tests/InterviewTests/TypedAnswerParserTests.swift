import Foundation
import Localization
import Testing

@testable import Interview
@testable import Screening

@Suite struct TypedAnswerParserTests {
    let q: Questionnaire
    init() throws { q = try basicFixture() }

    private func parse(_ input: String, _ id: String) -> Answer? {
        try? q.item(id)!.kind.parse(typed: input.trimmingCharacters(in: .whitespaces), .english, today: Today.machine.day).get()
    }

    @Test func choicesTakeWordsAndTheListsOwnNumberFormat() throws {
        let diet = try #require(q.item("diet"))
        #expect(diet.kind.parse(typed: "3.", .english, today: Today.machine.day) == .success(.choice("vegan")))
        #expect(diet.kind.parse(typed: "3)", .english, today: Today.machine.day) == .success(.choice("vegan")))
        #expect(diet.kind.parse(typed: "Vegetarian", .english, today: Today.machine.day) == .success(.choice("vegetarian")))
        #expect(diet.kind.parse(typed: "i eat", .english, today: Today.machine.day) == .success(.choice("omnivore")))
        let yesNo = [AnswerOption(value: "no", label: "No"), AnswerOption(value: "few", label: "Yes, a few times")]
        #expect(yesNo.option(matching: "n", .english)?.value == "no")
        #expect(yesNo.option(matching: "y", .english)?.value == "few")
        #expect(diet.options.option(matching: "ve", .english) == nil, "two letters name nothing")
        let thyroid = [AnswerOption(value: "over", label: "An overactive thyroid"), AnswerOption(value: "under", label: "An underactive thyroid")]
        #expect(thyroid.option(matching: "underactive", .english)?.value == "under", "a whole word of one answer")
        #expect(thyroid.option(matching: "thyroid", .english) == nil, "a word of two answers names neither")
        #expect(
            ChoiceKind(thyroid).parse(typed: "thyroid", .english, today: Today.machine.day)
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
        for typed in ["no", "n", "No"] {
            #expect(symptoms.parse(typed: typed, .english, today: Today.machine.day) == .success(.multiChoice(["none"])), "\(typed)")
        }
        let spanish = MultiChoiceKind([
            AnswerOption(value: "gastric", label: "Una operación de estómago"),
            AnswerOption(value: "none", label: "Ninguna de estas", exclusive: true),
        ])
        #expect(spanish.parse(typed: "no", Messages(.es), today: Today.machine.day) == .success(.multiChoice(["none"])))
        let withoutNone = MultiChoiceKind([AnswerOption(value: "a", label: "Tingling"), AnswerOption(value: "b", label: "Cramps")])
        #expect(withoutNone.parse(typed: "no", .english, today: Today.machine.day) != .success(.multiChoice(["a"])))
        let ownNo = MultiChoiceKind([
            AnswerOption(value: "no_meat", label: "No meat"), AnswerOption(value: "none", label: "None of these", exclusive: true),
        ])
        #expect(ownNo.parse(typed: "no", .english, today: Today.machine.day) == .success(.multiChoice(["no_meat"])))
        #expect(symptoms.parse(typed: "tingling, muscle", .english, today: Today.machine.day) == .success(.multiChoice(["tingling", "cramps"])))
        // Words that fit several answers are answered with the numbers they could mean.
        let places = MultiChoiceKind([
            AnswerOption(value: "feet", label: "Tingling in the feet"), AnswerOption(value: "hands", label: "Tingling in the hands"),
            AnswerOption(value: "none", label: "None of these", exclusive: true),
        ])
        #expect(
            places.parse(typed: "tingling", .english, today: Today.machine.day)
                == .failure(AnswerProblem("'tingling' fits more than one answer (1, 2). Please type the number of the one you mean.")))
    }

    /// In Spanish, `s`, `sí` and `si` are yes (and `s` is no longer skip), `no sé` is not sure,
    /// and the first words of Spanish labels pick an option, accents or not.
    @Test func takesSpanishWords() throws {
        let es = Messages(.es)
        let unsure = try #require(q.item("b12_supplement")).kind
        for typed in ["s", "sí", "SI", "Si", "1"] {
            #expect(unsure.parse(typed: typed, es, today: Today.machine.day) == .success(.boolean(.yes)), "\(typed)")
        }
        for typed in ["n", "no", "No", "2"] {
            #expect(unsure.parse(typed: typed, es, today: Today.machine.day) == .success(.boolean(.no)), "\(typed)")
        }
        for typed in ["3", "no sé", "no se", "No lo sé"] {
            #expect(unsure.parse(typed: typed, es, today: Today.machine.day) == .success(.boolean(.unsure)), "\(typed)")
        }
        #expect(unsure.parse(typed: "y", es, today: Today.machine.day) != .success(.boolean(.yes)), "English y is not Spanish yes")
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
        #expect(age.parse(typed: "70 años", es, today: Today.machine.day) == .success(.integer(70)))
        guard case .failure(let problem) = age.parse(typed: "7", es, today: Today.machine.day) else {
            Issue.record("7 years was accepted")
            return
        }
        #expect(problem.message.contains("7 está fuera del intervalo permitido, de 18 a 120 years."), "\(problem.message)")
        #expect(try #require(q.item("metformin_years")).kind.parse(typed: "2,5", es, today: Today.machine.day) == .success(.decimal(2.5)))
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
        guard case .failure(let problem) = item.kind.parse(typed: digits, .english, today: Today.machine.day) else {
            Issue.record("a 30-digit number was accepted")
            return
        }
        #expect(problem.message.contains("1e+30 is outside the allowed range 0 to 60"), "\(problem.message)")
        guard case .failure(let fromFile) = Answer.from(.number(1e300), for: item, today: Today.machine.day) else {
            Issue.record("1e300 was accepted")
            return
        }
        #expect(fromFile.message.contains("1e+300 is outside the allowed range 0 to 60"), "\(fromFile.message)")
    }
}
