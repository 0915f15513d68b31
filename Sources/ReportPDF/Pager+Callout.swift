import Report

/// Callouts: a boxed title and paragraphs beside a symbol, kept on one page when they fit.
extension Pager {
    func calloutInnerWidth() -> Double { geometry.contentWidth - 2 * Self.calloutPad - Self.calloutSymbolWidth }

    func calloutParts(_ c: Callout) -> [(Paragraph, [MeasuredLine])] {
        let title = Paragraph([TextRun(c.title, bold: true)], style: .body)
        return ([title] + c.paragraphs).map { ($0, measurer.lines(of: $0.text, style: $0.style, width: calloutInnerWidth())) }
    }

    func calloutHeight(_ c: Callout) -> Double {
        let parts = calloutParts(c)
        return parts.reduce(0) { $0 + $1.1.reduce(0) { $0 + $1.height } } + Double(parts.count - 1) * 4 + 2 * Self.calloutPad
    }

    func placeCallout(_ c: Callout, _ w: inout PageWriter) {
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
}
