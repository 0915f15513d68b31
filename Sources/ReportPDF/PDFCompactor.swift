/// Makes cairo's PDF smaller without changing what it shows or how it is tagged:
/// - every non-stream object, white-space trimmed, goes into compressed object streams (PDF 1.5,
///   ISO 32000-1 §7.5.7) with a compressed cross-reference stream (§7.5.8). cairo 1.16 writes every
///   structure element, outline item and number as its own plain object with a 20-byte
///   cross-reference line, and a tagged report is mostly such objects;
/// - embedded TrueType fonts lose their hinting (`TrueTypeHints`), more than half of each subset.
///
/// Page content is copied byte for byte and no object changes its number. It reads only the
/// layout cairo writes (see `ClassicPDF`); anything else is returned unchanged.
public enum PDFCompactor {
    /// Objects per object stream: large enough to compress well, small enough that a reader
    /// looking up one object does not inflate the whole document.
    static let objectsPerStream = 200

    /// `pdf` made smaller, or `pdf` itself if it is not laid out as cairo lays it out.
    public static func compact(_ pdf: [UInt8]) -> [UInt8] { compact(pdf, strippingHints: true) }

    static func compact(_ pdf: [UInt8], strippingHints: Bool) -> [UInt8] {
        guard let document = ClassicPDF(pdf) else { return pdf }
        var plainObjects: [Int: ArraySlice<UInt8>] = [:]
        for object in document.objects where !object.isStream { plainObjects[object.number] = object.body }

        var output = Array(pdf[..<document.headerEnd])
        var entries: [Int: CrossReference] = [0: .free]
        var packed: [(number: Int, body: ArraySlice<UInt8>)] = []
        for object in document.objects {
            if object.isStream {
                entries[object.number] = .inFile(offset: output.count)
                if strippingHints, let font = withoutHints(object, plainObjects: plainObjects) {
                    output += font
                } else {
                    output += object.whole
                    output.append(UInt8(ascii: "\n"))
                }
            } else {
                packed.append((object.number, object.body))
            }
        }
        var next = document.size
        for chunk in stride(from: 0, to: packed.count, by: objectsPerStream) {
            let members = packed[chunk..<min(chunk + objectsPerStream, packed.count)]
            var index: [UInt8] = []
            var bodies: [UInt8] = []
            for (position, member) in members.enumerated() {
                index += Array("\(member.number) \(bodies.count) ".utf8)
                bodies += PDFMinifier.minified(member.body) ?? Array(member.body)
                bodies.append(UInt8(ascii: "\n"))
                entries[member.number] = .inObjectStream(stream: next, index: position)
            }
            guard let compressed = Flate.deflate(index + bodies) else { return pdf }
            entries[next] = .inFile(offset: output.count)
            output += streamObject(next, dictionary: "/Type /ObjStm /N \(members.count) /First \(index.count)", data: compressed)
            next += 1
        }

        let xref = next
        let xrefOffset = output.count
        entries[xref] = .inFile(offset: xrefOffset)
        let rows = (0...xref).map { entries[$0] ?? .free }
        let width = CrossReference.fieldWidth(for: rows)
        guard let table = Flate.deflate(CrossReference.table(rows, width: width)) else { return pdf }
        var trailer =
            "/Type /XRef /Size \(xref + 1) /W [1 \(width) 2] /DecodeParms << /Predictor 12 /Columns \(3 + width) >> /Root \(document.root)"
        if let info = document.info { trailer += " /Info \(info)" }
        if let id = document.id { trailer += " /ID \(id)" }
        output += streamObject(xref, dictionary: trailer, data: table)
        output += Array("startxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }

    /// A FontFile2 stream (`/Length1`, Flate) rewritten without its TrueType hints, or nil to
    /// copy the object as it is.
    static func withoutHints(_ object: ClassicPDF.Object, plainObjects: [Int: ArraySlice<UInt8>]) -> [UInt8]? {
        var scanner = PDFScanner(Array(object.body))
        guard let dictionary = scanner.dictionary(), Set(dictionary.keys) == ["Filter", "Length", "Length1"],
            dictionary["Filter"] == "/FlateDecode", let lengthText = dictionary["Length"], let size = dictionary["Length1"].flatMap({ Int($0) })
        else { return nil }
        // `/Length` is a number or, as cairo writes it, a reference to one.
        let lengthParts = lengthText.split(separator: " ")
        let resolved = lengthParts.count == 3 && lengthParts[2] == "R" ? Int(lengthParts[0]).flatMap { plainObjects[$0] } : nil
        guard let length = Int(resolved.map { String(decoding: $0, as: UTF8.self) } ?? lengthText) else { return nil }
        // `stream`, one end of line, the data, an optional end of line and `endstream`.
        scanner.skipWhitespace()
        guard scanner.keyword("stream") else { return nil }
        if scanner.bytes[scanner.position...].starts(with: [13, 10]) { scanner.position += 2 } else { scanner.position += 1 }
        let dataEnd = scanner.position + length
        guard dataEnd <= scanner.bytes.count, scanner.bytes[dataEnd...].filter({ !PDFScanner.isWhitespace($0) }).elementsEqual("endstream".utf8),
            let font = Flate.inflate(scanner.bytes[scanner.position..<dataEnd], size: size),
            let stripped = TrueTypeHints.stripped(font), let compressed = Flate.deflate(stripped)
        else { return nil }
        return streamObject(object.number, dictionary: "/Length1 \(stripped.count) /Filter /FlateDecode", data: compressed)
    }

    /// `N 0 obj << dictionary /Filter /FlateDecode /Length … >> stream … endstream endobj`.
    private static func streamObject(_ number: Int, dictionary: String, data: [UInt8]) -> [UInt8] {
        let filter = dictionary.contains("/Filter") ? "" : " /Filter /FlateDecode"
        return Array("\(number) 0 obj\n<< \(dictionary)\(filter) /Length \(data.count) >>\nstream\n".utf8) + data
            + Array("\nendstream\nendobj\n".utf8)
    }

    /// Where an object lives: one row of a cross-reference stream with field widths [1 w 2].
    enum CrossReference {
        case free
        case inFile(offset: Int)
        case inObjectStream(stream: Int, index: Int)

        /// The fewest bytes that hold every offset and object-stream number.
        static func fieldWidth(for rows: [CrossReference]) -> Int {
            let largest =
                rows.map {
                    switch $0 {
                    case .free: 0
                    case .inFile(let offset): offset
                    case .inObjectStream(let stream, _): stream
                    }
                }.max() ?? 0
            var width = 1
            while largest >> (8 * width) > 0 { width += 1 }
            return width
        }

        /// The rows with the PNG "Up" predictor (§7.4.4.4): a filter-type byte 2, then each byte
        /// minus the one above it. Neighbouring rows differ little, so this compresses well.
        static func table(_ rows: [CrossReference], width: Int) -> [UInt8] {
            var table: [UInt8] = []
            var above = [UInt8](repeating: 0, count: 3 + width)
            for row in rows {
                let bytes = row.bytes(width: width)
                table.append(2)
                for (byte, previous) in zip(bytes, above) { table.append(byte &- previous) }
                above = bytes
            }
            return table
        }

        func bytes(width: Int) -> [UInt8] {
            switch self {
            case .free: [0] + [UInt8](repeating: 0, count: width) + [0xFF, 0xFF]
            case .inFile(let offset): [1] + bigEndian(offset, width) + [0, 0]
            case .inObjectStream(let stream, let index): [2] + bigEndian(stream, width) + bigEndian(index, 2)
            }
        }

        private func bigEndian(_ value: Int, _ width: Int) -> [UInt8] {
            (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        }
    }
}
