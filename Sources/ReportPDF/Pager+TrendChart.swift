import Report
import Screening

/// Scores over several screenings, drawn as a table: the nutrient, then one small bar per
/// screening, each a figure with its alternative text.
extension Pager {
    /// Widths of the name column and of each screening's column.
    private func trendWidths(_ chart: TrendChart) -> (name: Double, column: Double) {
        let name = 110.0
        return (name, (geometry.contentWidth - name) / Double(max(1, chart.columns.count)))
    }

    /// The chart's header as a table with no rows: the title, then each screening's date.
    func trendHeader(_ chart: TrendChart) -> Table {
        let widths = trendWidths(chart)
        return Table(
            columns: [.init(chart.title, share: widths.name / geometry.contentWidth)]
                + chart.columns.map { .init($0, share: widths.column / geometry.contentWidth) }, rows: [])
    }

    private func trendNameLines(_ row: TrendChart.Row, _ chart: TrendChart) -> [MeasuredLine] {
        measurer.lines(of: [TextRun(row.name)], style: .tableBody, width: trendWidths(chart).name - 2 * Self.cellPadX)
    }

    func trendRowHeight(_ row: TrendChart.Row, _ chart: TrendChart) -> Double {
        max(Self.chartRowHeight, trendNameLines(row, chart).reduce(0) { $0 + $1.height } + 2 * Self.cellPadY)
    }

    func placeTrendChart(_ chart: TrendChart, _ w: inout PageWriter) {
        let widths = trendWidths(chart)
        let header = trendHeader(chart)
        // Room for the score beside each bar; a bar no longer than the summary's.
        let numberWidth = 22.0
        let barWidth = min(widths.column - 2 * Self.cellPadX - numberWidth, 120)
        startChart(header: header, firstRowHeight: chart.rows.first.map { trendRowHeight($0, chart) }, &w)
        for row in chart.rows {
            let height = trendRowHeight(row, chart)
            startChartRow(height: height, header: header, &w)
            let top = w.y
            w.emit(.begin("TR"))
            w.emit(.begin("TD"))
            w.placeText(
                PlacedText(
                    x: geometry.contentLeft + Self.cellPadX, y: top + Self.cellPadY, width: widths.name - 2 * Self.cellPadX, style: .tableBody,
                    gray: 0, text: [TextRun(row.name)], lines: trendNameLines(row, chart), firstLine: 0, alignRight: false))
            w.emit(.end("TD"))
            for (index, point) in row.points.enumerated() {
                let x = geometry.contentLeft + widths.name + Double(index) * widths.column + Self.cellPadX
                w.emit(.begin("TD"))
                let label: [TextRun]
                if let point {
                    w.emit(.figure(alternativeText: point.alternativeText))
                    placeBar(
                        x: x, top: top, width: barWidth, score: point.score, band: point.band, possible: row.possible, likely: row.likely,
                        scale: chart.scale, &w)
                    w.emit(.end("Figure"))
                    label = [TextRun(point.scoreText, bold: point.band.isFlagged)]
                } else {
                    label = [TextRun(chart.missingText)]
                }
                let labelX = point == nil ? x : x + barWidth + 3
                let labelWidth = point == nil ? widths.column - 2 * Self.cellPadX : numberWidth - 3
                // Text after a figure in the same cell needs an element of its own to be tagged.
                w.emit(.begin("P"))
                w.placeText(
                    PlacedText(
                        x: labelX, y: top + Self.cellPadY, width: labelWidth, style: .fine, gray: point == nil ? 0.35 : 0, text: label,
                        lines: Array(measurer.lines(of: label, style: .fine, width: labelWidth).prefix(1)), firstLine: 0, alignRight: false))
                w.emit(.end("P"))
                w.emit(.end("TD"))
            }
            endChartRow(height: height, &w)
        }
        w.emit(.end("Table"))
        w.y += Self.paragraphGap + 3
    }

    /// A bar of a row `chartRowHeight` tall from `top`: the outline to the scale, the fill to the
    /// score (darker for a higher band, so it reads in black and white), and ticks at the
    /// thresholds (one for Possible, two for Likely).
    func placeBar(
        x: Double, top: Double, width: Double, score: Double, band: Band, possible: Double, likely: Double, scale: Double,
        _ w: inout PageWriter
    ) {
        let scale = max(scale, 1)
        let barTop = top + 4
        let barHeight = Self.chartRowHeight - 8
        w.emit(.rect(x: x, y: barTop, width: width, height: barHeight, stroke: 0.5, fill: nil))
        let filled = max(0, min(score, scale)) / scale * width
        if filled > 0 {
            w.emit(
                .rect(x: x, y: barTop, width: filled, height: barHeight, stroke: 0, fill: band == .likely ? 0.15 : band == .possible ? 0.45 : 0.75))
        }
        for (threshold, double) in [(possible, false), (likely, true)] where threshold <= scale {
            let tx = x + threshold / scale * width
            w.emit(.line(x1: tx, y1: barTop - 2, x2: tx, y2: barTop + barHeight + 2, width: 1, gray: 0))
            if double { w.emit(.line(x1: tx + 2, y1: barTop - 2, x2: tx + 2, y2: barTop + barHeight + 2, width: 1, gray: 0)) }
        }
    }
}
