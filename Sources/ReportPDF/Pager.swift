import Foundation
import Localization
import Report
import Screening

/// Places a document's blocks on pages. Pure: the same document and measurer give the same pages.
///
/// Rules: headings keep with the next block; table rows never split (unless a single row is
/// taller than a page) and the header repeats on each page; paragraphs leave at least two lines at
/// a page's top and bottom; callouts, checklist items and the notes box stay together when they
/// fit on one page; "Page X of Y" and the running header go on every page.
public struct Pager {
    public let geometry: PageGeometry
    public let measurer: any TextMeasurer

    public init(geometry: PageGeometry, measurer: any TextMeasurer) {
        self.geometry = geometry
        self.measurer = measurer
    }

    // Spacing, in points.
    static let paragraphGap = 5.0
    static let cellPadX = 4.0
    static let cellPadY = 3.0
    static let calloutPad = 10.0
    static let calloutSymbolWidth = 34.0
    static let chartRowHeight = 17.0
    static let minimumLines = 2

    public func layout(_ document: ReportDocument) -> PageLayout {
        var writer = PageWriter(geometry: geometry)
        writer.emit(.begin("Document"))
        for (index, block) in document.blocks.enumerated() {
            let following = document.blocks.dropFirst(index + 1).filter { if case .spacer = $0 { false } else { true } }.prefix(2)
            place(block, before: Array(following), &writer)
        }
        writer.emit(.end("Document"))
        decorate(&writer, document: document)
        return PageLayout(
            geometry: geometry, pages: writer.pages.map { LaidOutPage(elements: $0) }, outline: writer.outline, overflows: writer.overflows,
            lonePunctuation: writer.lonePunctuation, lastPageFill: (writer.y - geometry.contentTop) / geometry.contentHeight)
    }

    // MARK: Blocks

    private func place(_ block: Block, before next: [Block], _ w: inout PageWriter) {
        switch block {
        case .spacer(let height):
            if w.y > geometry.contentTop { w.y = min(w.y + height, geometry.contentBottom) }
        case .heading(let heading): placeHeading(heading, before: next, &w)
        case .paragraph(let paragraph): placeParagraph(paragraph, &w)
        case .callout(let callout): placeCallout(callout, &w)
        case .table(let table): placeTable(table, &w)
        case .scoreChart(let chart): placeChart(chart, &w)
        case .trendChart(let chart): placeTrendChart(chart, &w)
        case .checklist(let list): placeChecklist(list, &w)
        case .notesBox(let box): placeNotes(box, &w)
        }
    }

    /// The height that must follow a heading on the same page.
    func minimumStart(of block: Block) -> Double {
        switch block {
        case .paragraph(let p):
            let lines = measurer.lines(of: p.text, style: p.style, width: geometry.contentWidth)
            return lines.prefix(Self.minimumLines).reduce(0) { $0 + $1.height }
        case .table(let t): return tableHeaderHeight(t) + (t.rows.first.map { rowHeight($0, t) } ?? 0)
        case .callout(let c): return min(calloutHeight(c), geometry.contentHeight / 2)
        case .scoreChart(let c):
            return tableHeaderHeight(Table(columns: [.init(c.columnTitles.first ?? "", share: 1)], rows: []))
                + (c.rows.first.map { chartRowHeight($0, chartWidths(c)) } ?? 0)
        case .trendChart(let c): return tableHeaderHeight(trendHeader(c)) + (c.rows.first.map { trendRowHeight($0, c) } ?? 0)
        case .checklist(let l): return l.items.first.map { checklistItemHeight($0, l) } ?? 0
        case .notesBox(let n): return notesHeight(n)
        case .heading(let h):
            return measurer.lines(of: [TextRun(h.text, bold: true)], style: headingStyle(h.level), width: geometry.contentWidth).reduce(0) {
                $0 + $1.height
            } + 20
        case .spacer: return 0
        }
    }

    // MARK: Running header and footer

    private func decorate(_ w: inout PageWriter, document: ReportDocument) {
        let total = w.pages.count
        for index in w.pages.indices {
            let header = [TextRun(document.runningHeader)]
            let footer = [TextRun(document.runningFooter)]
            let pageText = [TextRun(Messages(document.language).report.page(number: index + 1, count: total), bold: true)]
            let half = geometry.contentWidth / 2
            let decorations: [Element] = [
                .text(
                    PlacedText(
                        x: geometry.contentLeft, y: geometry.headerTop, width: geometry.contentWidth, style: .small, gray: 0.3, text: header,
                        lines: Array(measurer.lines(of: header, style: .small, width: geometry.contentWidth).prefix(1)), firstLine: 0,
                        alignRight: false)),
                .line(
                    x1: geometry.contentLeft, y1: geometry.headerTop + 13, x2: geometry.contentLeft + geometry.contentWidth,
                    y2: geometry.headerTop + 13, width: 0.5, gray: 0.5),
                .line(
                    x1: geometry.contentLeft, y1: geometry.footerTop - 4, x2: geometry.contentLeft + geometry.contentWidth,
                    y2: geometry.footerTop - 4, width: 0.5, gray: 0.5),
                .text(
                    PlacedText(
                        x: geometry.contentLeft, y: geometry.footerTop, width: half + 40, style: .small, gray: 0.3, text: footer,
                        lines: Array(measurer.lines(of: footer, style: .small, width: half + 40).prefix(2)), firstLine: 0, alignRight: false)),
                .text(
                    PlacedText(
                        x: geometry.contentLeft + half + 40, y: geometry.footerTop, width: half - 40, style: .small, gray: 0, text: pageText,
                        lines: measurer.lines(of: pageText, style: .small, width: half - 40), firstLine: 0, alignRight: true)),
            ]
            // Running header and footer are artifacts, and stay inside the Document element
            // (cairo accepts one root), so on the first page they follow its start.
            let wrapped: [Element] = [.begin("Artifact")] + decorations + [.end("Artifact")]
            let at = w.pages[index].first == .begin("Document") ? 1 : 0
            w.pages[index].insert(contentsOf: wrapped, at: at)
        }
    }
}
