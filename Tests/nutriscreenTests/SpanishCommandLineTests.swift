import Foundation
import Testing

/// The whole program in Spanish, through the built executable: a complete screening of the
/// default questionnaire, its report, the language from the environment, a screening resumed in
/// the other language, and the messages of a translation that is missing or broken.
@Suite(.serialized) struct SpanishCommandLineTests {
    static let questionnaire = ProcessRunner.repository + "/Questionnaires/neuro-nutrition.yaml"
    static let sample = ProcessRunner.repository + "/Reports/sample-answers.yaml"

    /// What a person with numb, tingling feet and no warning sign types at each Spanish prompt,
    /// read from the hint under the question.
    static func reply(to block: String) -> String {
        if block.contains("Ha respondido a todas las preguntas") { return "" }
        if block.contains("Escriba 1 para parar aquí") { return "2" }
        if block.contains("¿Qué le trae por aquí?") { return "hormigueo o pinchazos, adormecimiento" }
        if block.contains("Escriba 1 o s para sí, 2 o n para no, 3 si no está seguro/a.") { return "no sé" }
        if block.contains("Escriba 1 o s para sí, 2 o n para no.") { return block.contains("¿Es capaz de notar los pies") ? "s" : "n" }
        if block.contains("Escriba la fecha") { return "14 de marzo de 1958" }
        if block.contains("Escriba su respuesta.") || block.contains("Escriba un número") { return "o" }
        if block.contains("Escriba los números de todas las respuestas que correspondan") {
            // "None of these" where there is one, else the first answer.
            let options = block.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(". ") }
            if let none = options.first(where: { $0.contains(". Ningun") }) {
                return String(none.split(separator: ".")[0]).trimmingCharacters(in: .whitespaces)
            }
            return "1"
        }
        return "1"
    }

    /// Runs a Spanish screening of the default questionnaire to its end; returns the screen, the
    /// exit status and standard error.
    static func screening(_ runner: ProcessRunner, _ arguments: [String], environment: [String: String] = [:]) throws -> (String, Int32, String) {
        let session = try ProcessRunner.Session(runner, ["start", "--questionnaire", questionnaire] + arguments, environment: environment)
        var prompts = 0
        while prompts < 200 {
            prompts += 1
            session.waitForPrompts(prompts)
            let parts = session.screen.components(separatedBy: "\n> ")
            guard parts.count - 1 == prompts else { break }
            session.type(reply(to: parts[prompts - 1]))
        }
        let end = session.finish()
        return (session.screen, end.status, end.stderr)
    }

    @Test func aCompleteScreeningInSpanish() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let pdf = runner.state + "/informe.pdf"
        let (screen, status, stderr) = try Self.screening(runner, ["--lang", "es", "--out", pdf, "--name", "Ana Ejemplo"])
        #expect(status == 0, "\(stderr)\n\(screen.suffix(2000))")
        for spanish in [
            "Síntomas nerviosos y musculares: cribado nutricional", "Señales de alarma (sección 1 de un máximo de 10) · pregunta 1 de un máximo de",
            "¿Ha tenido alguna de estas cosas ahora mismo o en los últimos 2 días?", "O bien: a atrás · ? por qué lo preguntamos",
            "¿Cuál es su fecha de nacimiento? Escriba o para omitirla", "Piernas y pies (MNSI)", "¿Tiene las piernas y/o los pies adormecidos?",
            "Ha respondido a todas las preguntas. Revise sus respuestas, por favor.", "14 de marzo de 1958", "(omitida)", "Qué hacer ahora",
            "Otras causas que su médico quizá quiera descartar", "NutriScreen es un cuestionario de cribado, no un diagnóstico.",
            "Su informe: \(pdf)", "Sus respuestas: \(runner.state)/informe.answers.yaml (para volver a crear el informe:",
        ] {
            #expect(screen.contains(spanish), "missing: \(spanish)")
        }
        for english in ["Type ", "Please", "question ", "Your report", "What to do next", "Press Enter"] {
            #expect(!screen.contains(english), "English on screen: \(english)")
        }
        // The answers file keeps values, whatever the language: a choice by its value, a date in ISO form.
        let answers = try String(contentsOfFile: runner.state + "/informe.answers.yaml", encoding: .utf8)
        #expect(answers.contains("birth_date: \"1958-03-14\"") && answers.contains("symptoms: [tingling, numbness]"), "\(answers)")
        #expect(answers.contains("sex: \"female\"") && answers.contains("family_pernicious: \"unsure\""), "\(answers)")
        let info = try ProcessRunner.output(of: "pdfinfo", [pdf])
        #expect(info.contains("Title:           Resumen del cribado NutriScreen — Ana Ejemplo"), "\(info)")
        let text = try ProcessRunner.output(of: "pdftotext", [pdf, "-"])
        #expect(text.contains("Resumen del cribado nutricional") && text.contains("Motivo de consulta") && text.contains("Página 1 de"))
        #expect(text.contains("14 de marzo de 1958 ("), "the date of birth in Spanish")
        #expect(try ProcessRunner.output(of: "qpdf", ["--json", pdf]).contains("\"/Lang\": \"u:es\""))
    }

    /// Without --lang, the language comes from LC_ALL, else LC_MESSAGES, else LANG; an unknown
    /// one (or C) means English.
    @Test(arguments: [
        (["LANG": "es_ES.UTF-8"], true), (["LANG": "es_MX"], true), (["LC_MESSAGES": "es_AR.UTF-8", "LANG": "en_GB.UTF-8"], true),
        (["LC_ALL": "en_US.UTF-8", "LANG": "es_ES.UTF-8"], false), (["LANG": "fr_FR.UTF-8"], false), (["LANG": "C.UTF-8"], false),
        (["LC_ALL": "", "LANG": "es_CO.UTF-8"], true),
    ])
    func theLanguageComesFromTheEnvironment(environment: [String: String], spanish: Bool) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["assess", "--answers", Self.sample], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Qué hacer ahora") == spanish && result.stdout.contains("What to do next") == !spanish, "\(environment)")
        // --lang wins over the environment.
        let explicit = try runner.run(["assess", "--answers", Self.sample, "--lang", spanish ? "en" : "es"], environment: environment)
        #expect(explicit.stdout.contains("Qué hacer ahora") == !spanish)
    }

    /// Answers are kept by value: begun in Spanish, the screening goes on in English with every
    /// answer, and the hints name the language they were given in.
    @Test func aScreeningBegunInSpanishGoesOnInEnglish() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let first = try runner.run(["start", "--questionnaire", Self.questionnaire, "--lang", "es"], input: "10\n8\no\n70\n1\ng\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Sus respuestas están guardadas. Para continuar más tarde, ejecute: "), "\(first.stdout)")
        #expect(first.stdout.contains(" resume --lang es"), "the hint keeps the language the environment would not give")
        let saved = try #require(runner.sessions().first?["answers"] as? [String: Any])
        #expect(saved.count == 4, "\(saved)")
        let second = try runner.run(["resume", "--lang", "en"], input: "b\n\nq\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Continuing the screening, saved today at "), "\(second.stdout)")
        #expect(second.stdout.contains(": 4 questions answered, up to"), "\(second.stdout)")
        #expect(second.stdout.contains("Current answer: Female. Press Enter to keep it."), "\(second.stdout)")
        #expect(NSDictionary(dictionary: try #require(runner.sessions().first?["answers"] as? [String: Any])).isEqual(to: saved))
        // And back again: the offer to continue, in Spanish.
        let third = try runner.run(["--questionnaire", Self.questionnaire, "--lang", "es"], input: "s\ng\n")
        #expect(third.stdout.contains("Tiene un cribado sin terminar, guardado hoy a las "), "\(third.stdout)")
        #expect(
            third.stdout.contains("4 preguntas respondidas, faltan ") && third.stdout.contains("¿Quiere continuarlo? Escriba s para continuar"))
    }

    /// A questionnaire without a Spanish translation: with --lang es that is an error naming the
    /// file to add; with Spanish only from the environment, a note, and the screening in English.
    @Test func aMissingTranslationIsNamed() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let copy = runner.state + "/basic.yaml"
        try FileManager.default.copyItem(atPath: ProcessRunner.fixture, toPath: copy)
        let explicit = try runner.run(["start", "--questionnaire", copy, "--lang", "es"], input: "")
        #expect(explicit.status == 66)
        #expect(
            explicit.stderr.contains("nutriscreen: \(copy) no tiene traducción al español (se esperaba \(runner.state)/basic.es.yaml)"),
            "\(explicit.stderr)")
        let fromLocale = try runner.run(["start", "--questionnaire", copy], input: "n\nq\n", environment: ["LANG": "es_ES.UTF-8"])
        #expect(fromLocale.stderr.contains("nota: \(copy) no tiene traducción al español"), "\(fromLocale.stderr)")
        #expect(fromLocale.stdout.contains("Did weakness start suddenly") && fromLocale.stdout.contains("Type 1 or y for yes"), "all in English")
        // With its translation beside it, the same file speaks Spanish.
        try FileManager.default.copyItem(
            atPath: ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/basic.es.yaml", toPath: runner.state + "/basic.es.yaml")
        let translated = try runner.run(["start", "--questionnaire", copy, "--lang", "es", "--new"], input: "n\ng\n")
        #expect(translated.stdout.contains("¿La debilidad empezó de repente en un lado del cuerpo?"), "\(translated.stdout)")
    }

    /// validate checks a translation against its questionnaire and says where each problem is.
    @Test func validateLocatesEveryProblemOfATranslation() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let copy = runner.state + "/basic.yaml"
        try FileManager.default.copyItem(atPath: ProcessRunner.fixture, toPath: copy)
        let good = try String(contentsOfFile: ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/basic.es.yaml", encoding: .utf8)
        let broken = good.replacingOccurrences(of: "    help: Algunas vitaminas vienen casi solo de alimentos de origen animal.\n", with: "")
            .replacingOccurrences(of: "  intro:\n", with: "  intor:\n")
            .replacingOccurrences(of: "Varios factores de riesgo de B12 baja; pida cita.", with: "Tome 1000 microgramos de B12; pida cita.")
        try broken.write(toFile: runner.state + "/basic.es.yaml", atomically: true, encoding: .utf8)
        let result = try runner.run(["validate", copy])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(copy): ok"))
        let file = runner.state + "/basic.es.yaml"
        for line in [
            "\(file):9:1: the es translation lacks the text of item 'intro' (basic.yaml line 17)",
            "\(file):13:3: 'intor' is no item of fixture_basic, so it translates nothing; did you mean 'intro'?",
            "\(file):18:3: the es translation lacks the help of item 'diet' (basic.yaml line 26)",
            "\(file):39:20: the message of trigger 'many_risks' must give the numbers of the English (none), but gives 1000",
            "4 problem(s) found",
        ] {
            #expect(result.stderr.contains(line), "missing: \(line)\n\(result.stderr)")
        }
        // The translation alone names its questionnaire's check too; --lang en leaves it out.
        #expect(try runner.run(["validate", file]).status == 65)
        #expect(try runner.run(["validate", copy, "--lang", "en"]).status == 0)
        // The shipped translation is clean.
        let shipped = try runner.run(["validate"], directory: ProcessRunner.repository)
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.contains("Questionnaires/neuro-nutrition.es.yaml: ok (es translation of neuro_nutrition"), "\(shipped.stdout)")
    }

    /// What a person sees when a command goes wrong is in their language too.
    @Test func errorsAreInSpanish() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let mistyped = try runner.run(["asses", "--lang", "es"])
        #expect(
            mistyped.status == 64 && mistyped.stderr.contains("nutriscreen: 'asses' no es una orden; ¿quería decir assess?"), "\(mistyped.stderr)")
        let existing = runner.state + "/ya.pdf"
        #expect(FileManager.default.createFile(atPath: existing, contents: Data("x".utf8)))
        let exists = try runner.run(["report", "--answers", Self.sample, "--out", existing, "--lang", "es"])
        #expect(
            exists.status == 73 && exists.stderr.contains("\(existing) ya existe; elija otro nombre o añada --force para sustituirlo"),
            "\(exists.stderr)")
        let nothing = try runner.run(["resume", "--lang", "es"])
        #expect(nothing.status == 66 && nothing.stderr.contains("no hay ningún cribado sin terminar que continuar"), "\(nothing.stderr)")
        let both = try runner.run(["report", "--lang", "es"])
        #expect(
            both.status == 64 && both.stderr.contains("Indique --answers ARCHIVO, o --answers-dir CARPETA con --out-dir CARPETA."), "\(both.stderr)")
    }

    /// A file that cannot be read is said in Spanish with --lang es (in English without), and the
    /// history's list names the nutrients in the language asked for, whichever language kept them
    /// (history show shows the assessment as it was kept, in its language: nothing is rescored).
    @Test func fileProblemsAndTheHistoryAreInSpanish() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let missing = runner.state + "/falta.yaml"
        let spanish = try runner.run(["report", "--answers", missing, "--lang", "es"])
        #expect(spanish.status == 66, "\(spanish.stderr)")
        #expect(
            spanish.stderr.contains("\(missing):1:1: no se puede leer el archivo de respuestas: no existe; compruebe la ruta"), "\(spanish.stderr)")
        let english = try runner.run(["report", "--answers", missing])
        #expect(english.stderr.contains("\(missing):1:1: cannot read the answers file: no such file; check the path"), "\(english.stderr)")
        let folder = try runner.run(["assess", "--answers", runner.state, "--lang", "es"])
        #expect(folder.status == 66 && folder.stderr.contains(": es una carpeta, no un archivo; compruebe la ruta"), "\(folder.stderr)")
        let questionnaire = try runner.run(["validate", missing, "--lang", "es"])
        #expect(questionnaire.status == 66, "\(questionnaire.stderr)")
        let before = ProcessRunner.repository + "/Tests/ReportPDFTests/Fixtures/ann-before-b12.yaml"
        #expect(try runner.run(["history", "import", before]).status == 0, "kept in English")
        let list = try runner.run(["history", "--lang", "es"])
        #expect(list.stdout.contains("Vitamina B12 Probable (7)") && !list.stdout.contains("Vitamin B12"), "\(list.stdout)")
        let back = try runner.run(["history"])
        #expect(back.stdout.contains("Vitamin B12 Likely (7)"), "\(back.stdout)")
    }
}
