import Report

/// Paper sizes in points (1/72 inch).
public enum PaperSize: String, Sendable, Equatable, CaseIterable {
    case a4, letter

    public var width: Double { self == .a4 ? 595.276 : 612 }
    public var height: Double { self == .a4 ? 841.890 : 792 }
}

/// Where things go on a page.
public struct PageGeometry: Sendable, Equatable {
    public var paper: PaperSize
    public var marginLeft = 54.0
    public var marginRight = 54.0
    public var marginTop = 54.0
    public var marginBottom = 52.0

    public init(paper: PaperSize) { self.paper = paper }

    public var contentLeft: Double { marginLeft }
    public var contentWidth: Double { paper.width - marginLeft - marginRight }
    public var contentTop: Double { marginTop }
    public var contentBottom: Double { paper.height - marginBottom }
    public var contentHeight: Double { contentBottom - contentTop }
    /// Baseline area of the running header and footer.
    public var headerTop: Double { 30 }
    public var footerTop: Double { paper.height - 42 }
}

/// The pager's output: pages of positioned elements, ready to draw.
public struct PageLayout: Sendable, Equatable {
    public var geometry: PageGeometry
    public var pages: [LaidOutPage]
    public var outline: [OutlineEntry]
    /// Anything that did not fit where it was put; empty for a good layout.
    public var overflows: [String]
    /// Lines that hold nothing but punctuation (a comma pushed alone onto a line of a narrow
    /// column); empty for a good layout, though typed text may cause them.
    public var lonePunctuation: [String]
    /// How much of the last page's content area is used, from 0 to 1.
    public var lastPageFill: Double

    /// The alternative texts of the figures, in document order.
    public var figureTexts: [String] {
        pages.flatMap { $0.elements.compactMap { if case .figure(let text) = $0 { text } else { nil } } }
    }

    /// The alternative texts of the links, in document order.
    public var linkTexts: [String] {
        pages.flatMap { $0.elements.compactMap { if case .link(_, _, _, _, _, let text) = $0 { text } else { nil } } }
    }
}

public struct LaidOutPage: Sendable, Equatable {
    public var elements: [Element]
}

/// A bookmark.
public struct OutlineEntry: Sendable, Equatable {
    public var level: Int
    public var title: String
    public var destination: String
    public var page: Int
}

/// Text placed in a box: the lines `firstLine…` of the text laid out at `width`.
public struct PlacedText: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var style: FontStyle
    public var gray: Double
    public var text: StyledText
    public var lines: [MeasuredLine]
    public var firstLine: Int
    public var alignRight: Bool

    public var height: Double { lines.reduce(0) { $0 + $1.height } }
}

/// One thing drawn on a page, in drawing order.
public enum Element: Sendable, Equatable {
    case text(PlacedText)
    /// A rectangle: stroked when `stroke` > 0, filled when `fill` is set (grey level).
    case rect(x: Double, y: Double, width: Double, height: Double, stroke: Double, fill: Double?)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, gray: Double)
    /// Start of a link (ended by `.end("Link")`): a clickable area that jumps to a named
    /// destination, with the words a screen reader says for it.
    case link(x: Double, y: Double, width: Double, height: Double, destination: String, alternativeText: String)
    /// Start of a figure (ended by `.end("Figure")`) with its alternative text.
    case figure(alternativeText: String)
    /// A named destination.
    case destination(name: String, x: Double, y: Double)
    /// Start and end of a structure element (Document, H1, P, Table, TR, TH, TD, L, LI, Sect), or
    /// of an `Artifact`: decoration (running header and footer, a callout's symbol) outside the
    /// structure.
    case begin(String)
    case end(String)
}
