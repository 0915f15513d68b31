/// How much text a questionnaire or translation may hold, so that any file `validate` accepts
/// is scored and reported in bounded time and memory. Counted over the document as aliases
/// expand it, so a repeated block counts each time it is used.
public struct TextBounds: Sendable {
    /// Characters in one text (a condition has its own limit, `Expression.maximumLength`).
    public var longest: Int
    /// Characters in all values together.
    public var total: Int
    /// Values (keys and scalars) in all.
    public var values: Int
    /// Keys whose values are conditions, held to `Expression.maximumLength` where they are read.
    public var conditionKeys: Set<String> = ["when", "unless", "calculated", "value"]

    /// Questionnaires and translations: the longest text written so far is 515 characters and a
    /// whole questionnaire about 112,000 in 7,700 values; these leave ample room.
    public static let questionnaire = TextBounds(longest: 2_000, total: 1 << 20, values: 100_000)
}

extension YAMLReader {
    /// Checks every key and value under `root`: plain text (no control character: no escape,
    /// bell, tab or line break, which would reach the terminal or break a line of the report)
    /// and within `bounds`. Each problem is a located error; a value repeated by an alias is
    /// reported once.
    public mutating func checkTexts(_ root: YAMLNode, within bounds: TextBounds) {
        var walk = TextWalk(bounds: bounds)
        walk.visit(root, &self)
    }
}

/// One pass over a document for `checkTexts`.
private struct TextWalk {
    let bounds: TextBounds
    var total = 0
    var values = 0
    var stopped = false
    /// Places already reported (an alias visits its anchor's values again).
    var reported: Set<Int> = []

    init(bounds: TextBounds) { self.bounds = bounds }

    mutating func visit(_ node: YAMLNode, _ reader: inout YAMLReader) {
        guard !stopped else { return }
        values += 1
        guard values <= bounds.values else {
            reader.error(at: node, "the file holds more than \(bounds.values) values; split the content or shorten it")
            stopped = true
            return
        }
        switch node {
        case .scalar(let scalar): check(scalar, node, isCondition: false, &reader)
        case .sequence(let list): for child in list.nodes { visit(child, &reader) }
        case .mapping(let mapping):
            for pair in mapping.pairs {
                visit(pair.key, &reader)
                if case .scalar(let key) = pair.key, case .scalar(let value) = pair.value, bounds.conditionKeys.contains(key.string) {
                    values += 1
                    check(value, pair.value, isCondition: true, &reader)
                } else {
                    visit(pair.value, &reader)
                }
            }
        }
    }

    private mutating func check(_ scalar: YAMLNode.Scalar, _ node: YAMLNode, isCondition: Bool, _ reader: inout YAMLReader) {
        let text = scalar.string
        let length = text.unicodeScalars.count
        total += length
        let place = scalar.mark.line << 20 | scalar.mark.column
        if !reported.contains(place) {
            if let index = text.unicodeScalars.firstIndex(where: Printable.isControl) {
                reported.insert(place)
                let offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
                reader.error(
                    reader.location(ofOffset: offset, in: node),
                    "\(Printable.quoted(text, limit: 40)) holds \(Self.named(text.unicodeScalars[index])); a text is plain text on one line: remove it"
                )
            } else if length > bounds.longest, !isCondition {
                reported.insert(place)
                reader.error(at: node, "this value is \(length) characters; at most \(bounds.longest) are allowed: shorten it")
            }
        }
        if total > bounds.total {
            reader.error(at: node, "the file's texts come to more than \(bounds.total) characters in all; shorten them or split the content")
            stopped = true
        }
    }

    /// A control character in words a writer can act on.
    private static func named(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let what =
            switch scalar {
            case "\u{1B}": "an escape, which starts a terminal escape sequence"
            case "\u{07}": "a bell"
            case "\t": "a tab"
            case "\n", "\r": "a line break"
            default: "a control character"
            }
        return "\(what) (\(code))"
    }
}
