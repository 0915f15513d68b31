import Foundation
import Localization
import Testing

@testable import Interview
@testable import Screening

/// The interview in Spanish: the questionnaire's Spanish texts, the program's Spanish words, and
/// the Spanish keys (`s` is yes there, so skipping is `o`, going back `a`, saving and quitting `g`).
@Suite struct SpanishInterviewTests {
    let english: Questionnaire
    let spanish: Questionnaire

    init() throws {
        english = try basicFixture()
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScreeningTests/Fixtures/basic.es.yaml").path
        spanish = try QuestionnaireTranslation.apply(try QuestionnaireLoader.data(at: path), file: path, to: english)
    }

    private func run(_ inputs: [String], _ q: Questionnaire, record: SessionRecord? = nil) -> (Interviewer.Outcome, String, SessionRecord?) {
        let console = ScriptedConsole(inputs)
        nonisolated(unsafe) var last: SessionRecord?
        let start = record ?? SessionRecord(questionnaire: q, name: nil, now: Date())
        let interviewer = Interviewer(
            questionnaire: q, record: start, answers: start.answerSet(for: q, today: Today.machine.day).answers, console: console, clock: .machine
        ) { last = $0 }
        return (interviewer.run(), console.output, last)
    }

    @Test func aWholeScreeningInSpanish() {
        let (outcome, output, saved) = run(
            ["o", "?", "s", "2", "a", "n", "setenta", "70 años", "vegana", "no sé", "1", "o", "o", ""], spanish)
        guard case .completed(let answers) = outcome else {
            Issue.record("not completed: \(outcome)\n\(output)")
            return
        }
        #expect(answers["sudden_weakness"] == .boolean(.no))
        #expect(answers["age"] == .integer(70))
        #expect(answers["diet"] == .choice("vegan"))
        #expect(answers["b12_supplement"] == .boolean(.unsure))
        #expect(answers["medicines"] == .multiChoice(["metformin"]))
        #expect(saved?.skipped == ["metformin_years", "notes"])
        for line in [
            "Síntomas urgentes (sección 1 de un máximo de 2) · pregunta 1 de un máximo de 7",
            "¿La debilidad empezó de repente en un lado del cuerpo?",
            "  1. Sí\n  2. No\n",
            "Escriba 1 o s para sí, 2 o n para no. O bien: a atrás · ? por qué lo preguntamos · r revisar · g guardar y salir",
            "Esta pregunta es necesaria para el cribado y no se puede omitir.",
            "Por qué lo preguntamos: Una debilidad repentina de un lado puede ser un ictus.",
            "¡¡¡ AVISO DE EMERGENCIA !!!",
            "EMERGENCIA: Una debilidad repentina de un lado puede ser un ictus.",
            "Escriba 1 para parar aquí (sus respuestas están guardadas) o 2 para seguir con las preguntas.",
            "Respuesta actual: Sí. Pulse Intro para mantenerla.",
            "Escriba un número (en años), p. ej. 69 años, por favor.",
            "Escriba 1 o s para sí, 2 o n para no, 3 si no está seguro/a.",
            "· o omitir ·",
            "Ha respondido a todas las preguntas. Revise sus respuestas, por favor.",
            "  3. ¿Cuál describe mejor cómo come? — Vegana",
            "(omitida)",
        ] {
            #expect(output.contains(line), "missing: \(line)")
        }
        #expect(!output.contains("Type "), "no English words: \(output)")
    }

    @Test func theSpanishKeysQuitAndGoBack() {
        let (outcome, output, saved) = run(["n", "a", "g"], spanish)
        #expect(outcome == .quit)
        #expect(output.contains("pregunta 2 de un máximo de"))
        #expect(output.components(separatedBy: "¿La debilidad empezó de repente").count == 3, "asked, then asked again after a")
        #expect(saved?.answers["sudden_weakness"] == .bool(false))
        let (first, firstOutput, _) = run(["a", "g"], spanish)
        #expect(first == .quit && firstOutput.contains("Esta es la primera pregunta."))
    }

    /// Answers are kept by value, so a screening begun in one language goes on in the other with
    /// every answer, shown in the new language's words.
    @Test func aSessionGoesOnInTheOtherLanguageWithEveryAnswer() throws {
        let (_, _, saved) = run(["n", "70", "vegan", "not sure", "q"], english)
        let record = try #require(saved)
        #expect(record.answers.count == 4)
        let (inSpanish, dropped) = record.answerSet(for: spanish, today: Today.machine.day)
        #expect(dropped.isEmpty && inSpanish == record.answerSet(for: english, today: Today.machine.day).answers)
        let (outcome, output, again) = run(["a", "", "g"], spanish, record: record)
        #expect(outcome == .quit)
        #expect(output.contains("Respuesta actual: No estoy seguro/a. Pulse Intro para mantenerla."), "\(output)")
        #expect(again?.answers == record.answers)
    }
}
