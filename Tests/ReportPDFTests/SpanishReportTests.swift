import Foundation
import Localization
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// The report in Spanish: every heading, label, table and reference line in Spanish, the PDF's
/// language set to Spanish, numbers with a decimal comma and dates as Spanish writes them, and
/// the same layout quality with the longer words.
@Suite(.serialized) struct SpanishReportTests {
    @Test func theSampleIsInSpanishThroughout() throws {
        let path = Sample.temporary(try Sample.pdf(try Sample.assessment("Reports/sample-answers.yaml", .es)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Sample.run("qpdf", ["--check", path]).status == 0)
        #expect(try Sample.run("qpdf", ["--json", path]).output.contains("\"/Lang\": \"u:es\""), "the document language is Spanish")
        let info = try Sample.run("pdfinfo", [path]).output
        #expect(info.contains("Title:           Resumen del cribado NutriScreen — Sam Sample"))
        #expect(info.contains("Subject:         Cribado nutricional de síntomas nerviosos y musculares"))
        let text = Sample.normalised(try Sample.run("pdftotext", ["-raw", path, "-"]).output)
        for spanish in [
            "Resumen del cribado nutricional", "Nombre: Sam Sample", "Fecha de nacimiento: 2 de noviembre de 1957 (68 años)",
            "Completado: 1 de marzo de 2026, 10:00 UTC", "Motivo de consulta", "PRONTO: vea a un médico en unas 2 semanas", "Porque:",
            "Señales de alarma preguntadas y respondidas con un no:", "Nutrientes señalados", "Franja (puntos)", "Probable (12)",
            "Pruebas para hablar con su médico", "Hemograma", "Vitamina B12: Probable", "Evidencia a favor y en contra", "Lo que respondió",
            "Otras causas que descartar", "Cuestionarios validados", "Para usted: qué puede hacer y qué preguntar", "Alimentos",
            "Cómo cuidarse", "Las demás respuestas", "Pregunta: respuesta", "Notas para el profesional sanitario", "Notas del profesional",
            "Referencias", "Aviso.", "Página 1 de 6", "Página 6 de 6", "unas 1,8 veces más hierro",
        ] {
            #expect(text.contains(spanish), "missing: \(spanish)")
        }
        // The program's own English never shows; references stay as published.
        for english in [
            "Page ", "Why they came", "Flagged nutrients", "Tests to discuss", "Because:", "Answered no", "Evidence for and against",
            "What they said", "Other causes to rule out", "Looking after yourself", "Question: answer", "Clinician's notes", "Disclaimer.",
            "Possible from", "Likely", "Score ", "Yes", "years",
        ] {
            #expect(!text.contains(english), "English left: \(english)")
        }
        #expect(text.contains("National Institute for Health and Care Excellence. Vitamin B12 deficiency in over 16s"))
    }

    /// Decimals the program writes, such as a dose typed with a fraction, take a comma.
    @Test func decimalsTakeAComma() throws {
        let document = try AnswersDocument.load(
            path: Sample.repository + "/Reports/sample-answers.yaml", questionnaire: Sample.questionnaire, today: .machine)
        var answers = document.answers
        answers["b6_mg"] = .decimal(12.5)
        let assessment = Assessor(questionnaire: Sample.spanish, today: .machine).assess(answers, name: document.name, completed: document.completed)
        #expect(assessment.answers.first { $0.id == "b6_mg" }?.answer == "12,5 mg")
        let text = Sample.normalised(Sample.document(assessment).texts.joined(separator: " "))
        #expect(text.contains("Vitamina B6 al día: 12,5 mg"), "\(text.prefix(600))")
        #expect(!text.contains("12.5"))
    }

    /// Every clinical vignette, short and long, in every language: nothing runs past its box and no
    /// line holds lone punctuation.
    @Test(arguments: Language.allCases) func everyVignetteLaysOutCleanly(_ language: Language) throws {
        let engine = try PangoTextEngine.forCurrentThread()
        let folder = Sample.repository + "/Tests/ScreeningTests/Fixtures/vignettes"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count > 30)
        for file in files {
            let assessment = try Sample.assessment("Tests/ScreeningTests/Fixtures/vignettes/" + file, language)
            for detail in ReportDetail.allCases {
                let layout = ReportRenderer.layout(Sample.document(assessment, detail: detail), paper: .a4, measurer: engine)
                #expect(layout.overflows.isEmpty, "\(file) \(detail): \(layout.overflows.prefix(2))")
                #expect(layout.lonePunctuation.isEmpty, "\(file) \(detail): \(layout.lonePunctuation.prefix(3))")
            }
        }
    }

    /// The band and score of each chart row stay on one line however long the band's name.
    @Test func theChartShowsEveryBandAndScoreWhole() throws {
        let assessment = try Sample.assessment("Reports/sample-answers.yaml", .es)
        let layout = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        let lines = layout.pages.flatMap(\.elements).compactMap { if case .text(let t) = $0 { t.lines.map(\.text) } else { nil } }.flatMap { $0 }
        for nutrient in assessment.flaggedNutrients {
            let cell =
                "\(nutrient.band.label(Messages(.es))) (\(nutrient.score == nutrient.score.rounded() ? String(Int(nutrient.score)) : "\(nutrient.score)"))"
            #expect(lines.contains(cell), "\(cell) is not on one line")
        }
    }
}
