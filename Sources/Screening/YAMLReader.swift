import Foundation

/// Reads a YAML (or JSON) document strictly, collecting located diagnostics instead of stopping
/// at the first problem: unknown keys (with "did you mean"), missing keys and wrong types.
public struct YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// The bytes parsed, to locate places inside a scalar.
    private var source: [UInt8] = []
    /// The byte offset where each line of `source` starts.
    private var lineStarts: [Int] = [0]

    /// Largest file accepted, so a huge file is refused with a message rather than exhausting memory.
    static let maximumBytes = 4 << 20

    public init(file: String) { self.file = file }

    /// The bytes of the file at `path` (`answers`: an answers file, as messages name it): a
    /// regular file of at most `maximumBytes`, checked before it is read.
    public static func read(_ path: String, answers: Bool = false) throws(DiagnosticList) -> Data {
        let start = SourceLocation(file: path, line: 1, column: 1)
        do {
            return try InputFile.read(path, limit: maximumBytes)
        } catch {
            switch error {
            case .unreadable(let reason):
                throw DiagnosticList([Diagnostic(start, .cannotRead(answers: answers, reason: reason))], unreadable: true)
            case .tooLarge(let size, let limit):
                throw DiagnosticList([Diagnostic(start, .tooLarge(size: size, limit: limit))])
            }
        }
    }

    /// UTF-8's byte-order mark, skipped where a file starts with it.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses bytes into a root node; records a located diagnostic and returns nil on failure.
    public mutating func parse(_ data: Data) -> YAMLNode? {
        guard data.count <= Self.maximumBytes else {
            error(at: nil, "the file is \(data.count) bytes; the largest accepted is \(Self.maximumBytes)")
            return nil
        }
        guard String(data: data, encoding: .utf8) != nil else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            diagnostics.append(
                Diagnostic(SourceLocation(file: file, line: line, column: column), "the file is not valid UTF-8 text; save it as UTF-8"))
            return nil
        }
        // A byte-order mark (as some Windows editors write before JSON or YAML) is not text.
        source = Array(data.starts(with: Self.byteOrderMark) ? data.dropFirst(Self.byteOrderMark.count) : data[...])
        lineStarts = [0] + source.indices.filter { source[$0] == 10 }.map { $0 + 1 }
        do {
            guard let node = try YAMLComposer.compose(source) else {
                error(at: nil, "the file is empty")
                return nil
            }
            return node
        } catch {
            self.error(existing(line: error.mark.line, column: error.mark.column), error.message)
        }
        return nil
    }

    private static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= data.endIndex,
                String(data: data[index..<index + length], encoding: .utf8) != nil
            else { return (line, column) }
            if byte == 10 {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column)
    }

    // MARK: Locations and errors

    public func location(_ node: YAMLNode?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark.line ?? 1, column: node?.mark.column ?? 1)
    }

    public mutating func error(at node: YAMLNode?, _ message: String) {
        diagnostics.append(Diagnostic(location(node), message))
    }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    // MARK: Mappings

    /// The keys of one mapping, checked against the keys allowed there.
    public struct Fields {
        public var node: YAMLNode
        public var values: [String: (key: YAMLNode, value: YAMLNode)]
        public subscript(_ key: String) -> YAMLNode? { values[key]?.value }
    }

    /// Reads `node` as a mapping whose keys must be among `allowed` and include `required`.
    public mutating func fields(_ node: YAMLNode, _ what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(at: node, "\(what) must be a mapping of keys to values, not \(describe(node))")
            return nil
        }
        var fields = Fields(node: node, values: [:])
        for (key, value) in mapping.entries {
            guard case .scalar(let scalar) = key else {
                error(at: key, "keys in \(what) must be plain words")
                continue
            }
            let name = scalar.string
            if !allowed.contains(name) {
                error(
                    at: key,
                    "unknown key \(Printable.quoted(name)) in \(what)\(Suggestion.didYouMean(name, among: allowed)); allowed: \(allowed.joined(separator: ", "))"
                )
                continue
            }
            fields.values[name] = (key, value)
        }
        for name in required where fields.values[name] == nil {
            error(at: node, "\(what) is missing '\(name)'")
        }
        return fields
    }

    // MARK: Scalars

    // Scalars are composed as text; these read YAML 1.1 booleans and numbers from unquoted,
    // untagged scalars.

    /// `true/yes/on` or `false/no/off` written without quotes.
    public static func plainBool(_ scalar: YAMLNode.Scalar) -> Bool? {
        guard scalar.isPlain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A finite decimal number written without quotes.
    public static func plainNumber(_ scalar: YAMLNode.Scalar) -> Double? {
        guard scalar.isPlain, let first = scalar.string.first, first.isNumber || first == "-" || first == "+" || first == ".",
            let value = Double(scalar.string.utf8.contains(UInt8(ascii: "_")) ? scalar.string.filter { $0 != "_" } : scalar.string), value.isFinite
        else { return nil }
        return value
    }

    public mutating func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            error(at: node, "\(what) must be text, not \(describe(node))")
            return nil
        }
        return scalar.string
    }

    public mutating func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Self.plainNumber(scalar) else {
            error(at: node, "\(what) must be a number, not \(describe(node))")
            return nil
        }
        return value
    }

    /// A number within `range`; outside it is an error naming the range.
    public mutating func number(_ node: YAMLNode?, _ what: String, within range: ClosedRange<Double>) -> Double? {
        guard let value = number(node, what) else { return nil }
        guard range.contains(value) else {
            error(
                at: node,
                "\(what) must be from \(NumberText.plain(range.lowerBound)) to \(NumberText.plain(range.upperBound)), not \(NumberText.plain(value))")
            return nil
        }
        return value
    }

    public mutating func integer(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.isPlain, let value = Int(scalar.string) else {
            error(at: node, "\(what) must be a whole number, not \(describe(node))")
            return nil
        }
        return value
    }

    public mutating func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Self.plainBool(scalar) else {
            error(at: node, "\(what) must be true or false, not \(describe(node))")
            return nil
        }
        return value
    }

    /// Reads a sequence; a missing node is an empty list.
    public mutating func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            error(at: node, "\(what) must be a list (lines starting with '-'), not \(describe(node))")
            return []
        }
        return sequence.nodes
    }

    public mutating func strings(_ node: YAMLNode?, _ what: String) -> [String] {
        list(node, what).compactMap { string($0, "each entry of \(what)") }
    }

    /// A place libyaml named, moved back onto the last line that exists: at the end of a file
    /// libyaml names the line after the last one.
    private func existing(line: Int, column: Int) -> SourceLocation {
        let lastLine = source.last == 10 ? lineStarts.count - 1 : lineStarts.count
        guard line > lastLine, lastLine >= 1 else { return SourceLocation(file: file, line: line, column: column) }
        let start = lineStarts[lastLine - 1]
        let end = source.last == 10 ? source.count - 1 : source.count
        let length = String(decoding: source[start..<end], as: UTF8.self).unicodeScalars.count
        return SourceLocation(file: file, line: lastLine, column: length + 1)
    }

    /// The byte offset in `source` of a 1-based line and column (columns count characters).
    private func byteOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        var offset = lineStarts[line - 1]
        for _ in 1..<max(column, 1) {
            guard offset < source.count, source[offset] != 10 else { return nil }
            offset += Self.scalarLength(source[offset])
        }
        return offset
    }

    /// The 1-based line and column of a byte offset in `source`.
    private func location(atByte offset: Int) -> SourceLocation {
        let line = lineStarts.lastIndex { $0 <= offset } ?? 0
        let column = String(decoding: source[lineStarts[line]..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line + 1, column: column)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Where the character at UTF-8 `offset` of a scalar's value is in the file, for a scalar
    /// written on one line or over many, plain, quoted or as a block; the scalar's start when
    /// the text cannot be matched (an escape that stands for a space, say).
    func location(ofOffset offset: Int, in node: YAMLNode) -> SourceLocation {
        guard case .scalar(let scalar) = node, let start = byteOffset(line: scalar.mark.line, column: scalar.mark.column) else {
            return location(node)
        }
        var position = start
        switch scalar.style {
        case .plain: break
        case .singleQuoted, .doubleQuoted: position += 1
        case .literal, .folded:
            // The content starts on the line after the `|` or `>` header.
            while position < source.count, source[position] != 10 { position += 1 }
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        /// Skips white space, and in double quotes an escaped one (`\t`, `\n`) or a line continuation.
        func skipSpace() {
            while position < source.count {
                if isSpace(source[position]) {
                    position += 1
                } else if scalar.style == .doubleQuoted, source[position] == 92, position + 1 < source.count,
                    isSpace(source[position + 1]) || [UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r")].contains(source[position + 1])
                {
                    position += 2
                } else {
                    return
                }
            }
        }
        for unit in scalar.string.utf8.prefix(offset) where !isSpace(unit) && unit & 0xC0 != 0x80 {
            skipSpace()
            guard position < source.count else { return location(node) }
            let byte = source[position]
            switch scalar.style {
            case .singleQuoted where byte == 39 && position + 1 < source.count && source[position + 1] == 39:
                position += 2
            case .doubleQuoted where byte == 92 && position + 1 < source.count:
                let escape = source[position + 1]
                position += 2 + (escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : escape == UInt8(ascii: "U") ? 8 : 0)
            default:
                guard byte == unit else { return location(node) }
                position += Self.scalarLength(byte)
            }
        }
        skipSpace()
        return location(atByte: min(position, source.count))
    }

    public func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s) where s.isNull: "null (\(Printable.quoted(s.string, limit: 40)) is YAML's null; quote it to mean the text)"
        case .scalar(let s): s.string.isEmpty ? "an empty value" : Printable.quoted(s.string, limit: 40)
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
