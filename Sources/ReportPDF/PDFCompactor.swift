import CZlib

/// Packs a PDF's small objects into compressed object streams (PDF 1.5, ISO 32000-1 §7.5.7) with a
/// compressed cross-reference stream (§7.5.8). cairo 1.16 writes every structure element, outline
/// item and number as its own uncompressed object followed by a 20-byte cross-reference line; a
/// tagged report is mostly such objects. Streams (page content, fonts) are copied byte for byte
/// and no object changes its number, so the document is the same, only smaller.
///
/// It reads only the layout cairo writes: a `%PDF-1.5` (or later) header, `N 0 obj … endobj`
/// objects, one classic cross-reference table and a trailer with `/Size`, `/Root`, `/Info` and
/// `/ID`. Anything else is returned unchanged.
public enum PDFObjectStreams {
    /// Objects per object stream: large enough to compress well, small enough that a reader
    /// looking up one object does not inflate the whole document.
    static let objectsPerStream = 200

    public static func compact(_ pdf: [UInt8]) -> [UInt8] {
        guard let document = ClassicPDF(pdf) else { return pdf }
        var output = Array(pdf[..<document.headerEnd])
        var entries: [Int: CrossReference] = [0: .free]
        var packed: [(number: Int, body: ArraySlice<UInt8>)] = []
        for object in document.objects {
            if object.isStream {
                entries[object.number] = .inFile(offset: output.count)
                output += object.whole
                if output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
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
                bodies += member.body
                bodies.append(UInt8(ascii: "\n"))
                entries[member.number] = .inObjectStream(stream: next, index: position)
            }
            guard let compressed = deflate(index + bodies) else { return pdf }
            entries[next] = .inFile(offset: output.count)
            output += Array(
                "\(next) 0 obj\n<< /Type /ObjStm /N \(members.count) /First \(index.count) /Filter /FlateDecode /Length \(compressed.count) >>\nstream\n"
                    .utf8)
            output += compressed
            output += Array("\nendstream\nendobj\n".utf8)
            next += 1
        }
        let xref = next
        let xrefOffset = output.count
        entries[xref] = .inFile(offset: xrefOffset)
        var table: [UInt8] = []
        for number in 0...xref {
            table += (entries[number] ?? .free).bytes
        }
        guard let compressedTable = deflate(table) else { return pdf }
        var trailer = "/Type /XRef /Size \(xref + 1) /W [1 4 2] /Root \(document.root)"
        if let info = document.info { trailer += " /Info \(info)" }
        if let id = document.id { trailer += " /ID \(id)" }
        output += Array("\(xref) 0 obj\n<< \(trailer) /Filter /FlateDecode /Length \(compressedTable.count) >>\nstream\n".utf8)
        output += compressedTable
        output += Array("\nendstream\nendobj\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        return output
    }

    /// Where an object lives, as one row of a cross-reference stream with field widths [1 4 2].
    enum CrossReference {
        case free
        case inFile(offset: Int)
        case inObjectStream(stream: Int, index: Int)

        var bytes: [UInt8] {
            switch self {
            case .free: [0, 0, 0, 0, 0, 0xFF, 0xFF]
            case .inFile(let offset): [1] + bigEndian(offset, 4) + [0, 0]
            case .inObjectStream(let stream, let index): [2] + bigEndian(stream, 4) + bigEndian(index, 2)
            }
        }

        private func bigEndian(_ value: Int, _ width: Int) -> [UInt8] {
            (0..<width).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        }
    }

    /// zlib (Flate) at its default level: level 9 makes the sample 1 KB smaller and packing four times slower.
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { compress2(out.baseAddress, &length, $0.baseAddress, uLong(bytes.count), Z_DEFAULT_COMPRESSION) }
        }
        guard status == Z_OK else { return nil }
        return Array(output[..<Int(length)])
    }
}

/// A PDF laid out the classic way, split into its objects by the offsets in its cross-reference
/// table. Fails (nil) on anything it does not fully understand.
struct ClassicPDF {
    struct Object {
        var number: Int
        /// From `N 0 obj` to `endobj` inclusive.
        var whole: ArraySlice<UInt8>
        /// Between `obj` and `endobj`, trimmed.
        var body: ArraySlice<UInt8>
        var isStream: Bool
    }

    var headerEnd: Int
    var objects: [Object]
    var size: Int
    var root: String
    var info: String?
    var id: String?

    init?(_ pdf: [UInt8]) {
        var scanner = PDFScanner(pdf)
        // Header: `%PDF-1.x`, then the binary-marker comment line.
        guard pdf.starts(with: Array("%PDF-1.".utf8)), pdf.count > 8, let minor = Int(String(UnicodeScalar(pdf[7]))), minor >= 5,
            let firstLine = pdf.firstIndex(of: UInt8(ascii: "\n")), let secondLine = pdf[(firstLine + 1)...].firstIndex(of: UInt8(ascii: "\n"))
        else { return nil }
        headerEnd = secondLine + 1

        // `startxref` → the table → `trailer << … >>`.
        guard let startxref = PDFScanner.lastRange(of: "startxref", in: pdf[...]) else { return nil }
        scanner.position = startxref.upperBound
        guard let tableOffset = scanner.integer(), tableOffset < startxref.lowerBound else { return nil }
        scanner.position = tableOffset
        guard scanner.keyword("xref") else { return nil }
        var offsets: [(number: Int, offset: Int)] = []
        while let first = scanner.integer() {
            guard let count = scanner.integer() else { return nil }
            scanner.skipWhitespace()
            for number in first..<first + count {
                guard let entry = scanner.crossReferenceEntry() else { return nil }
                if entry.inUse {
                    guard entry.generation == 0 else { return nil }
                    offsets.append((number, entry.offset))
                }
            }
        }
        guard scanner.keyword("trailer"), let trailer = scanner.dictionary() else { return nil }
        guard Set(trailer.keys).isSubset(of: ["Size", "Root", "Info", "ID"]), let size = trailer["Size"].flatMap({ Int($0) }),
            let root = trailer["Root"]
        else { return nil }
        (self.size, self.root, self.info, self.id) = (size, root, trailer["Info"], trailer["ID"])

        // Each object runs from its offset to the next object's (or the table).
        offsets.sort { $0.offset < $1.offset }
        objects = []
        for (position, entry) in offsets.enumerated() {
            let end = position + 1 < offsets.count ? offsets[position + 1].offset : tableOffset
            guard entry.offset >= headerEnd, entry.offset < end, end <= pdf.count, entry.number < size,
                let object = Self.object(entry.number, in: pdf[entry.offset..<end])
            else { return nil }
            objects.append(object)
        }
    }

    private static func object(_ number: Int, in slice: ArraySlice<UInt8>) -> Object? {
        let opening = Array("\(number) 0 obj".utf8)
        guard slice.starts(with: opening), let endobj = PDFScanner.lastRange(of: "endobj", in: slice) else { return nil }
        var body = slice[(slice.startIndex + opening.count)..<endobj.lowerBound]
        while let first = body.first, PDFScanner.isWhitespace(first) { body = body.dropFirst() }
        while let last = body.last, PDFScanner.isWhitespace(last) { body = body.dropLast() }
        guard !body.isEmpty else { return nil }
        let isStream = body.reversed().starts(with: "endstream".utf8.reversed())
        return Object(number: number, whole: slice[slice.startIndex..<endobj.upperBound], body: body, isStream: isStream)
    }
}

/// Just enough of PDF's lexical rules to read a cross-reference table and a flat trailer.
struct PDFScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func isWhitespace(_ byte: UInt8) -> Bool { [0, 9, 10, 12, 13, 32].contains(byte) }

    /// The last occurrence of `word` in `bytes`, as indices of `bytes`.
    static func lastRange(of word: String, in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        let pattern = Array(word.utf8)
        guard bytes.count >= pattern.count else { return nil }
        for start in stride(from: bytes.endIndex - pattern.count, through: bytes.startIndex, by: -1) where bytes[start] == pattern[0] {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) { return start..<start + pattern.count }
        }
        return nil
    }

    mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    mutating func keyword(_ word: String) -> Bool {
        skipWhitespace()
        let pattern = Array(word.utf8)
        guard bytes[position...].starts(with: pattern) else { return false }
        position += pattern.count
        return true
    }

    mutating func integer() -> Int? {
        skipWhitespace()
        var value = 0
        var digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]), digits < 12 {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `oooooooooo ggggg n` + two bytes of end of line: exactly 20 bytes.
    mutating func crossReferenceEntry() -> (offset: Int, generation: Int, inUse: Bool)? {
        guard position + 20 <= bytes.count else { return nil }
        let line = bytes[position..<position + 20]
        position += 20
        guard let offset = Int(String(decoding: line.prefix(10), as: UTF8.self)),
            let generation = Int(String(decoding: line.dropFirst(11).prefix(5), as: UTF8.self))
        else { return nil }
        switch line[line.startIndex + 17] {
        case UInt8(ascii: "n"): return (offset, generation, true)
        case UInt8(ascii: "f"): return (offset, generation, false)
        default: return nil
        }
    }

    /// A `<< /Key value … >>` dictionary whose values are numbers, references (`12 0 R`) or
    /// arrays of strings; values are kept as their source text.
    mutating func dictionary() -> [String: String]? {
        guard keyword("<<") else { return nil }
        var result: [String: String] = [:]
        while true {
            skipWhitespace()
            if keyword(">>") { return result }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else { return nil }
            let keyStart = position + 1
            position += 1
            while position < bytes.count, !Self.isWhitespace(bytes[position]), !"/[<>".utf8.contains(bytes[position]) { position += 1 }
            let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
            skipWhitespace()
            let valueStart = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
                guard let close = bytes[position...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                position = close + 1
            } else {
                while position < bytes.count, bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: ">") { position += 1 }
            }
            var value = bytes[valueStart..<position]
            while let last = value.last, Self.isWhitespace(last) { value = value.dropLast() }
            guard !value.isEmpty, result[key] == nil else { return nil }
            result[key] = String(decoding: value, as: UTF8.self)
        }
    }
}
