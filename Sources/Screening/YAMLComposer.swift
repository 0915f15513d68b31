import CYaml

/// Composes one YAML document into `YAMLNode`s straight from libyaml's events (the copy of
/// libyaml that Yams vendors as `CYaml`). Yams's own composer builds a richer tree, checks
/// duplicate keys by grouping, and resolves every scalar's tag; in a fresh process that cost
/// about 8 ms of the 30 before the first prompt (see BENCHMARKS.md).
///
/// Duplicate keys in a mapping, aliases to unknown anchors, more than one document and aliases
/// that expand past `maximumNodes` are errors; so is everything libyaml refuses, with its message.
struct YAMLComposer {
    /// A problem and where it is.
    struct Failure: Error {
        var message: String
        var mark: YAMLNode.Mark
    }

    /// Most nodes a document may expand to, counting every use of an alias: a few aliases of
    /// aliases can otherwise name billions of nodes from a small file.
    static let maximumNodes = 1_000_000

    /// The document's root, or nil for a stream with no document.
    static func compose(_ bytes: [UInt8]) throws(Failure) -> YAMLNode? {
        var composer = YAMLComposer()
        return try composer.run(bytes)
    }

    private var parser = yaml_parser_t()
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodeCount = 0

    private mutating func run(_ bytes: [UInt8]) throws(Failure) -> YAMLNode? {
        guard yaml_parser_initialize(&parser) == 1 else { throw Failure(message: "libyaml could not start", mark: .init(line: 1, column: 1)) }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var root: YAMLNode?
            while true {
                var event = try next()
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    guard root == nil else {
                        throw Failure(message: "the file holds more than one YAML document; keep only one", mark: Self.mark(event.start_mark))
                    }
                    var content = try next()
                    defer { yaml_event_delete(&content) }
                    root = try node(from: &content).node
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                    continue
                default:
                    throw Failure(message: "unexpected YAML event", mark: Self.mark(event.start_mark))
                }
            }
        }
    }

    /// The next event, or libyaml's error.
    private mutating func next() throws(Failure) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
        return event
    }

    /// The node that starts with `event`, and how many nodes it holds.
    private mutating func node(from event: inout yaml_event_t) throws(Failure) -> (node: YAMLNode, size: Int) {
        let mark = Self.mark(event.start_mark)
        let result: (node: YAMLNode, size: Int)
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor)
            guard let known = anchors[name] else { throw Failure(message: "alias '*\(name)' names no anchor defined before it", mark: mark) }
            try count(known.size, at: mark)
            return known
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            anchor = scalar.anchor
            let style: YAMLNode.Scalar.Style =
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            try count(1, at: mark)
            let tag = scalar.tag.map { String(cString: $0) }
            result = (.scalar(.init(string: text, style: style, tagged: scalar.plain_implicit == 0 && style == .plain, mark: mark, tag: tag)), 1)
        case YAML_SEQUENCE_START_EVENT:
            anchor = event.data.sequence_start.anchor
            try count(1, at: mark)
            var nodes: [YAMLNode] = []
            var size = 1
            while true {
                var child = try next()
                defer { yaml_event_delete(&child) }
                if child.type == YAML_SEQUENCE_END_EVENT { break }
                let (node, childSize) = try self.node(from: &child)
                nodes.append(node)
                size += childSize
            }
            result = (.sequence(.init(nodes: nodes, mark: mark)), size)
        case YAML_MAPPING_START_EVENT:
            anchor = event.data.mapping_start.anchor
            try count(1, at: mark)
            var pairs: [YAMLNode.Mapping.Pair] = []
            var keyLines = KeyLines()
            var size = 1
            while true {
                var keyEvent = try next()
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(from: &keyEvent)
                var valueEvent = try next()
                defer { yaml_event_delete(&valueEvent) }
                let value = try node(from: &valueEvent)
                if case .scalar(let scalar) = key.node, let line = keyLines.firstLine(of: scalar.string, line: scalar.mark.line) {
                    throw Failure(
                        message: "key \(Printable.quoted(scalar.string)) appears more than once in the same mapping (first at line \(line))",
                        mark: scalar.mark)
                }
                pairs.append(.init(key: key.node, value: value.node))
                size += key.size + value.size
            }
            result = (.mapping(.init(pairs: pairs, mark: mark)), size)
        default:
            throw Failure(message: "unexpected YAML event", mark: mark)
        }
        if let anchor { anchors[Self.string(anchor)] = result }
        return result
    }

    /// The scalar keys of one mapping so far and the line of each: compared one by one while
    /// there are few (most mappings have a handful), hashed once there are many.
    private struct KeyLines {
        private var few: [(key: String, line: Int)] = []
        private var many: [String: Int]?

        /// The line of an earlier `key`, or nil after recording this one.
        mutating func firstLine(of key: String, line: Int) -> Int? {
            if many != nil {
                if let earlier = many?[key] { return earlier }
                many?[key] = line
                return nil
            }
            if let earlier = few.first(where: { $0.key == key }) { return earlier.line }
            few.append((key, line))
            if few.count >= 16 {
                many = Dictionary(few, uniquingKeysWith: { first, _ in first })
                few = []
            }
            return nil
        }
    }

    private mutating func count(_ nodes: Int, at mark: YAMLNode.Mark) throws(Failure) {
        nodeCount += nodes
        guard nodeCount <= Self.maximumNodes else {
            throw Failure(message: "the document expands to more than \(Self.maximumNodes) values (aliases of aliases?)", mark: mark)
        }
    }

    /// libyaml's error as Yams words it: `problem (context)` at the problem's mark.
    private func failure() -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return Failure(message: "cannot read the file: \(problem) at byte \(parser.problem_offset)", mark: .init(line: 1, column: 1))
        default:
            let context = parser.context.map { " (\(String(cString: $0)))" } ?? ""
            return Failure(message: "invalid YAML: \(problem)\(context)", mark: Self.mark(parser.problem_mark))
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark { .init(line: mark.line + 1, column: mark.column + 1) }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String { String(cString: pointer) }
}
