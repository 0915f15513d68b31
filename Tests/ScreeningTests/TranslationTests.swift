import Foundation
import Localization
import Testing

@testable import Screening

/// A questionnaire's translation: applied, it changes every text and nothing else; checked, it
/// names every text it lacks, every key that names nothing and every number that differs, each
/// where it is.
@Suite struct TranslationTests {
    static let english = try! Fixture.basic()

    /// The translation `yaml` applied to the basic fixture, or its problems as `line:col: message`.
    static func problems(_ yaml: String) -> [String] {
        do {
            _ = try QuestionnaireTranslation.apply(Data(yaml.utf8), file: "basic.es.yaml", to: english)
            return []
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    static let fixture = try! String(contentsOfFile: Fixture.path("basic.es.yaml"), encoding: .utf8)

    @Test func aTranslationChangesEveryTextAndNothingElse() throws {
        let spanish = try QuestionnaireTranslation.apply(Data(Self.fixture.utf8), file: Fixture.path("basic.es.yaml"), to: Self.english)
        #expect(spanish.language == .es && Self.english.language == .en)
        #expect(spanish.title == "Cribado de prueba")
        #expect(spanish.sections.map(\.title) == ["Síntomas urgentes", "Sobre usted"])
        #expect(spanish.item("diet")?.options.map(\.label) == ["Como carne o pescado la mayoría de las semanas", "Vegetariana", "Vegana"])
        #expect(spanish.item("age")?.kind.display(.integer(70), spanish.messages) == "70 años")
        #expect(spanish.triggers.first?.message.hasPrefix("Una debilidad repentina") == true)
        // What answers are, and what they mean, stays: ids, values, conditions, signatures, the content hash.
        #expect(spanish.items.map(\.id) == Self.english.items.map(\.id))
        #expect(spanish.items.map(\.kind.signature) == Self.english.items.map(\.kind.signature))
        #expect(spanish.items.map(\.condition) == Self.english.items.map(\.condition))
        #expect(spanish.contentHash == Self.english.contentHash)
        var answers = AnswerSet()
        answers["sudden_weakness"] = .boolean(.yes)
        answers["age"] = .integer(70)
        answers["diet"] = .choice("vegan")
        answers["b12_supplement"] = .boolean(.no)
        answers["medicines"] = .multiChoice(["metformin"])
        let inEnglish = Assessor(questionnaire: Self.english, today: .machine).assess(answers)
        let inSpanish = Assessor(questionnaire: spanish, today: .machine).assess(answers)
        #expect(inSpanish.triggers.map(\.id) == inEnglish.triggers.map(\.id))
        #expect(inSpanish.triage.level == inEnglish.triage.level)
        #expect(inSpanish.language == .es && inSpanish.triage.headline.hasPrefix("EMERGENCIA"))
        #expect(inSpanish.answers.first { $0.id == "diet" }?.answer == "Vegana")
        #expect(inSpanish.answers.map(\.value) == inEnglish.answers.map(\.value), "answers are kept by value, not by label")
    }

    @Test func theArchiveKeepsTheLanguage() throws {
        let spanish = try QuestionnaireTranslation.apply(Data(Self.fixture.utf8), file: "basic.es.yaml", to: Self.english)
        let decoded = try #require(
            QuestionnaireArchive.decode(QuestionnaireArchive.encode(spanish, build: "t"), build: "t", contentHash: nil, path: spanish.path))
        #expect(decoded.language == .es && decoded.title == spanish.title && decoded.item("diet") == spanish.item("diet"))
    }

    @Test func aMissingTextIsNamedWhereItBelongs() {
        let yaml = Self.fixture.replacingOccurrences(of: "    help: Algunas vitaminas vienen casi solo de alimentos de origen animal.\n", with: "")
            .replacingOccurrences(of: "      vegan: Vegana\n", with: "")
            .replacingOccurrences(of: "  notes:\n    text: ¿Algo más que quiera que sepa su médico?\n", with: "")
        #expect(
            Self.problems(yaml) == [
                "9:1: the es translation lacks the text of item 'notes' (basic.yaml line 54)",
                "18:3: the es translation lacks the help of item 'diet' (basic.yaml line 26)",
                "20:5: the es translation lacks the label of option 'vegan' of item 'diet' (basic.yaml line 26)",
            ])
    }

    @Test func aKeyThatNamesNothingIsAnError() {
        let yaml = Self.fixture.replacingOccurrences(of: "  intro:\n", with: "  intor:\n")
            .replacingOccurrences(of: "      ppi: Omeprazol", with: "      pip: Omeprazol")
            .replacingOccurrences(of: "  many_risks:", with: "  many_risk:")
        #expect(
            Self.problems(yaml) == [
                "9:1: the es translation lacks the text of item 'intro' (basic.yaml line 17)",
                "13:3: 'intor' is no item of fixture_basic, so it translates nothing; did you mean 'intro'?",
                "29:5: the es translation lacks the label of option 'ppi' of item 'medicines' (basic.yaml line 39)",
                "31:7: 'pip' is no option of item 'medicines', so it translates nothing; did you mean 'ppi'?",
                "38:1: the es translation lacks the message of trigger 'many_risks' (basic.yaml line 71)",
                "40:3: 'many_risk' is no trigger of fixture_basic, so it translates nothing; did you mean 'many_risks'?",
            ])
    }

    @Test func numbersMustBeTheEnglishOnes() {
        // The English asks about "B12" (a name, not a number); a translation that adds a dose is wrong.
        let yaml = Self.fixture.replacingOccurrences(
            of: "Varios factores de riesgo de B12 baja; pida cita.", with: "Varios factores de riesgo de B12 baja; tome 1000 microgramos.")
        #expect(Self.problems(yaml) == ["40:59: the message of trigger 'many_risks' must give the numbers of the English (none), but gives 1000"])
        #expect(
            QuestionnaireTranslation.numbers(in: "1,000 micrograms, 1.5 mg, B12, HbA1c, 24 to 48 hours", language: .en).map(\.value) == [
                "1000", "1.5", "24", "48",
            ])
        #expect(
            QuestionnaireTranslation.numbers(in: "1000 microgramos, 1,5 mg, B12, HbA1c, 24 a 48 horas, 2.500 mg", language: .es).map(\.value) == [
                "1000", "1.5", "24", "48", "2500",
            ])
    }

    @Test func theHeaderMustFitTheFileAndTheQuestionnaire() {
        #expect(
            Self.problems(Self.fixture.replacingOccurrences(of: "language: es", with: "language: fr")) == [
                "2:11: NutriScreen does not speak 'fr'; a translation is into one of es"
            ])
        let wrong = Self.problems(Self.fixture.replacingOccurrences(of: "translates: fixture_basic", with: "translates: other"))
        #expect(wrong.count == 1 && wrong[0].hasPrefix("3:13: this translates 'other'"), "\(wrong)")
    }

    @Test func pathsOfTranslations() {
        #expect(QuestionnaireTranslation.path(for: "Questionnaires/neuro-nutrition.yaml", language: .es) == "Questionnaires/neuro-nutrition.es.yaml")
        #expect(QuestionnaireTranslation.parts(of: "Questionnaires/neuro-nutrition.es.yaml")?.questionnaire == "Questionnaires/neuro-nutrition.yaml")
        #expect(QuestionnaireTranslation.parts(of: "Questionnaires/neuro-nutrition.yaml") == nil)
        #expect(QuestionnaireTranslation.parts(of: "a/.es.yaml") == nil)
    }
}
