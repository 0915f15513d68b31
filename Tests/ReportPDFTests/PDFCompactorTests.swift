import Foundation
import Testing

@testable import ReportPDF
@testable import Screening

@Suite struct PDFObjectStreamsTests {
    /// cairo's own output for the sample, before packing.
    static func cairoPDF() throws -> [UInt8] {
        let engine = try PangoTextEngine.forCurrentThread()
        defer { engine.endReport() }
        let document = Sample.document(try Sample.assessment())
        let pages = ReportRenderer.layout(document, paper: .a4, measurer: engine)
        return Array(try CairoRenderer(engine: engine).render(pages, metadata: document.metadata))
    }

    /// qpdf's QDF form numbers objects by walking the document from its trailer, so two files with
    /// the same objects give the same bytes however those objects were stored.
    static func qdf(_ pdf: [UInt8]) throws -> Data {
        let input = Sample.temporary(Data(pdf))
        let output = input + ".qdf"
        defer { for path in [input, output] { try? FileManager.default.removeItem(atPath: path) } }
        let result = try Sample.run("qpdf", ["--qdf", "--object-streams=disable", "--deterministic-id", input, output])
        #expect(result.status == 0, "\(result.output)")
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }

    @Test func packingKeepsEveryObjectAndHalvesTheFile() throws {
        let original = try Self.cairoPDF()
        let packed = PDFObjectStreams.compact(original)
        #expect(packed.count * 2 < original.count, "\(original.count) → \(packed.count) bytes")
        #expect(try Self.qdf(packed) == Self.qdf(original))
        let path = Sample.temporary(Data(packed))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try Sample.run("qpdf", ["--check", path])
        #expect(check.status == 0 && check.output.contains("No syntax or stream encoding errors"), "\(check.output)")
        #expect(String(decoding: packed.prefix(8), as: UTF8.self) == "%PDF-1.5")
    }

    @Test func anythingUnfamiliarIsReturnedUnchanged() throws {
        let original = try Self.cairoPDF()
        #expect(PDFObjectStreams.compact(original) != original)
        func replacingLast(_ old: String, with new: String) -> [UInt8] {
            let pattern = Array(old.utf8)
            let start = stride(from: original.count - pattern.count, through: 0, by: -1).first {
                original[$0..<$0 + pattern.count].elementsEqual(pattern)
            }
            guard let start else { return original }
            return Array(original[..<start]) + Array(new.utf8) + Array(original[(start + pattern.count)...])
        }
        let unfamiliar: [[UInt8]] = [
            [], Array("not a PDF at all".utf8), Array("%PDF-1.4\n%\n1 0 obj\n<< >>\nendobj\n".utf8),
            Array(original.dropLast(40)),  // no startxref
            replacingLast("trailer\n<< /Size", with: "trailer\n<< /Encrypt 5 0 R /Size"),  // a trailer key it does not know
            replacingLast(" 00000 n \n", with: " 00001 n \n"),  // an object in use with a generation other than zero
        ]
        for bytes in unfamiliar.dropFirst(4) { #expect(bytes != original) }
        for bytes in unfamiliar { #expect(PDFObjectStreams.compact(bytes) == bytes) }
    }
}
