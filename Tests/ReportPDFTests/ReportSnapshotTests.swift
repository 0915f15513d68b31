import Foundation
import Localization
import TestSupport
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// Golden text snapshots of the report for a typical screening (two nutrients flagged), a benign
/// one (nothing flagged) and the kitchen-sink sample, and the sample in Spanish: each case's
/// document before paging (`NAME.document.txt`: what the report says) and its laid-out pages
/// (`NAME.txt`: Pango measurement, pinned fonts), so a change in what the report says can be
/// told from a change in layout.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ReportSnapshotTests`: a recording run
/// writes the files and fails, so a recording never passes for a check.
@Suite(.serialized) struct ReportSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    /// The cases: snapshot name, answers file and language.
    static let cases: [(String, String, Language)] = [
        ("sample-report", "Reports/sample-answers.yaml", .en), ("typical-report", Sample.vignette("vegan"), .en),
        ("benign-report", Sample.vignette("benign-night-cramps"), .en), ("sample-report.es", "Reports/sample-answers.yaml", .es),
    ]

    @Test(arguments: cases)
    func theDocumentMatchesItsSnapshot(name: String, answers: String, language: Language) throws {
        Self.check(DocumentRecorder.record(Sample.document(try Sample.assessment(answers, language))), against: name + ".document")
    }

    @Test(arguments: cases)
    func theLayoutMatchesItsSnapshot(name: String, answers: String, language: Language) throws {
        let document = Sample.document(try Sample.assessment(answers, language))
        let layout = ReportRenderer.layout(document, paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty)
        Self.check(RecordingRenderer.record(layout), against: name)
    }

    /// Compares a recorded layout with the snapshot `name` (or records it, and fails, with
    /// RECORD_SNAPSHOTS set).
    static func check(_ recorded: String, against name: String) {
        let path = Self.folder + "/\(name).txt"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            do { try recorded.write(toFile: path, atomically: true, encoding: .utf8) } catch { Issue.record("cannot write \(path): \(error)") }
            Issue.record("Recorded \(path). Unset RECORD_SNAPSHOTS and run again to check against it.")
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no snapshot at \(path); record it with RECORD_SNAPSHOTS=1")
            return
        }
        if recorded != expected {
            let got = recorded.split(separator: "\n")
            let want = expected.split(separator: "\n")
            let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record(
                "\(name): differs from the snapshot at line \((first?.offset ?? min(got.count, want.count)) + 1): got '\(first?.element.0 ?? "")', expected '\(first?.element.1 ?? "")'. Re-record with RECORD_SNAPSHOTS=1 if the change is intended."
            )
        }
    }

    @Test func theDocumentFollowsTheIssuesOrder() throws {
        let document = Sample.document(try Sample.assessment())
        let headings = document.blocks.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(
            Array(headings.prefix(6)) == [
                "Nutrition screening summary", "Why they came", "Long-term conditions", "Medicines and supplements", "Flagged nutrients",
                "Tests to discuss",
            ])
        #expect(Array(headings.suffix(3)) == ["The other answers", "Notes for the clinician", "References"])
        let callouts = document.blocks.compactMap { if case .callout(let c) = $0 { c } else { nil } }
        #expect(callouts.count == 1)
        // Iron in a woman after the menopause: a blood count and ferritin within about 2 weeks.
        #expect(callouts[0].title.hasPrefix("SOON"))
        #expect(callouts[0].symbol == "i")
    }

    @Test func theSpanishDocumentFollowsTheSameOrder() throws {
        let document = Sample.document(try Sample.assessment("Reports/sample-answers.yaml", .es))
        let headings = document.blocks.compactMap { if case .heading(let h) = $0 { h.text } else { nil } }
        #expect(
            Array(headings.prefix(6)) == [
                "Resumen del cribado nutricional", "Motivo de consulta", "Enfermedades de larga duración", "Medicamentos y suplementos",
                "Nutrientes señalados", "Pruebas para hablar con su médico",
            ])
        #expect(Array(headings.suffix(3)) == ["Las demás respuestas", "Notas para el profesional sanitario", "Referencias"])
        #expect(document.language == .es)
        #expect(
            document.runningHeader == "Resumen del cribado NutriScreen — \u{2068}Sam Sample\u{2069} · completado el 1 de marzo de 2026, 10:00 UTC")
    }

    @Test func userTextIsEscapedBeforeMarkup() throws {
        #expect(PangoTextEngine.escape("Tom & <Jerry> \"quoted\"") == "Tom &amp; &lt;Jerry&gt; &quot;quoted&quot;")
        let engine = try PangoTextEngine.forCurrentThread()
        let lines = engine.lines(of: [TextRun("a & b <i>not italic</i>")], style: .body, width: 400)
        #expect(lines.map(\.text).joined() == "a & b <i>not italic</i>")
    }
}
