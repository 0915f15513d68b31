import Foundation

/// Reads a YAML (or JSON) document strictly, collecting located diagnostics instead of stopping
/// at the first problem: unknown keys (with "did you mean"), missing keys and wrong types.
public struct YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    /// Largest file accepted, so a huge file is refused with a message rather than exhausting memory.
    static let maximumBytes = 4 << 20

    public init(file: String) { self.file = file }

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
        do {
            guard let node = try YAMLComposer.compose(Array(data)) else {
                error(at: nil, "the file is empty")
                return nil
            }
            return node
        } catch {
            self.error(SourceLocation(file: file, line: error.mark.line, column: error.mark.column), error.message)
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
                    "unknown key '\(name)' in \(what)\(Suggestion.didYouMean(name, among: allowed)); allowed: \(allowed.joined(separator: ", "))")
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
        guard case .scalar(let scalar) = node else {
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

    /// Where the expression text inside a scalar starts, so errors point at the right column.
    func expressionStart(_ node: YAMLNode) -> (location: SourceLocation, exact: Bool) {
        guard case .scalar(let scalar) = node else { return (location(node), false) }
        var start = location(node)
        switch scalar.style {
        case .plain where !scalar.string.utf8.contains(10): return (start, true)
        case .singleQuoted,
            .doubleQuoted where !scalar.string.utf8.contains(10):
            start.column += 1
            return (start, true)
        default: return (start, false)
        }
    }

    public func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): s.string.isEmpty ? "an empty value" : "'\(s.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }
}
