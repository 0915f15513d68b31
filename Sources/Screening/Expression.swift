/// A condition or computed value from a questionnaire file, as a syntax tree.
///
/// Equality compares the tree only, not where it was written, so a printed
/// expression re-parses to an equal value.
public struct Expression: Hashable, Sendable {
    /// The shape of one node.
    public indirect enum Node: Hashable, Sendable {
        case number(Double)
        /// A quoted string, or a bare word the checker resolved to an option value.
        case string(String)
        case bool(Bool)
        /// A bare word: an item id, a computed value, or (after checking) an option value.
        case name(String)
        case list([Expression])
        case not(Expression)
        case negate(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(Function, String)
    }

    public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
        case or, and
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case `in`
        case add = "+"
        case subtract = "-"
        case multiply = "*"

        /// Binding strength: higher binds tighter.
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: 4
            case .add, .subtract: 5
            case .multiply: 6
            }
        }
    }

    public enum Function: String, Hashable, Sendable, CaseIterable {
        /// True when the item has an answer.
        case answered
        /// How many options of a multiChoice item are selected ("none of these" counts 0).
        case count
        /// The points of the chosen option of a choice item.
        case points
        /// The band of a nutrient (`low`, `possible` or `likely`); only triggers, advice, other
        /// causes and tests may read it, since it is worked out from the answers as a whole.
        case band
        /// Whole years from a date item's answer to the day of the screening (an age); only an
        /// item's `calculated` may use it.
        case years
    }

    public var node: Node {
        didSet { depth = Self.depth(of: node) }
    }
    /// UTF-8 offset of the node's first character within the expression text.
    public var offset: Int
    /// Nodes on the longest path from here to a leaf: 1 for a name or a number. Kept with the
    /// node, so every walk over a tree knows how deep it goes before it starts.
    public private(set) var depth: Int

    /// Deepest tree a condition may form. The parser refuses anything deeper with a located error,
    /// and the archive decoder refuses it too, so every recursive walk over an expression (checker,
    /// evaluator, printer, evidence) stays this shallow, whatever the file holds.
    public static let maximumDepth = 64
    /// Longest condition text accepted, in UTF-8 bytes.
    public static let maximumLength = 4096
    /// Longest name (item id, option value, function) accepted, in characters.
    public static let maximumNameLength = 64

    public init(_ node: Node, offset: Int = 0) {
        self.node = node
        self.offset = offset
        self.depth = Self.depth(of: node)
    }

    private static func depth(of node: Node) -> Int {
        switch node {
        case .number, .string, .bool, .name, .call: 1
        case .list(let elements): 1 + (elements.map(\.depth).max() ?? 0)
        case .not(let e), .negate(let e): 1 + e.depth
        case .binary(_, let l, let r): 1 + max(l.depth, r.depth)
        }
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }

    /// The nutrients whose band this expression reads through `band(…)`.
    public var bandReads: Set<String> {
        switch node {
        case .number, .string, .bool, .name: []
        case .call(.band, let id): [id]
        case .call: []
        case .list(let elements): elements.reduce(into: []) { $0.formUnion($1.bandReads) }
        case .not(let e), .negate(let e): e.bandReads
        case .binary(_, let l, let r): l.bandReads.union(r.bandReads)
        }
    }

    /// Every item or computed id this expression reads.
    public var references: Set<String> {
        switch node {
        case .number, .string, .bool: []
        case .name(let id): [id]
        case .call(.band, _): []
        case .call(_, let id): [id]
        case .list(let elements): elements.reduce(into: []) { $0.formUnion($1.references) }
        case .not(let e), .negate(let e): e.references
        case .binary(_, let l, let r): l.references.union(r.references)
        }
    }
}

extension Expression: CustomStringConvertible {
    /// Source text that parses back to an equal expression, with only the parentheses it needs.
    public var description: String { printed(parentPrecedence: 0) }

    private func printed(parentPrecedence: Int) -> String {
        switch node {
        case .number(let value):
            return value == value.rounded() && abs(value) < 1e15
                ? String(Int64(value)) : String(value)
        case .string(let text):
            return "'"
                + text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "'", with: "\\'") + "'"
        case .bool(let value): return value ? "true" : "false"
        case .name(let id): return id
        case .call(let function, let id): return "\(function.rawValue)(\(id))"
        case .list(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .not(let operand):
            let text = "not " + operand.printed(parentPrecedence: 3)
            return parentPrecedence > 3 ? "(\(text))" : text
        case .negate(let operand):
            return "-" + operand.printed(parentPrecedence: 7)
        case .binary(let op, let lhs, let rhs):
            let p = op.precedence
            // Comparisons do not chain, so both sides need tighter binding; others are left-associative.
            let leftMinimum = p == 4 ? p + 1 : p
            let text = "\(lhs.printed(parentPrecedence: leftMinimum)) \(op.rawValue) \(rhs.printed(parentPrecedence: p + 1))"
            return parentPrecedence > p ? "(\(text))" : text
        }
    }
}

extension Expression {
    /// The options tested as `option in item` anywhere in the expression.
    public func options(of item: String) -> Set<String> {
        switch node {
        case .binary(.in, let lhs, let rhs):
            if case .name(item) = rhs.node {
                switch lhs.node {
                case .string(let option), .name(let option): return [option]
                default: return []
                }
            }
            return lhs.options(of: item).union(rhs.options(of: item))
        case .binary(_, let lhs, let rhs): return lhs.options(of: item).union(rhs.options(of: item))
        case .not(let inner), .negate(let inner): return inner.options(of: item)
        case .list(let elements): return elements.reduce(into: []) { $0.formUnion($1.options(of: item)) }
        default: return []
        }
    }
}
