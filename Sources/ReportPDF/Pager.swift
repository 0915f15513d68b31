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

    private func headingStyle(_ level: Int) -> FontStyle { level == 0 ? .title : level == 1 ? .heading1 : .heading2 }

    private func placeHeading(_ heading: Heading, before next: [Block], _ w: inout PageWriter) {
        let style = headingStyle(heading.level)
        let lines = measurer.lines(of: [TextRun(heading.text, bold: true)], style: style, width: geometry.contentWidth)
        let before = w.y > geometry.contentTop ? (heading.level <= 1 ? 11.0 : 7.0) : 0
        let height = lines.reduce(0) { $0 + $1.height }
        // Keep with next: the heading and the start of what follows go on the same page; a short
        // lead paragraph (three lines or fewer) counts whole, with the start of the block after it.
        var following = next.first.map(minimumStart) ?? 0
        if case .paragraph(let lead) = next.first, next.count > 1,
            measurer.lines(of: lead.text, style: lead.style, width: geometry.contentWidth).count <= 3
        {
            following =
                measurer.lines(of: lead.text, style: lead.style, width: geometry.contentWidth).reduce(0) { $0 + $1.height }
                + Self.paragraphGap + minimumStart(of: next[1])
        }
        let needed = before + height + 4 + following
        if w.remaining < needed, w.y > geometry.contentTop { w.newPage() } else { w.y += before }
        let tag = heading.level <= 1 ? "H1" : "H2"
        w.emit(.destination(name: heading.destination, x: geometry.contentLeft, y: w.y))
        if heading.level >= 1 {
            w.outline.append(OutlineEntry(level: heading.level, title: heading.text, destination: heading.destination, page: w.pages.count))
        }
        w.emit(.begin(tag))
        w.placeText(
            PlacedText(
                x: geometry.contentLeft, y: w.y, width: geometry.contentWidth, style: style, gray: 0, text: [TextRun(heading.text, bold: true)],
                lines: lines, firstLine: 0, alignRight: false))
        w.emit(.end(tag))
        w.y += height + 4
        if heading.level == 1 {
            w.emit(
                .line(x1: geometry.contentLeft, y1: w.y - 1, x2: geometry.contentLeft + geometry.contentWidth, y2: w.y - 1, width: 0.75, gray: 0.3))
            w.y += 3
        }
    }

    /// The height that must follow a heading on the same page.
    private func minimumStart(of block: Block) -> Double {
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

    private func placeParagraph(_ paragraph: Paragraph, _ w: inout PageWriter) {
        let lines = measurer.lines(of: paragraph.text, style: paragraph.style, width: geometry.contentWidth)
        // Start on the next page when not even the first lines fit, so no element is left empty.
        let opening = lines.prefix(min(Self.minimumLines, lines.count)).reduce(0) { $0 + $1.height }
        if w.remaining < opening - 0.001, w.y > geometry.contentTop { w.newPage() }
        w.emit(.begin("P"))
        placeLines(lines, of: paragraph, x: geometry.contentLeft, width: geometry.contentWidth, &w)
        w.emit(.end("P"))
        w.y += paragraph.style.size < FontStyle.body.size ? Self.paragraphGap - 2 : Self.paragraphGap
    }

    /// Places lines, splitting across pages with no single line left alone at either end.
    private func placeLines(_ lines: [MeasuredLine], of paragraph: Paragraph, x: Double, width: Double, _ w: inout PageWriter) {
        var start = 0
        while start < lines.count {
            let rest = lines[start...]
            let fitting = w.linesFitting(rest)
            var take = fitting
            if take < rest.count {
                // Widows and orphans: at least two lines on each side of a break.
                if rest.count - take < Self.minimumLines { take = rest.count - Self.minimumLines }
                if take < Self.minimumLines { take = 0 }
            }
            if take == 0 {
                if w.y > geometry.contentTop {
                    w.breakPage(inside: "P")
                    continue
                }
                take = max(1, fitting)  // a page cannot hold even two lines: place what fits
            }
            let chunk = Array(rest.prefix(take))
            w.placeText(
                PlacedText(
                    x: x, y: w.y, width: width, style: paragraph.style, gray: paragraph.gray, text: paragraph.text, lines: chunk, firstLine: start,
                    alignRight: false))
            w.y += chunk.reduce(0) { $0 + $1.height }
            start += take
            if start < lines.count { w.breakPage(inside: "P") }
        }
    }

    private func calloutInnerWidth() -> Double { geometry.contentWidth - 2 * Self.calloutPad - Self.calloutSymbolWidth }

    private func calloutParts(_ c: Callout) -> [(Paragraph, [MeasuredLine])] {
        let title = Paragraph([TextRun(c.title, bold: true)], style: .body)
        return ([title] + c.paragraphs).map { ($0, measurer.lines(of: $0.text, style: $0.style, width: calloutInnerWidth())) }
    }

    private func calloutHeight(_ c: Callout) -> Double {
        let parts = calloutParts(c)
        return parts.reduce(0) { $0 + $1.1.reduce(0) { $0 + $1.height } } + Double(parts.count - 1) * 4 + 2 * Self.calloutPad
    }

    private func placeCallout(_ c: Callout, _ w: inout PageWriter) {
        let height = calloutHeight(c)
        if w.remaining < height, height <= geometry.contentHeight { w.newPage() }
        let parts = calloutParts(c)
        var boxTop = w.y
        var boxStart = w.elementCount
        w.y += Self.calloutPad
        let innerX = geometry.contentLeft + Self.calloutPad + Self.calloutSymbolWidth
        w.emit(.begin("Sect"))
        // The symbol is decoration: the title says the same in words.
        w.emit(.begin("Artifact"))
        w.placeText(
            PlacedText(
                x: geometry.contentLeft + Self.calloutPad, y: w.y, width: Self.calloutSymbolWidth - 6, style: .symbol, gray: 0,
                text: [TextRun(c.symbol, bold: true)],
                lines: measurer.lines(of: [TextRun(c.symbol, bold: true)], style: .symbol, width: Self.calloutSymbolWidth - 6), firstLine: 0,
                alignRight: false))
        w.emit(.end("Artifact"))
        for (index, (paragraph, lines)) in parts.enumerated() {
            if index > 0 { w.y += 4 }
            var start = 0
            while start < lines.count {
                let take = max(w.linesFitting(lines[start...], reserve: Self.calloutPad), w.y <= geometry.contentTop + Self.calloutPad ? 1 : 0)
                if take == 0 {
                    // Close this page's part of the box and continue on the next page.
                    w.insertBox(
                        at: boxStart, x: geometry.contentLeft, y: boxTop, width: geometry.contentWidth, height: w.y + Self.calloutPad - boxTop,
                        stroke: c.borderWidth, fill: c.fillGray)
                    w.newPage()
                    boxTop = w.y
                    boxStart = w.elementCount
                    w.y += Self.calloutPad
                    continue
                }
                let chunk = Array(lines[start..<start + take])
                w.emit(.begin("P"))
                w.placeText(
                    PlacedText(
                        x: innerX, y: w.y, width: calloutInnerWidth(), style: paragraph.style, gray: paragraph.gray, text: paragraph.text,
                        lines: chunk, firstLine: start, alignRight: false))
                w.emit(.end("P"))
                w.y += chunk.reduce(0) { $0 + $1.height }
                start += take
            }
        }
        w.emit(.end("Sect"))
        w.y += Self.calloutPad
        w.insertBox(
            at: boxStart, x: geometry.contentLeft, y: boxTop, width: geometry.contentWidth, height: w.y - boxTop, stroke: c.borderWidth,
            fill: c.fillGray)
        w.y += Self.paragraphGap + 2
    }

    // MARK: Tables

    /// The columns' widths: each its share of the content width, but never narrower than the
    /// longest word of its header (a longer word, in another language, would otherwise break
    /// inside it); a column that needs more takes it from the widest column that can spare it.
    func columnWidths(_ t: Table) -> [Double] {
        var widths = t.columns.map { $0.share * geometry.contentWidth }
        let needed = t.columns.map { widestWord($0.title, style: .tableHeader) + 2 * Self.cellPadX }
        for index in widths.indices where widths[index] < needed[index] {
            let extra = needed[index] - widths[index]
            guard let widest = widths.indices.filter({ $0 != index }).max(by: { widths[$0] < widths[$1] }), widths[widest] - extra >= needed[widest]
            else { continue }
            widths[index] += extra
            widths[widest] -= extra
        }
        return widths
    }

    /// The width of the longest word of `text` in bold `style`.
    private func widestWord(_ text: String, style: FontStyle) -> Double {
        text.split(separator: " ").map { width(of: String($0), style: style, bold: true) }.max() ?? 0
    }

    /// The width of `text` on one line.
    private func width(of text: String, style: FontStyle, bold: Bool) -> Double {
        measurer.lines(of: [TextRun(text, bold: bold)], style: style, width: 100_000).map(\.width).max() ?? 0
    }

    /// The type of a table's cells: smaller in a compact table.
    private func cellStyle(_ t: Table, header: Bool) -> FontStyle { header ? .tableHeader : t.compact ? .fine : .tableBody }

    /// Padding above and below a cell's text.
    private func padY(_ t: Table) -> Double { t.compact ? 1.5 : Self.cellPadY }

    private func cellLines(_ text: String, _ t: Table, header: Bool, width: Double) -> [MeasuredLine] {
        measurer.lines(of: [TextRun(text, bold: header)], style: cellStyle(t, header: header), width: width - 2 * Self.cellPadX)
    }

    func tableHeaderHeight(_ t: Table) -> Double { rowHeight(t.columns.map(\.title), t, header: true) }

    private func rowHeight(_ cells: [String], _ t: Table, header: Bool = false) -> Double {
        zip(cells, columnWidths(t)).map { cellLines($0, t, header: header, width: $1).reduce(0) { $0 + $1.height } }.max().map { $0 + 2 * padY(t) }
            ?? 0
    }

    private func placeTable(_ t: Table, _ w: inout PageWriter) {
        let widths = columnWidths(t)
        let headerHeight = tableHeaderHeight(t)
        if let first = t.rows.first, w.remaining < headerHeight + rowHeight(first, t) { w.newPage() }
        w.emit(.begin("Table"))
        placeRow(t.columns.map(\.title), t, widths: widths, header: true, &w)
        for row in t.rows {
            var cells = row.map { _ in [MeasuredLine]() }
            for (index, text) in row.enumerated() { cells[index] = cellLines(text, t, header: false, width: widths[index]) }
            var offsets = cells.map { _ in 0 }
            // A row taller than a whole page is split between its lines; any other row moves whole.
            while true {
                let remainingCells = zip(cells, offsets).map { Array($0[$1...]) }
                let height = (remainingCells.map { $0.reduce(0) { $0 + $1.height } }.max() ?? 0) + 2 * padY(t)
                if height <= w.remaining {
                    placeCells(remainingCells, row, offsets: offsets, t, widths: widths, height: height, &w)
                    break
                }
                if height <= geometry.contentHeight - headerHeight || w.y > geometry.contentTop + headerHeight + 1 {
                    w.emit(.end("Table"))
                    w.newPage()
                    w.emit(.begin("Table"))
                    placeRow(t.columns.map(\.title), t, widths: widths, header: true, &w)
                    if height <= w.remaining { continue }
                }
                let room = w.remaining - 2 * padY(t)
                let parts = remainingCells.map { lines -> [MeasuredLine] in
                    var total = 0.0
                    return Array(
                        lines.prefix {
                            total += $0.height
                            return total <= room
                        })
                }
                placeCells(parts, row, offsets: offsets, t, widths: widths, height: w.remaining, &w)
                for index in offsets.indices { offsets[index] += parts[index].count }
                w.emit(.end("Table"))
                w.newPage()
                w.emit(.begin("Table"))
                placeRow(t.columns.map(\.title), t, widths: widths, header: true, &w)
            }
        }
        w.emit(.end("Table"))
        w.y += Self.paragraphGap + 3
    }

    func placeRow(_ cells: [String], _ t: Table, widths: [Double], header: Bool, _ w: inout PageWriter) {
        let lines = zip(cells, widths).map { cellLines($0, t, header: header, width: $1) }
        let height = (lines.map { $0.reduce(0) { $0 + $1.height } }.max() ?? 0) + 2 * padY(t)
        if header { w.emit(.rect(x: geometry.contentLeft, y: w.y, width: geometry.contentWidth, height: height, stroke: 0, fill: 0.88)) }
        placeCells(lines, cells, offsets: cells.map { _ in 0 }, t, widths: widths, height: height, header: header, &w)
    }

    private func placeCells(
        _ lines: [[MeasuredLine]], _ cells: [String], offsets: [Int], _ t: Table, widths: [Double], height: Double, header: Bool = false,
        _ w: inout PageWriter
    ) {
        w.emit(.begin("TR"))
        var x = geometry.contentLeft
        for (index, cellLines) in lines.enumerated() {
            w.emit(.begin(header ? "TH" : "TD"))
            if !cellLines.isEmpty {
                w.placeText(
                    PlacedText(
                        x: x + Self.cellPadX, y: w.y + padY(t), width: widths[index] - 2 * Self.cellPadX,
                        style: cellStyle(t, header: header), gray: 0, text: [TextRun(cells[index], bold: header)], lines: cellLines,
                        firstLine: offsets[index], alignRight: t.columns[index].alignRight))
            }
            w.emit(.end(header ? "TH" : "TD"))
            x += widths[index]
        }
        w.emit(.end("TR"))
        w.y += height
        w.emit(
            .line(
                x1: geometry.contentLeft, y1: w.y, x2: geometry.contentLeft + geometry.contentWidth, y2: w.y, width: header ? 0.8 : 0.3,
                gray: header ? 0.2 : 0.6))
    }

    // MARK: Chart, checklist, notes

    /// Widths of the chart's columns: name, bar, band and reasons. The band column holds each
    /// row's band and score on one line, and no header word breaks; what they need beyond the
    /// usual widths comes from the reasons.
    private func chartWidths(_ chart: ScoreChart) -> ChartWidths {
        var widths = (name: 92.0, bar: 52.0, band: 68.0, reasons: geometry.contentWidth - 212)
        let titles = chart.columnTitles + Array(repeating: "", count: max(0, 4 - chart.columnTitles.count))
        let pad = 2 * Self.cellPadX + 1
        let band =
            (chart.rows.map { width(of: $0.bandText, style: .tableBody, bold: $0.band.isFlagged) } + [widestWord(titles[2], style: .tableHeader)])
            .max()
            ?? 0
        let extra =
            max(0, widestWord(titles[0], style: .tableHeader) + pad - widths.name)
            + max(0, widestWord(titles[1], style: .tableHeader) + pad - widths.bar)
            + max(0, band + pad - widths.band)
        widths.name = max(widths.name, widestWord(titles[0], style: .tableHeader) + pad)
        widths.bar = max(widths.bar, widestWord(titles[1], style: .tableHeader) + pad)
        widths.band = max(widths.band, band + pad)
        widths.reasons -= extra
        return widths
    }

    typealias ChartWidths = (name: Double, bar: Double, band: Double, reasons: Double)

    private func chartRowHeight(_ row: ScoreChart.Row, _ widths: ChartWidths) -> Double {
        let name = measurer.lines(of: [TextRun(row.name, bold: row.link != nil)], style: .tableBody, width: widths.name - 2 * Self.cellPadX)
        let reasons = reasonLines(row, width: widths.reasons)
        let text = max(name.reduce(0) { $0 + $1.height }, reasons.reduce(0) { $0 + $1.height }) + 2 * Self.cellPadY
        return max(Self.chartRowHeight, text)
    }

    private func reasonLines(_ row: ScoreChart.Row, width: Double) -> [MeasuredLine] {
        row.reasons.isEmpty ? [] : measurer.lines(of: [TextRun(row.reasons.joined(separator: "\n"))], style: .fine, width: width - 2 * Self.cellPadX)
    }

    private func placeChart(_ chart: ScoreChart, _ w: inout PageWriter) {
        let widths = chartWidths(chart)
        let barX = geometry.contentLeft + widths.name
        let barWidth = widths.bar - 10
        let titles = chart.columnTitles + Array(repeating: "", count: max(0, 4 - chart.columnTitles.count))
        let columns: [Table.Column] = [
            .init(titles[0], share: widths.name / geometry.contentWidth),
            .init(titles[1], share: widths.bar / geometry.contentWidth),
            .init(titles[2], share: widths.band / geometry.contentWidth),
            .init(titles[3], share: widths.reasons / geometry.contentWidth),
        ]
        let header = Table(columns: columns, rows: [])
        startChart(header: header, firstRowHeight: chart.rows.first.map { chartRowHeight($0, widths) }, &w)
        for row in chart.rows {
            let height = chartRowHeight(row, widths)
            startChartRow(height: height, header: header, &w)
            let top = w.y
            w.emit(.begin("TR"))
            w.emit(.begin("TD"))
            let name = [TextRun(row.name, bold: row.link != nil)]
            let nameLines = measurer.lines(of: name, style: .tableBody, width: widths.name - 2 * Self.cellPadX)
            // A linked name is the link's own content, so a screen reader reads it as the link.
            if let link = row.link {
                w.emit(
                    .link(
                        x: geometry.contentLeft, y: top, width: widths.name, height: height, destination: link,
                        alternativeText: row.linkText))
            }
            w.placeText(
                PlacedText(
                    x: geometry.contentLeft + Self.cellPadX, y: top + Self.cellPadY, width: widths.name - 2 * Self.cellPadX, style: .tableBody,
                    gray: 0, text: name, lines: nameLines, firstLine: 0, alignRight: false))
            if row.link != nil { w.emit(.end("Link")) }
            w.emit(.end("TD"))
            // The bar: outline to the scale, fill to the score, ticks at the thresholds; a figure
            // whose alternative text says the same in words.
            w.emit(.begin("TD"))
            w.emit(.figure(alternativeText: row.alternativeText))
            placeBar(
                x: barX, top: top, width: barWidth, score: row.score, band: row.band, possible: row.possible, likely: row.likely,
                scale: chart.scale, &w)
            w.emit(.end("Figure"))
            w.emit(.end("TD"))
            w.emit(.begin("TD"))
            let band = [TextRun(row.bandText, bold: row.band.isFlagged)]
            w.placeText(
                PlacedText(
                    x: barX + widths.bar + Self.cellPadX, y: top + Self.cellPadY, width: widths.band - 2 * Self.cellPadX, style: .tableBody, gray: 0,
                    text: band, lines: Array(measurer.lines(of: band, style: .tableBody, width: widths.band - 2 * Self.cellPadX).prefix(1)),
                    firstLine: 0, alignRight: false))
            w.emit(.end("TD"))
            w.emit(.begin("TD"))
            let lines = reasonLines(row, width: widths.reasons)
            if !lines.isEmpty {
                w.placeText(
                    PlacedText(
                        x: barX + widths.bar + widths.band + Self.cellPadX, y: top + Self.cellPadY, width: widths.reasons - 2 * Self.cellPadX,
                        style: .fine, gray: 0, text: [TextRun(row.reasons.joined(separator: "\n"))], lines: lines, firstLine: 0,
                        alignRight: false))
            }
            w.emit(.end("TD"))
            endChartRow(height: height, &w)
        }
        w.emit(.end("Table"))
        w.y += Self.paragraphGap + 3
    }

    /// A chart's table begins with its header, on a new page when not even its first row would
    /// fit below it here.
    func startChart(header: Table, firstRowHeight: Double?, _ w: inout PageWriter) {
        if let firstRowHeight, w.remaining < tableHeaderHeight(header) + firstRowHeight { w.newPage() }
        w.emit(.begin("Table"))
        placeRow(header.columns.map(\.title), header, widths: columnWidths(header), header: true, &w)
    }

    /// Before a chart's row `height` tall: when it does not fit, the table goes on on a new page,
    /// its header again first.
    func startChartRow(height: Double, header: Table, _ w: inout PageWriter) {
        guard w.remaining < height else { return }
        w.emit(.end("Table"))
        w.newPage()
        w.emit(.begin("Table"))
        placeRow(header.columns.map(\.title), header, widths: columnWidths(header), header: true, &w)
    }

    /// After a chart's row `height` tall: the row ends, with a thin rule below it.
    func endChartRow(height: Double, _ w: inout PageWriter) {
        w.emit(.end("TR"))
        w.y += height
        w.emit(.line(x1: geometry.contentLeft, y1: w.y, x2: geometry.contentLeft + geometry.contentWidth, y2: w.y, width: 0.3, gray: 0.6))
    }

    /// The width of one column of a checklist, and of the text beside each box.
    private func checklistWidths(_ list: Checklist) -> (column: Double, text: Double) {
        let gutter = 12.0
        let column = (geometry.contentWidth - gutter * Double(list.columns - 1)) / Double(list.columns)
        return (column + gutter, column - 14)
    }

    private func checklistItemHeight(_ item: StyledText, _ list: Checklist) -> Double {
        let lines = measurer.lines(of: item, style: list.style, width: checklistWidths(list).text)
        return max(lines.reduce(0) { $0 + $1.height }, 10) + 2
    }

    private func placeChecklist(_ list: Checklist, _ w: inout PageWriter) {
        let widths = checklistWidths(list)
        w.emit(.begin("L"))
        // Row by row: each row is as tall as its tallest item, and never splits.
        for start in stride(from: 0, to: list.items.count, by: list.columns) {
            let row = list.items[start..<min(start + list.columns, list.items.count)]
            let height = row.map { checklistItemHeight($0, list) }.max() ?? 0
            if w.remaining < height { w.newPage() }
            for (column, item) in row.enumerated() {
                let x = geometry.contentLeft + Double(column) * widths.column
                w.emit(.begin("LI"))
                w.emit(.rect(x: x + 1, y: w.y + 1.5, width: 7, height: 7, stroke: 0.7, fill: nil))
                w.placeText(
                    PlacedText(
                        x: x + 12, y: w.y, width: widths.text, style: list.style, gray: 0, text: item,
                        lines: measurer.lines(of: item, style: list.style, width: widths.text), firstLine: 0, alignRight: false))
                w.emit(.end("LI"))
            }
            w.y += height
        }
        w.emit(.end("L"))
        w.y += Self.paragraphGap
    }

    private func notesHeight(_ box: NotesBox) -> Double { 24 + Double(box.lines) * 22 + 6 }

    private func placeNotes(_ box: NotesBox, _ w: inout PageWriter) {
        let height = notesHeight(box)
        if w.remaining < height { w.newPage() }
        let top = w.y
        w.emit(.rect(x: geometry.contentLeft, y: top, width: geometry.contentWidth, height: height, stroke: 0.8, fill: nil))
        w.emit(.begin("P"))
        let title = [TextRun(box.title, bold: true)]
        w.placeText(
            PlacedText(
                x: geometry.contentLeft + 8, y: top + 6, width: geometry.contentWidth - 16, style: .body, gray: 0, text: title,
                lines: measurer.lines(of: title, style: .body, width: geometry.contentWidth - 16), firstLine: 0, alignRight: false))
        w.emit(.end("P"))
        for index in 1...max(box.lines, 1) {
            let y = top + 24 + Double(index) * 22
            w.emit(.line(x1: geometry.contentLeft + 8, y1: y, x2: geometry.contentLeft + geometry.contentWidth - 8, y2: y, width: 0.4, gray: 0.55))
        }
        w.y += height + Self.paragraphGap
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

/// The page being filled, and the ones before it.
struct PageWriter {
    let geometry: PageGeometry
    var pages: [[Element]] = [[]]
    var y: Double
    var outline: [OutlineEntry] = []
    var overflows: [String] = []
    var lonePunctuation: [String] = []

    init(geometry: PageGeometry) {
        self.geometry = geometry
        self.y = geometry.contentTop
    }

    var remaining: Double { geometry.contentBottom - y }
    var elementCount: Int { pages[pages.count - 1].count }

    mutating func newPage() {
        pages.append([])
        y = geometry.contentTop
    }

    mutating func emit(_ element: Element) { pages[pages.count - 1].append(element) }

    /// A new page in the middle of a leaf element: it ends on this page and starts again on the
    /// next, so the running header and footer (artifacts) never fall inside it, where cairo would
    /// leave the rest of its text unmarked.
    mutating func breakPage(inside tag: String) {
        emit(.end(tag))
        newPage()
        emit(.begin(tag))
    }

    /// Inserts a box behind elements already placed on this page (so it is drawn first).
    mutating func insertBox(at index: Int, x: Double, y: Double, width: Double, height: Double, stroke: Double, fill: Double) {
        pages[pages.count - 1].insert(.rect(x: x, y: y, width: width, height: height, stroke: stroke, fill: fill), at: index)
    }

    /// How many of `lines` fit below `y`, keeping `reserve` free.
    func linesFitting(_ lines: ArraySlice<MeasuredLine>, reserve: Double = 0) -> Int {
        var total = 0.0
        var count = 0
        for line in lines {
            total += line.height
            if total > remaining - reserve + 0.001 { break }
            count += 1
        }
        return count
    }

    /// Places text, recording an overflow if any line is wider than its box or runs off the page.
    mutating func placeText(_ text: PlacedText) {
        for line in text.lines where line.width > text.width + 0.5 {
            overflows.append("page \(pages.count): '\(line.text.prefix(40))' is \(Int(line.width)) pt wide in a \(Int(text.width)) pt box")
        }
        if text.x < 0 || text.x + text.width > geometry.paper.width - geometry.marginRight + 0.5 {
            overflows.append("page \(pages.count): text box at x \(Int(text.x)) runs past the right margin")
        }
        // Cheap first: only a line of a few bytes can be punctuation alone. A callout's symbol
        // ("!" for urgent) stands alone on purpose.
        for line in text.lines
        where text.style != .symbol && line.text.utf8.count <= 8 && !line.text.isEmpty
            && line.text.trimmingCharacters(in: .whitespaces).allSatisfy(\.isPunctuation)
        {
            lonePunctuation.append("page \(pages.count): a line holds only '\(line.text)'")
        }
        if text.y + text.height > geometry.contentBottom + 0.5 {
            overflows.append("page \(pages.count): text '\(text.lines.first?.text.prefix(30) ?? "")' runs off the bottom of the page")
        }
        emit(.text(text))
    }
}
