import TestSupport
import Testing

@testable import Report
@testable import ReportPDF

/// The pure pager, with a fixed-width measurer: 5 pt per character at 10 pt, 12 pt lines.
@Suite struct PagerTests {
    let geometry = PageGeometry(paper: .a4)
    var pager: Pager { Pager(geometry: geometry, measurer: FixedWidthMeasurer()) }

    private func document(_ blocks: [Block]) -> ReportDocument {
        ReportDocument(
            metadata: .init(title: "T", subject: "S", keywords: "K", creator: "C", created: .init(timeIntervalSince1970: 0)), runningHeader: "Header",
            runningFooter: "Footer", blocks: blocks)
    }

    private func texts(_ page: LaidOutPage) -> [PlacedText] {
        page.elements.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }

    /// A paragraph of `lines` lines (each line holds 97 characters at body size in A4's content width).
    private func paragraph(lines: Int, word: String = "word") -> Block {
        let perLine = Int(geometry.contentWidth / 5)
        let line = String(repeating: "x", count: perLine)
        return .paragraph(Paragraph([TextRun(Array(repeating: line, count: lines).joined(separator: " "))]))
    }

    @Test func pagesBreakWhenTheyAreFullAndNothingRunsPastTheMargin() {
        let layout = pager.layout(document(Array(repeating: paragraph(lines: 10), count: 12)))
        #expect(layout.pages.count == 3)
        #expect(layout.overflows.isEmpty)
        for page in layout.pages {
            for text in texts(page) where text.style == .body {
                #expect(text.y >= geometry.contentTop - 0.001)
                #expect(text.y + text.height <= geometry.contentBottom + 0.001)
            }
        }
    }

    @Test func everyPageSaysPageXOfY() {
        let layout = pager.layout(document(Array(repeating: paragraph(lines: 10), count: 12)))
        for (index, page) in layout.pages.enumerated() {
            #expect(texts(page).contains { $0.lines.first?.text == "Page \(index + 1) of 3" && $0.alignRight })
            #expect(texts(page).contains { $0.lines.first?.text == "Header" })
        }
    }

    @Test func tableHeadersRepeatAndRowsNeverSplit() {
        let rows = (1...150).map { ["Question \($0) with some words", "Answer \($0)"] }
        let table = Table(columns: [.init("Question", share: 0.6), .init("Answer", share: 0.4)], rows: rows)
        let layout = pager.layout(document([.table(table)]))
        #expect(layout.pages.count > 1)
        var seen: [String] = []
        for page in layout.pages {
            let body = texts(page).filter { $0.style == .tableHeader || $0.style == .tableBody }
            #expect(body.first?.lines.first?.text == "Question", "every page starts with the header row")
            #expect(body.first?.style == .tableHeader)
            for text in body where text.style == .tableBody {
                #expect(text.firstLine == 0, "a row was split")
                if text.lines.first?.text.hasPrefix("Question") == true { seen.append(text.lines.map(\.text).joined(separator: " ")) }
            }
        }
        #expect(seen.count == 150)
        #expect(seen.last == "Question 150 with some words")
    }

    @Test func aHeadingKeepsWithTheNextBlock() {
        // Fill the page until only about two lines are left, then a heading and a paragraph.
        let filler = paragraph(lines: Int((geometry.contentHeight - 30) / 12) - 1)
        let layout = pager.layout(document([filler, .heading(Heading(level: 1, text: "Section", destination: "s")), paragraph(lines: 6)]))
        let headingPage = layout.pages.firstIndex { texts($0).contains { $0.lines.first?.text == "Section" } }
        #expect(headingPage == 1, "the heading moved to the next page with its paragraph")
        #expect(layout.outline == [OutlineEntry(level: 1, title: "Section", destination: "s", page: 2)])
    }

    @Test func paragraphsLeaveNoWidowOrOrphan() {
        let lineHeight = 12.0
        let capacity = Int(geometry.contentHeight / lineHeight)
        for fillerLines in [capacity - 1, capacity - 2, capacity - 3, capacity - 5] {
            let layout = pager.layout(document([paragraph(lines: fillerLines), paragraph(lines: 5)]))
            let pieces = layout.pages.flatMap { page in
                texts(page).filter { $0.style == .body && $0.lines.count < 10 && $0.lines.first?.text.hasPrefix("x") == true }
            }
            for piece in pieces { #expect(piece.lines.count >= 2, "a lone line with \(fillerLines) filler lines") }
            #expect(pieces.reduce(0) { $0 + $1.lines.count } == 5)
        }
    }

    @Test func anOverLongWordBreaksInsideTheLine() {
        let word = String(repeating: "a", count: 500)
        let layout = pager.layout(
            document([
                .paragraph(Paragraph([TextRun(word)])),
                .table(Table(columns: [.init("A", share: 0.2), .init("B", share: 0.8)], rows: [[word, "b"]])),
            ]))
        #expect(layout.overflows.isEmpty)
        let cell = layout.pages.flatMap(texts).first { $0.style == .tableBody && $0.lines.count > 1 }
        #expect(cell != nil)
        #expect(cell.map { $0.lines.allSatisfy { $0.width <= $0.width } } == true)
        #expect(cell.map { $0.lines.map(\.text).joined() } == word)
    }

    @Test func aRowTallerThanAPageIsSplitRatherThanLost() {
        let huge = Array(repeating: "line", count: 2000).joined(separator: " ")
        let table = Table(columns: [.init("Q", share: 0.2), .init("A", share: 0.8)], rows: [["short", huge]])
        let layout = pager.layout(document([.table(table)]))
        #expect(layout.overflows.isEmpty, "\(layout.overflows)")
        let cells = layout.pages.flatMap(texts).filter { $0.style == .tableBody && $0.lines.first?.text.hasPrefix("line") == true }
        #expect(cells.count > 1)
        #expect(cells.map(\.firstLine) == cells.indices.map { i in cells.prefix(i).reduce(0) { $0 + $1.lines.count } })
    }

    @Test func overflowingTextIsReported() {
        struct Wide: TextMeasurer {
            func lines(of text: StyledText, style: FontStyle, width: Double) -> [MeasuredLine] {
                [MeasuredLine(text: text.map(\.text).joined(), width: width + 50, height: 12, baseline: 10)]
            }
        }
        let layout = Pager(geometry: geometry, measurer: Wide()).layout(document([.paragraph(Paragraph([TextRun("too wide")]))]))
        #expect(layout.overflows.contains { $0.contains("'too wide'") })
    }

    @Test func structureTagsBalanceOnEveryPage() {
        let rows = (1...120).map { ["Q\($0)", "A"] }
        let layout = pager.layout(
            document([
                .heading(Heading(level: 1, text: "H", destination: "h")), paragraph(lines: 3),
                .table(Table(columns: [.init("Q", share: 0.5), .init("A", share: 0.5)], rows: rows)),
                .checklist(Checklist(items: [[TextRun("a")], [TextRun("b")]], columns: 2)),
                .notesBox(NotesBox(title: "N", lines: 3)),
            ]))
        var stack: [String] = []
        for page in layout.pages {
            for element in page.elements {
                switch element {
                case .begin(let tag): stack.append(tag)
                case .end(let tag): #expect(stack.popLast() == tag)
                default: break
                }
            }
            #expect(stack == (page == layout.pages.last ? [] : ["Document"]), "only Document stays open across pages")
        }
    }
}
