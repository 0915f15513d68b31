/// Parses the condition language:
///
///     expr   := or
///     or     := and ("or" and)*
///     and    := not ("and" not)*
///     not    := "not" not | cmp
///     cmp    := sum (("=="|"!="|"<"|"<="|">"|">="|"in") sum)?
///     sum    := prod (("+"|"-") prod)*
///     prod   := unary ("*" unary)*
///     unary  := "-" unary | atom
///     atom   := number | string | true | false | name | name "(" name ")" | "[" list "]" | "(" expr ")"
///
/// Errors carry the UTF-8 offset of the offending token.
///
/// Limits keep every later walk over the tree shallow: text longer than
/// `Expression.maximumLength`, a name longer than `Expression.maximumNameLength`, and a tree or
/// nesting of brackets, `not` and `-` deeper than `Expression.maximumDepth` are located errors.
/// Operator chains are parsed in loops and brackets recurse at most that deep, so no input can
/// exhaust the stack.
public struct ExpressionParser {
    private var tokens: [Token]
    private var position = 0
    /// Brackets, `not` and unary `-` open around the token being parsed.
    private var nesting = 0

    /// Parses `text` completely, or throws the first syntax error.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        let length = text.utf8.count
        if length > Expression.maximumLength {
            throw ExpressionError(
                offset: Expression.maximumLength,
                message: "this condition is \(length) bytes long; at most \(Expression.maximumLength) are allowed, so split it into computed values")
        }
        var parser = ExpressionParser(tokens: try Lexer.tokens(of: text))
        let expression = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw ExpressionError(offset: parser.current.offset, message: "unexpected \(parser.current.kind) after the end of the condition")
        }
        return expression
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var current: Token { tokens[position] }
    private mutating func advance() -> Token {
        defer { if position < tokens.count - 1 { position += 1 } }
        return tokens[position]
    }

    /// A node, refused when the tree under it is deeper than `Expression.maximumDepth`.
    private func node(_ node: Expression.Node, offset: Int, at operatorOffset: Int) throws(ExpressionError) -> Expression {
        let expression = Expression(node, offset: offset)
        if expression.depth > Expression.maximumDepth { throw Self.tooDeep(at: operatorOffset) }
        return expression
    }

    /// Parses what `parse` gives one level further in, refusing nesting deeper than the limit.
    private mutating func nested(at offset: Int, _ parse: (inout ExpressionParser) throws(ExpressionError) -> Expression) throws(ExpressionError)
        -> Expression
    {
        guard nesting < Expression.maximumDepth else { throw Self.tooDeep(at: offset) }
        nesting += 1
        defer { nesting -= 1 }
        return try parse(&self)
    }

    private static func tooDeep(at offset: Int) -> ExpressionError {
        ExpressionError(
            offset: offset,
            message:
                "this condition nests more than \(Expression.maximumDepth) levels of operators, brackets or 'not'; split it into computed values")
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var lhs = try parseAnd()
        while case .word("or") = current.kind {
            let op = advance().offset
            lhs = try node(.binary(.or, lhs, try parseAnd()), offset: lhs.offset, at: op)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var lhs = try parseNot()
        while case .word("and") = current.kind {
            let op = advance().offset
            lhs = try node(.binary(.and, lhs, try parseNot()), offset: lhs.offset, at: op)
        }
        return lhs
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if case .word("not") = current.kind {
            let offset = advance().offset
            let operand = try nested(at: offset) { (p) throws(ExpressionError) in try p.parseNot() }
            return try node(.not(operand), offset: offset, at: offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let lhs = try parseSum()
        let op: Expression.BinaryOperator
        switch current.kind {
        case .symbol(let s) where ["==", "!=", "<", "<=", ">", ">="].contains(s):
            op = Expression.BinaryOperator(rawValue: s)!
        case .word("in"): op = .in
        case .symbol("="):
            throw ExpressionError(offset: current.offset, message: "use '==' to compare, not '='")
        default: return lhs
        }
        let opOffset = advance().offset
        let rhs = try parseSum()
        if case .symbol(let s) = current.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
            throw ExpressionError(offset: current.offset, message: "comparisons do not chain; join them with 'and'")
        }
        return try node(.binary(op, lhs, rhs), offset: lhs.offset, at: opOffset)
    }

    private mutating func parseSum() throws(ExpressionError) -> Expression {
        var lhs = try parseProduct()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            let op = advance().offset
            lhs = try node(.binary(s == "+" ? .add : .subtract, lhs, try parseProduct()), offset: lhs.offset, at: op)
        }
        return lhs
    }

    private mutating func parseProduct() throws(ExpressionError) -> Expression {
        var lhs = try parseUnary()
        while case .symbol("*") = current.kind {
            let op = advance().offset
            lhs = try node(.binary(.multiply, lhs, try parseUnary()), offset: lhs.offset, at: op)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if case .symbol("-") = current.kind {
            let offset = advance().offset
            let operand = try nested(at: offset) { (p) throws(ExpressionError) in try p.parseUnary() }
            return try node(.negate(operand), offset: offset, at: offset)
        }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(ExpressionError) -> Expression {
        let token = advance()
        switch token.kind {
        case .number(let value): return Expression(.number(value), offset: token.offset)
        case .string(let text): return Expression(.string(text), offset: token.offset)
        case .word("true"): return Expression(.bool(true), offset: token.offset)
        case .word("false"): return Expression(.bool(false), offset: token.offset)
        case .word(let word) where Lexer.keywords.contains(word):
            throw ExpressionError(offset: token.offset, message: "expected a value but found '\(word)'")
        case .word(let word):
            guard case .symbol("(") = current.kind else { return Expression(.name(word), offset: token.offset) }
            guard let function = Expression.Function(rawValue: word) else {
                let known = Expression.Function.allCases.map(\.rawValue)
                throw ExpressionError(
                    offset: token.offset,
                    message: "unknown function '\(word)'\(Suggestion.didYouMean(word, among: known)); known: \(known.joined(separator: ", "))")
            }
            _ = advance()
            let argument = advance()
            guard case .word(let id) = argument.kind, !Lexer.keywords.contains(id) else {
                throw ExpressionError(offset: argument.offset, message: "\(word)(…) takes an item id")
            }
            try expect(")", after: "the item id of \(word)(…)")
            return Expression(.call(function, id), offset: token.offset)
        case .symbol("("):
            let inner = try nested(at: token.offset) { (p) throws(ExpressionError) in try p.parseOr() }
            try expect(")", after: "the parenthesised condition")
            return inner
        case .symbol("["):
            var elements: [Expression] = []
            if case .symbol("]") = current.kind {
                _ = advance()
                return Expression(.list([]), offset: token.offset)
            }
            while true {
                elements.append(try nested(at: token.offset) { (p) throws(ExpressionError) in try p.parseOr() })
                if case .symbol(",") = current.kind {
                    _ = advance()
                    continue
                }
                try expect("]", after: "the list")
                return try node(.list(elements), offset: token.offset, at: token.offset)
            }
        case .end:
            throw ExpressionError(offset: token.offset, message: "the condition ends too early; expected a value")
        case .symbol(let s):
            throw ExpressionError(offset: token.offset, message: "expected a value but found '\(s)'")
        }
    }

    private mutating func expect(_ symbol: String, after what: String) throws(ExpressionError) {
        guard case .symbol(symbol) = current.kind else {
            throw ExpressionError(offset: current.offset, message: "expected '\(symbol)' after \(what), found \(current.kind)")
        }
        _ = advance()
    }
}

/// One lexical token with its UTF-8 offset.
struct Token {
    enum Kind: CustomStringConvertible {
        case number(Double)
        case string(String)
        case word(String)
        case symbol(String)
        case end
        var description: String {
            switch self {
            case .number(let n): "number \(n)"
            case .string(let s): "string \(Printable.quoted(s))"
            case .word(let w): "'\(w)'"
            case .symbol(let s): "'\(s)'"
            case .end: "the end"
            }
        }
    }
    var kind: Kind
    var offset: Int
}

/// Splits expression text into tokens.
enum Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

    static func tokens(of text: String) throws(ExpressionError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var i = 0
        func isWordStart(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 }
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 32 || b == 9 || b == 10 || b == 13 {
                i += 1
                continue
            }
            let start = i
            if isDigit(b) || (b == 46 && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
                while i < bytes.count, isDigit(bytes[i]) || bytes[i] == 46 { i += 1 }
                let literal = String(decoding: bytes[start..<i], as: UTF8.self)
                guard let value = Double(literal) else {
                    throw .init(offset: start, message: "'\(literal.prefix(20))' is not a number")
                }
                guard value <= 1e15 else { throw .init(offset: start, message: "this number is too large; numbers are at most 10^15") }
                if i < bytes.count, isWordStart(bytes[i]) {
                    throw .init(offset: start, message: "a name cannot start with a digit; quote it as a string")
                }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if isWordStart(b) {
                while i < bytes.count, isWordStart(bytes[i]) || isDigit(bytes[i]) { i += 1 }
                if i - start > Expression.maximumNameLength {
                    let shown = String(decoding: bytes[start..<start + 20], as: UTF8.self)
                    throw .init(
                        offset: start,
                        message: "the name '\(shown)…' is \(i - start) characters long; names are at most \(Expression.maximumNameLength)")
                }
                tokens.append(Token(kind: .word(String(decoding: bytes[start..<i], as: UTF8.self)), offset: start))
            } else if b == 39 || b == 34 {  // ' or "
                i += 1
                var value: [UInt8] = []
                while i < bytes.count, bytes[i] != b {
                    if bytes[i] == 92, i + 1 < bytes.count { i += 1 }  // backslash escape
                    value.append(bytes[i])
                    i += 1
                }
                guard i < bytes.count else { throw .init(offset: start, message: "this string has no closing quote") }
                i += 1
                tokens.append(Token(kind: .string(String(decoding: value, as: UTF8.self)), offset: start))
            } else {
                let two = i + 1 < bytes.count ? String(decoding: bytes[i...i + 1], as: UTF8.self) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append(Token(kind: .symbol(two), offset: start))
                    i += 2
                } else if "<>()[],+-*=".utf8.contains(b) {
                    tokens.append(Token(kind: .symbol(String(UnicodeScalar(b))), offset: start))
                    i += 1
                } else {
                    let rest = String(decoding: bytes[start...], as: UTF8.self)
                    let shown = rest.first.map(String.init) ?? "?"
                    let hint = ["&", "|", "!"].contains(shown) ? "; use 'and', 'or', 'not'" : ""
                    throw .init(offset: start, message: "unexpected character '\(shown)'\(hint)")
                }
            }
        }
        tokens.append(Token(kind: .end, offset: bytes.count))
        return tokens
    }
}
