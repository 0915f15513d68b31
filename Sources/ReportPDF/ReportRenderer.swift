import Foundation
import Report
import Screening

/// The report pipeline in one call: assessment → document → pages → PDF.
public enum ReportRenderer {
    /// The document and its pages, without drawing.
    public static func layout(_ document: ReportDocument, paper: PaperSize, measurer: any TextMeasurer) -> PageLayout {
        Pager(geometry: PageGeometry(paper: paper), measurer: measurer).layout(document)
    }

    /// A finished PDF for `assessment`, measured and drawn with the calling thread's Pango engine.
    public static func pdf(_ assessment: Assessment, questionnaire: Questionnaire, paper: PaperSize, creator: String, created: Date)
        throws(CairoError) -> Data
    {
        QPDFCompactor.prepare()
        let engine = try PangoTextEngine.forCurrentThread()
        defer { engine.endReport() }
        let document = ReportBuilder(assessment: assessment, questionnaire: questionnaire, creator: creator, created: created).document()
        let pages = layout(document, paper: paper, measurer: engine)
        if let overflow = pages.overflows.first {
            throw CairoError("laying out the report", reason: overflow)
        }
        let drawn = try CairoRenderer(engine: engine).render(pages, metadata: document.metadata)
        return QPDFCompactor.compact(drawn)
    }
}
