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
