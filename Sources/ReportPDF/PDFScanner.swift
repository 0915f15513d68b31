/// Just enough of PDF's lexical rules to read a cross-reference table and a flat trailer.
struct PDFScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// PDF white-space (ISO 32000-1 Table 1).
    static func isWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 9, 10, 12, 13, 32: true
        default: false
        }
    }

    /// Neither white-space nor a delimiter: part of a number, keyword or name.
    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    /// PDF delimiters (Table 2).
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

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

    /// A `<< /Key value … >>` dictionary whose values are numbers, references (`12 0 R`), names
    /// or arrays of strings; values are kept as their source text (names with their `/`).
    mutating func dictionary() -> [String: String]? {
        guard keyword("<<") else { return nil }
        var result: [String: String] = [:]
        while true {
            skipWhitespace()
            if keyword(">>") { return result }
            guard let keyName = name() else { return nil }
            let key = String(decoding: keyName.dropFirst(), as: UTF8.self)
            skipWhitespace()
            let valueStart = position
            if name() != nil {
                // a name value
            } else if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
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

    /// A `/Name` at the current position, slash included, or nil (and no move) if none starts here.
    private mutating func name() -> ArraySlice<UInt8>? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "/") else { return nil }
        let start = position
        position += 1
        while position < bytes.count, Self.isRegular(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }
}
