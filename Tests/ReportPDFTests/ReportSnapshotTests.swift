import Foundation
import Testing

@testable import Report
@testable import ReportPDF

/// Golden text snapshot of the laid-out sample report (Pango measurement, pinned fonts).
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ReportSnapshotTests`.
@Suite struct ReportSnapshotTests {
    static let snapshot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/sample-report.txt").path

    @Test func theSampleLayoutMatchesItsSnapshot() throws {
        let document = Sample.document(try Sample.assessment())
        let layout = ReportRenderer.layout(document, paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty)
        let recorded = RecordingRenderer.record(layout)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try recorded.write(toFile: Self.snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: Self.snapshot, encoding: .utf8)
        if recorded != expected {
            let got = recorded.split(separator: "\n")
            let want = expected.split(separator: "\n")
            let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record(
                "layout differs from the snapshot at line \((first?.offset ?? min(got.count, want.count)) + 1): got '\(first?.element.0 ?? "")', expected '\(first?.element.1 ?? "")'. Re-record with RECORD_SNAPSHOTS=1 if the change is intended."
            )
        }
    }

    @Test func theDocumentFollowsTheIssuesOrder() throws {
        let document = Sample.document(try Sample.assessment())
        let headings = document.blocks.compactMap { if case .heading(let h) = $0, h.level <= 1 { h.text } else { nil } }
        #expect(headings.first == "Nutrition screening summary")
        #expect(Array(headings.prefix(2)) == ["Nutrition screening summary", "Summary for the doctor"])
        #expect(
            Array(headings.suffix(5)) == ["Validated questionnaires", "Symptoms at a glance", "All answers", "Notes for the clinician", "References"])
        let callouts = document.blocks.compactMap { if case .callout(let c) = $0 { c } else { nil } }
        #expect(callouts.count == 1)
        #expect(callouts[0].title.hasPrefix("ROUTINE"))
        #expect(callouts[0].symbol == "i")
    }

    @Test func userTextIsEscapedBeforeMarkup() throws {
        #expect(PangoTextEngine.escape("Tom & <Jerry> \"quoted\"") == "Tom &amp; &lt;Jerry&gt; &quot;quoted&quot;")
        let engine = try PangoTextEngine.forCurrentThread()
        let lines = engine.lines(of: [TextRun("a & b <i>not italic</i>")], style: .body, width: 400)
        #expect(lines.map(\.text).joined() == "a & b <i>not italic</i>")
    }
}
