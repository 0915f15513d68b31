import Foundation
import Localization
import Screening

/// What the report says, as a tree of blocks with no coordinates. The pager decides where.
public struct ReportDocument: Sendable, Equatable {
    public var metadata: Metadata
    /// Shown at the top of every page.
    public var runningHeader: String
    /// Shown at the bottom of every page, beside "Page X of Y".
    public var runningFooter: String
    public var blocks: [Block]
    /// The natural language of the text (the PDF's `/Lang`, and the pager's "Page X of Y").
    public var language: Language

    public init(metadata: Metadata, runningHeader: String, runningFooter: String, blocks: [Block], language: Language = .en) {
        self.metadata = metadata
        self.language = language
        self.runningHeader = runningHeader
        self.runningFooter = runningFooter
        self.blocks = blocks
    }

    /// Every piece of text the document shows, for checking which characters its fonts need.
    public var texts: [String] {
        var texts = [runningHeader, runningFooter]
        func add(_ text: StyledText) { texts += text.map(\.text) }
        for block in blocks {
            switch block {
            case .heading(let h): texts.append(h.text)
            case .paragraph(let p): add(p.text)
            case .callout(let c):
                texts += [c.symbol, c.title]
                for paragraph in c.paragraphs { add(paragraph.text) }
            case .table(let t): texts += t.columns.map(\.title) + t.rows.flatMap { $0 }
            case .scoreChart(let c): texts += c.columnTitles + c.rows.flatMap { [$0.name, $0.bandText, $0.linkText] + $0.reasons }
            case .trendChart(let c): texts += [c.title, c.missingText] + c.columns + c.rows.map(\.name)
            case .checklist(let l): l.items.forEach(add)
            case .notesBox(let n): texts.append(n.title)
            case .spacer: break
            }
        }
        return texts
    }

    /// PDF document information.
    public struct Metadata: Sendable, Equatable {
        public var title: String
        public var subject: String
        public var keywords: String
        public var creator: String
        /// Written as the PDF creation date, in UTC.
        public var created: Date

        public init(title: String, subject: String, keywords: String, creator: String, created: Date) {
            self.title = title
            self.subject = subject
            self.keywords = keywords
            self.creator = creator
            self.created = created
        }
    }
}

/// A run of text in one weight.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool

    public init(_ text: String, bold: Bool = false) {
        self.text = text
        self.bold = bold
    }
}

/// Text made of runs, laid out as one paragraph.
public typealias StyledText = [TextRun]

/// The type sizes the report uses.
public enum FontStyle: String, Sendable, Equatable, CaseIterable {
    case title, heading1, heading2, body, small, tableHeader, tableBody, symbol, fine

    /// Size in points.
    public var size: Double {
        switch self {
        case .title: 18
        case .heading1: 14
        case .heading2: 12
        case .body: 10
        case .small: 8
        case .tableHeader, .tableBody: 8.5
        case .symbol: 20
        case .fine: 7.5
        }
    }

    public var bold: Bool { [.title, .heading1, .heading2, .tableHeader, .symbol].contains(self) }
}

/// One block of the report.
public enum Block: Sendable, Equatable {
    case heading(Heading)
    case paragraph(Paragraph)
    case callout(Callout)
    case table(Table)
    case scoreChart(ScoreChart)
    /// Scores over several screenings.
    case trendChart(TrendChart)
    case checklist(Checklist)
    case notesBox(NotesBox)
    case spacer(Double)
}

/// A section title; keeps with the block after it and becomes a bookmark.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// Named destination for links to this heading.
    public var destination: String

    public init(level: Int, text: String, destination: String) {
        self.level = level
        self.text = text
        self.destination = destination
    }
}

public struct Paragraph: Sendable, Equatable {
    public var text: StyledText
    public var style: FontStyle
    /// Grey level of the text, 0 (black) to 1 (white).
    public var gray: Double

    public init(_ text: StyledText, style: FontStyle = .body, gray: Double = 0) {
        self.text = text
        self.style = style
        self.gray = gray
    }
}

/// A boxed message with a symbol, such as the triage box. Kept together when it fits on a page.
public struct Callout: Sendable, Equatable {
    /// Decoration beside the title (the title says the same in words; never colour alone).
    public var symbol: String
    public var title: String
    public var paragraphs: [Paragraph]
    /// Border width: heavier for more urgent messages.
    public var borderWidth: Double
    public var fillGray: Double

    public init(symbol: String, title: String, paragraphs: [Paragraph], borderWidth: Double, fillGray: Double) {
        self.symbol = symbol
        self.title = title
        self.paragraphs = paragraphs
        self.borderWidth = borderWidth
        self.fillGray = fillGray
    }
}

/// A table whose rows never split and whose header repeats on each page.
public struct Table: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        /// Share of the content width; the shares of a table add up to 1.
        public var share: Double
        public var alignRight: Bool

        public init(_ title: String, share: Double, alignRight: Bool = false) {
            self.title = title
            self.share = share
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Set in smaller type with less padding, for an appendix.
    public var compact: Bool

    public init(columns: [Column], rows: [[String]], compact: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.compact = compact
    }
}

/// Horizontal bars of scores against their band thresholds.
public struct ScoreChart: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var score: Double
        public var possible: Double
        public var likely: Double
        public var band: Band
        /// The band in words with the score, as the report shows it: "Likely (9)".
        public var bandText: String
        /// Named destination of the nutrient's section, when it has one.
        public var link: String?
        /// What the link does, for screen readers ("Iron: go to its section").
        public var linkText: String
        /// The strongest reasons for the score, shown beside the bar when the chart has room for them.
        public var reasons: [String]
        /// The bar in words, for readers who cannot see it.
        public var alternativeText: String

        public init(
            name: String, score: Double, possible: Double, likely: Double, band: Band, bandText: String, link: String?, linkText: String = "",
            reasons: [String] = [], alternativeText: String
        ) {
            self.name = name
            self.score = score
            self.possible = possible
            self.likely = likely
            self.band = band
            self.bandText = bandText
            self.link = link
            self.linkText = linkText
            self.reasons = reasons
            self.alternativeText = alternativeText
        }
    }

    public var rows: [Row]
    /// The column headers: the nutrient, its bar, its band and score, and its reasons.
    public var columnTitles: [String]
    /// The right end of every bar.
    public var scale: Double

    public init(rows: [Row], columnTitles: [String], scale: Double) {
        self.rows = rows
        self.columnTitles = columnTitles
        self.scale = scale
    }
}

/// Items with empty tick boxes, in one column or more (read across, row by row).
public struct Checklist: Sendable, Equatable {
    public var items: [StyledText]
    public var columns: Int
    public var style: FontStyle

    public init(items: [StyledText], columns: Int = 1, style: FontStyle = .body) {
        self.items = items
        self.columns = max(1, columns)
        self.style = style
    }
}

/// A ruled box for handwritten notes. Its number of lines may shrink to `minimumLines` so the
/// report does not end on a nearly empty page.
public struct NotesBox: Sendable, Equatable {
    public var title: String
    public var lines: Int
    public var minimumLines: Int

    public init(title: String, lines: Int, minimumLines: Int? = nil) {
        self.title = title
        self.lines = lines
        self.minimumLines = min(minimumLines ?? lines, lines)
    }
}
