import Foundation
import Report
import Screening

/// The report pipeline in one call: assessment → document → pages → PDF.
public enum ReportRenderer {
    /// A last page with less than this share of its content area used is nearly empty.
    public static let nearlyEmpty = 0.2
    /// The most lines the notes box takes to fill a nearly empty last page.
    static let maximumExtraNoteLines = 24

    /// The document's pages, without drawing. When the last page would be nearly empty, the notes
    /// box gives up lines (down to its minimum) until the page is gone or holds enough; when that
    /// cannot remove it, the box takes more lines (room to write), carrying what follows it over
    /// until the last page holds enough.
    public static func layout(_ document: ReportDocument, paper: PaperSize, measurer: any TextMeasurer) -> PageLayout {
        let pager = Pager(geometry: PageGeometry(paper: paper), measurer: measurer)
        let first = pager.layout(document)
        // Only a nearly empty last page can be saved by a few lines of notes.
        guard first.pages.count > 1, first.lastPageFill < nearlyEmpty,
            let index = document.blocks.firstIndex(where: { if case .notesBox = $0 { true } else { false } }),
            case .notesBox(let box) = document.blocks[index]
        else { return first }
        var trial = document
        for lines in stride(from: box.lines - 1, through: box.minimumLines, by: -1) {
            trial.blocks[index] = .notesBox(NotesBox(title: box.title, lines: lines, minimumLines: box.minimumLines))
            let laid = pager.layout(trial)
            if laid.pages.count < first.pages.count || laid.lastPageFill >= nearlyEmpty { return laid }
        }
        for lines in (box.lines + 1)...(box.lines + maximumExtraNoteLines) {
            trial.blocks[index] = .notesBox(NotesBox(title: box.title, lines: lines, minimumLines: box.minimumLines))
            let laid = pager.layout(trial)
            if laid.pages.count > first.pages.count { break }
            if laid.lastPageFill >= nearlyEmpty { return laid }
        }
        return first
    }

    /// A finished PDF for `assessment`, measured and drawn with the calling thread's Pango engine
    /// (the one that falls back to the system's fonts when the text needs them).
    public static func pdf(
        _ assessment: Assessment, paper: PaperSize, detail: ReportDetail = .short, creator: String, created: Date, zone: Zone,
        comparison: ScreeningComparison? = nil
    ) throws(CairoError) -> Data {
        QPDFCompactor.prepare()
        let document = ReportBuilder(
            assessment: assessment, creator: creator, created: created, detail: detail, zone: zone, comparison: comparison
        ).document()
        return try pdf(document, paper: paper)
    }

    /// A finished PDF for a document.
    public static func pdf(_ document: ReportDocument, paper: PaperSize) throws(CairoError) -> Data {
        QPDFCompactor.prepare()
        let engine = try PangoTextEngine.forCurrentThread(covering: document)
        defer { engine.endReport() }
        let pages = layout(document, paper: paper, measurer: engine)
        if let overflow = pages.overflows.first {
            throw CairoError("laying out the report", reason: overflow)
        }
        let drawn = try CairoRenderer(engine: engine).render(pages, metadata: document.metadata)
        return QPDFCompactor.compact(
            drawn, tagging: .init(language: document.language.tag, figureTexts: pages.figureTexts, linkTexts: pages.linkTexts))
    }
}
