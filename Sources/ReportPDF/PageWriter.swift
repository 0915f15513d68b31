import Foundation

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
