import Report

/// The score chart: a table of nutrients, each with its bar, band and strongest reasons.
extension Pager {
    /// Widths of the chart's columns: name, bar, band and reasons. The band column holds each
    /// row's band and score on one line, and no header word breaks; what they need beyond the
    /// usual widths comes from the reasons.
    func chartWidths(_ chart: ScoreChart) -> ChartWidths {
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

    func chartRowHeight(_ row: ScoreChart.Row, _ widths: ChartWidths) -> Double {
        let name = measurer.lines(of: [TextRun(row.name, bold: row.link != nil)], style: .tableBody, width: widths.name - 2 * Self.cellPadX)
        let reasons = reasonLines(row, width: widths.reasons)
        let text = max(name.reduce(0) { $0 + $1.height }, reasons.reduce(0) { $0 + $1.height }) + 2 * Self.cellPadY
        return max(Self.chartRowHeight, text)
    }

    func reasonLines(_ row: ScoreChart.Row, width: Double) -> [MeasuredLine] {
        row.reasons.isEmpty ? [] : measurer.lines(of: [TextRun(row.reasons.joined(separator: "\n"))], style: .fine, width: width - 2 * Self.cellPadX)
    }

    func placeChart(_ chart: ScoreChart, _ w: inout PageWriter) {
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
}
