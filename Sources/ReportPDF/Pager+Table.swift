import Report

/// Tables: rows never split (unless one is taller than a page), and the header repeats on each page.
extension Pager {
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
    func widestWord(_ text: String, style: FontStyle) -> Double {
        text.split(separator: " ").map { width(of: String($0), style: style, bold: true) }.max() ?? 0
    }

    /// The width of `text` on one line.
    func width(of text: String, style: FontStyle, bold: Bool) -> Double {
        measurer.lines(of: [TextRun(text, bold: bold)], style: style, width: 100_000).map(\.width).max() ?? 0
    }

    /// The type of a table's cells: smaller in a compact table.
    func cellStyle(_ t: Table, header: Bool) -> FontStyle { header ? .tableHeader : t.compact ? .fine : .tableBody }

    /// Padding above and below a cell's text.
    func padY(_ t: Table) -> Double { t.compact ? 1.5 : Self.cellPadY }

    func cellLines(_ text: String, _ t: Table, header: Bool, width: Double) -> [MeasuredLine] {
        measurer.lines(of: [TextRun(text, bold: header)], style: cellStyle(t, header: header), width: width - 2 * Self.cellPadX)
    }

    func tableHeaderHeight(_ t: Table) -> Double { rowHeight(t.columns.map(\.title), t, header: true) }

    func rowHeight(_ cells: [String], _ t: Table, header: Bool = false) -> Double {
        zip(cells, columnWidths(t)).map { cellLines($0, t, header: header, width: $1).reduce(0) { $0 + $1.height } }.max().map { $0 + 2 * padY(t) }
            ?? 0
    }

    func placeTable(_ t: Table, _ w: inout PageWriter) {
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

    func placeCells(
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
}
