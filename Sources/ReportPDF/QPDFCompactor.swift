import CQPDF
import Foundation

/// Makes cairo's PDF smaller with libqpdf, without changing what it shows or how it is tagged:
/// every object that is not a stream goes into compressed object streams (PDF 1.5,
/// ISO 32000-1 §7.5.7) with a compressed cross-reference stream. cairo writes every structure
/// element, annotation and outline item of a tagged report as its own plain object with its own
/// cross-reference line; packed, the sample report is less than half the size.
///
/// The output is reproducible: qpdf derives the file's `/ID` from its content.
public enum QPDFCompactor {
    /// Starts loading libqpdf (about 4 ms with the libraries it brings) on another core, to be
    /// ready when the report is drawn.
    public static func prepare() { nutriscreen_qpdf_preload() }

    /// What finishing the tags needs (see `nutriscreen_qpdf_finish_tags`): the document's
    /// language and the alternative texts of its figures and links, in document order.
    public struct Tagging: Sendable, Equatable {
        public var language: String
        public var figureTexts: [String]
        public var linkTexts: [String]

        public init(language: String, figureTexts: [String], linkTexts: [String]) {
            self.language = language
            self.figureTexts = figureTexts
            self.linkTexts = linkTexts
        }
    }

    /// `pdf` rewritten by qpdf, with its tags finished for PDF/UA when `tagging` is given, or
    /// `pdf` itself if libqpdf is missing or cannot read or write it (the report is still
    /// complete, only larger and less accessible).
    public static func compact(_ pdf: Data, tagging: Tagging? = nil) -> Data {
        guard let qpdf = nutriscreen_qpdf()?.pointee else { return pdf }
        var handle = qpdf.qpdf_init()
        defer { qpdf.qpdf_cleanup(&handle) }
        guard let document = handle else { return pdf }
        // Problems are read back through the API, never printed.
        qpdf.qpdf_silence_errors(document)
        qpdf.qpdf_set_suppress_warnings(document, QPDF_TRUE)
        return pdf.withUnsafeBytes { bytes -> Data in
            // qpdf reads from the buffer lazily, so it stays borrowed until the writing is done.
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                qpdf.qpdf_read_memory(document, "report.pdf", base, UInt64(bytes.count), nil) & QPDF_ERRORS == 0,
                qpdf.qpdf_init_write_memory(document) & QPDF_ERRORS == 0
            else { return pdf }
            if let tagging { finishTags(document, tagging) }
            qpdf.qpdf_set_object_stream_mode(document, qpdf_o_generate)
            qpdf.qpdf_set_compress_streams(document, QPDF_TRUE)
            qpdf.qpdf_set_deterministic_ID(document, QPDF_TRUE)
            guard qpdf.qpdf_write(document) & QPDF_ERRORS == 0, let written = qpdf.qpdf_get_buffer(document) else { return pdf }
            return Data(bytes: written, count: qpdf.qpdf_get_buffer_length(document))
        }
    }

    /// Hands the texts to C as arrays of C strings for the time of the call.
    private static func finishTags(_ document: qpdf_data, _ tagging: Tagging) {
        func withCStrings<R>(_ texts: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
            let copies = texts.map { strdup($0) }
            defer { for copy in copies { free(copy) } }
            let pointers = copies.map { UnsafePointer($0) }
            return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
        }
        withCStrings(tagging.figureTexts) { figures in
            withCStrings(tagging.linkTexts) { links in
                _ = nutriscreen_qpdf_finish_tags(
                    document, tagging.language, figures, Int32(tagging.figureTexts.count), links, Int32(tagging.linkTexts.count))
            }
        }
    }
}
