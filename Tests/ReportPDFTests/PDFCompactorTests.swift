import Foundation
import Testing

@testable import ReportPDF
@testable import Screening

@Suite struct PDFCompactorTests {
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
        let packed = PDFCompactor.compact(original, strippingHints: false)
        #expect(packed.count * 2 < original.count, "\(original.count) → \(packed.count) bytes")
        #expect(try Self.qdf(packed) == Self.qdf(original))
        try Self.expectQpdfAccepts(packed)
        #expect(String(decoding: packed.prefix(8), as: UTF8.self) == "%PDF-1.5")
    }

    @Test func fontsLoseTheirHintsAndPagesLookTheSame() throws {
        let original = try Self.cairoPDF()
        let packed = PDFCompactor.compact(original)
        let withHints = PDFCompactor.compact(original, strippingHints: false)
        #expect(packed.count + 10_000 < withHints.count, "\(withHints.count) → \(packed.count) bytes")
        try Self.expectQpdfAccepts(packed)
        // Each embedded font is the hint-free form of cairo's.
        let fonts = try Self.fontStreams(original)
        #expect(fonts.count == 2)
        #expect(try Self.fontStreams(packed) == fonts.mapValues { TrueTypeHints.stripped($0) ?? [] })
        // poppler draws with FreeType hinting off, so every page renders to the same pixels.
        #expect(try Self.pages(packed) == Self.pages(original))
    }

    static func expectQpdfAccepts(_ pdf: [UInt8]) throws {
        let path = Sample.temporary(Data(pdf))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try Sample.run("qpdf", ["--check", path])
        #expect(check.status == 0 && check.output.contains("No syntax or stream encoding errors"), "\(check.output)")
    }

    /// The decoded FontFile2 streams, by object number (qpdf's JSON carries stream data in base64).
    static func fontStreams(_ pdf: [UInt8]) throws -> [Int: [UInt8]] {
        let path = Sample.temporary(Data(pdf))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = try Sample.run("qpdf", ["--json", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path])
        let qpdf = (try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])?["qpdf"] as? [Any]
        let objects = try #require(qpdf?.last as? [String: Any])
        var result: [Int: [UInt8]] = [:]
        for (key, value) in objects {
            guard let stream = (value as? [String: Any])?["stream"] as? [String: Any], let dictionary = stream["dict"] as? [String: Any],
                dictionary["/Length1"] != nil, let number = Int(key.dropFirst(4).prefix { $0 != " " }),
                let data = (stream["data"] as? String).flatMap({ Data(base64Encoded: $0) })
            else { continue }
            result[number] = Array(data)
        }
        return result
    }

    /// Every page drawn by pdftoppm at 40 dpi, as PNG bytes in page order.
    static func pages(_ pdf: [UInt8]) throws -> [Data] {
        let folder = NSTemporaryDirectory() + "nutriscreen-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.pdf"
        FileManager.default.createFile(atPath: path, contents: Data(pdf))
        let result = try Sample.run("pdftoppm", ["-png", "-r", "40", path, folder + "/page"])
        #expect(result.status == 0, "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".png") }.sorted()
        #expect(files.count > 5)
        return try files.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
    }

    @Test func anythingUnfamiliarIsReturnedUnchanged() throws {
        let original = try Self.cairoPDF()
        #expect(PDFCompactor.compact(original) != original)
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
        for bytes in unfamiliar { #expect(PDFCompactor.compact(bytes) == bytes) }
    }
}
