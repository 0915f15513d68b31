import CCairo
import Foundation
import Report
import Screening

/// Draws laid-out pages with Cairo and Pango into a PDF held in memory: metadata, bookmarks,
/// named destinations, links, and structure tags.
public struct CairoRenderer {
    public let engine: PangoTextEngine

    public init(engine: PangoTextEngine) { self.engine = engine }

    /// The PDF bytes for `layout`.
    public func render(_ layout: PageLayout, metadata: ReportDocument.Metadata) throws(CairoError) -> Data {
        let surface = try PDFSurface(width: layout.geometry.paper.width, height: layout.geometry.paper.height)
        surface.setMetadata(CAIRO_PDF_METADATA_TITLE, metadata.title)
        surface.setMetadata(CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        surface.setMetadata(CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords)
        surface.setMetadata(CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        // cairo 1.16 accepts only YYYY-MM-DDThh:mm:ssZ here; anything else silently drops the date.
        let date = UTCTime(metadata.created).iso8601
        surface.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, date)
        surface.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, date)

        let context = try DrawingContext(surface)
        for page in layout.pages {
            for element in page.elements { draw(element, on: context) }
            try context.showPage()
        }
        // Outline entries are written at finish, so links to any page work.
        var parents: [Int: Int32] = [:]
        for entry in layout.outline {
            let parent = parents.filter { $0.key < entry.level }.max { $0.key < $1.key }?.value ?? 0
            parents[entry.level] = surface.addOutline(parent: parent, title: entry.title, destination: entry.destination, open: entry.level == 1)
            parents = parents.filter { $0.key <= entry.level }
        }
        try context.check("drawing the report")
        return try surface.finish()
    }

    private func draw(_ element: Element, on context: DrawingContext) {
        let cr = context.pointer
        switch element {
        // cairo 1.16 refuses an `Artifact` tag: it is written as `Private` and made an artifact
        // when the PDF is packed (QPDFCompactor).
        case .begin(let tag): context.beginTag(tag == "Artifact" ? "Private" : tag)
        case .end(let tag): context.endTag(tag == "Artifact" ? "Private" : tag)
        case .figure: context.beginTag("Figure")
        case .rect(let x, let y, let width, let height, let stroke, let fill):
            context.rectangle(x: x, y: y, width: width, height: height, stroke: stroke, fill: fill)
        case .line(let x1, let y1, let x2, let y2, let width, let gray):
            context.line(x1: x1, y1: y1, x2: x2, y2: y2, width: width, gray: gray)
        case .link(let x, let y, let width, let height, let destination, _):
            let rect = [x, y, width, height].map(CairoTag.number).joined(separator: " ")
            context.beginTag("Link", "dest='\(CairoTag.escape(destination))' rect=[\(rect)]")
        case .destination(let name, let x, let y):
            context.beginTag("cairo.dest", "name='\(CairoTag.escape(name))' x=\(CairoTag.number(x)) y=\(CairoTag.number(y))")
            context.endTag("cairo.dest")
        case .text(let text):
            let layout = engine.layout(text.text, style: text.style, width: text.width)
            context.gray(text.gray)
            let iter = pango_layout_get_iter(layout)
            defer { pango_layout_iter_free(iter) }
            var index = 0
            var y = text.y
            repeat {
                if index >= text.firstLine, index < text.firstLine + text.lines.count, let line = pango_layout_iter_get_line_readonly(iter) {
                    let measured = text.lines[index - text.firstLine]
                    let x = text.alignRight ? text.x + text.width - measured.width : text.x
                    cairo_move_to(cr, x, y + measured.baseline)
                    pango_cairo_show_layout_line(cr, line)
                    y += measured.height
                }
                index += 1
            } while index < text.firstLine + text.lines.count && pango_layout_iter_next_line(iter) != 0
        }
    }
}
