import Foundation
import Report

/// Writes a report's document (before paging) as plain text, one block a line or a few, for
/// golden snapshot tests: a change in what the report says shows here, a change in layout only
/// in the page snapshots (`RecordingRenderer`).
public enum DocumentRecorder {
    public static func record(_ document: ReportDocument) -> String {
        let m = document.metadata
        var out = [
            "language \(document.language.rawValue)", "title \(m.title)", "subject \(m.subject)", "keywords \(m.keywords)",
            "creator \(m.creator)", "header \(document.runningHeader)", "footer \(document.runningFooter)",
        ]
        for block in document.blocks {
            switch block {
            case .heading(let h): out.append("heading \(h.level) #\(h.destination): \(h.text)")
            case .paragraph(let p): out.append(paragraph(p))
            case .callout(let c):
                out.append("callout '\(c.symbol)' border \(n(c.borderWidth)) fill \(n(c.fillGray)): \(c.title)")
                out += c.paragraphs.map { "  " + paragraph($0) }
            case .table(let t):
                out.append(
                    "table\(t.compact ? " compact" : ""): "
                        + t.columns.map { "\($0.title) \(n($0.share))\($0.alignRight ? " right" : "")" }.joined(separator: " | "))
                out += t.rows.map { "  row: " + $0.joined(separator: " | ") }
            case .scoreChart(let c):
                out.append("score chart to \(n(c.scale)): " + c.columnTitles.joined(separator: " | "))
                for row in c.rows {
                    out.append(
                        "  row \(row.name) \(n(row.score)) (\(n(row.possible))/\(n(row.likely))) \(row.band.rawValue) '\(row.bandText)'"
                            + (row.link.map { " -> \($0) '\(row.linkText)'" } ?? "") + " alt '\(row.alternativeText)'")
                    out += row.reasons.map { "    reason: \($0)" }
                }
            case .trendChart(let c):
                out.append("trend chart to \(n(c.scale)) (missing '\(c.missingText)'): \(c.title) | " + c.columns.joined(separator: " | "))
                for row in c.rows {
                    let points = row.points.map { $0.map { "\($0.scoreText) \($0.band.rawValue) alt '\($0.alternativeText)'" } ?? "-" }
                    out.append("  row \(row.name) (\(n(row.possible))/\(n(row.likely))): " + points.joined(separator: " | "))
                }
            case .checklist(let l):
                out.append("checklist \(l.columns) columns \(l.style.rawValue)")
                out += l.items.map { "  item: " + runs($0) }
            case .notesBox(let b): out.append("notes box \(b.lines) lines (at least \(b.minimumLines)): \(b.title)")
            case .spacer(let height): out.append("spacer \(n(height))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func paragraph(_ p: Paragraph) -> String {
        "paragraph \(p.style.rawValue)\(p.gray == 0 ? "" : " gray \(n(p.gray))"): " + runs(p.text)
    }

    /// Runs joined, bold ones between asterisks.
    private static func runs(_ text: StyledText) -> String { text.map { $0.bold ? "*\($0.text)*" : $0.text }.joined() }

    /// Two decimal places at most.
    private static func n(_ d: Double) -> String {
        let rounded = (d * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
