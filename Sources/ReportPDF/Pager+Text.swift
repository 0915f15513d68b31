import Report

/// Headings and paragraphs: a heading keeps with what follows it; a paragraph leaves at least
/// two lines at a page's top and bottom.
extension Pager {
    func headingStyle(_ level: Int) -> FontStyle { level == 0 ? .title : level == 1 ? .heading1 : .heading2 }

    func placeHeading(_ heading: Heading, before next: [Block], _ w: inout PageWriter) {
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

    func placeParagraph(_ paragraph: Paragraph, _ w: inout PageWriter) {
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
    func placeLines(_ lines: [MeasuredLine], of paragraph: Paragraph, x: Double, width: Double, _ w: inout PageWriter) {
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

}
