import Report

/// Checklists (rows of tick boxes that never split) and the notes box.
extension Pager {
    /// The width of one column of a checklist, and of the text beside each box.
    func checklistWidths(_ list: Checklist) -> (column: Double, text: Double) {
        let gutter = 12.0
        let column = (geometry.contentWidth - gutter * Double(list.columns - 1)) / Double(list.columns)
        return (column + gutter, column - 14)
    }

    func checklistItemHeight(_ item: StyledText, _ list: Checklist) -> Double {
        let lines = measurer.lines(of: item, style: list.style, width: checklistWidths(list).text)
        return max(lines.reduce(0) { $0 + $1.height }, 10) + 2
    }

    func placeChecklist(_ list: Checklist, _ w: inout PageWriter) {
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

    func notesHeight(_ box: NotesBox) -> Double { 24 + Double(box.lines) * 22 + 6 }

    func placeNotes(_ box: NotesBox, _ w: inout PageWriter) {
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
}
