/// Yes or no, and "Not sure" when the item allows it (`allowUnsure: true`).
public struct BooleanKind: QuestionKind {
    public var allowsUnsure: Bool

    public init(allowsUnsure: Bool = false) { self.allowsUnsure = allowsUnsure }

    public static let name = "boolean"
    public static let keys = ["allowUnsure"]

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> BooleanKind {
        BooleanKind(allowsUnsure: reader.bool(fields["allowUnsure"], "allowUnsure") ?? false)
    }

    public func write(to archive: inout ArchiveWriter) { archive.bool(allowsUnsure) }

    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> BooleanKind {
        BooleanKind(allowsUnsure: try archive.bool())
    }

    public func valueType(item: String) -> ValueType? { .bool }

    public func answer(from plain: PlainValue) -> Result<Answer, AnswerProblem> {
        switch plain {
        case .bool(let b): return .success(.boolean(b ? .yes : .no))
        case .string(let s):
            switch s.lowercased() {
            case "yes", "y", "true": return .success(.boolean(.yes))
            case "no", "n", "false": return .success(.boolean(.no))
            case "unsure" where allowsUnsure, "not sure" where allowsUnsure: return .success(.boolean(.unsure))
            default: return .failure(AnswerProblem("\(Printable.quoted(s)) is not an answer to a yes/no question; use \(expectation)"))
            }
        default: return mismatch(plain)
        }
    }

    public var expectation: String { allowsUnsure ? "true, false or 'unsure'" : "true or false" }

    public func display(_ answer: Answer) -> String {
        switch answer {
        case .boolean(.yes): "Yes"
        case .boolean(.no): "No"
        case .boolean(.unsure): "Not sure"
        default: answer.plain.description
        }
    }

    public var choices: [String] { allowsUnsure ? ["Yes", "No", "Not sure"] : ["Yes", "No"] }

    public var typingHint: String { "Type 1 or y for yes, 2 or n for no\(allowsUnsure ? ", 3 if you are not sure" : "")." }

    public func parse(typed: String) -> Result<Answer, AnswerProblem> {
        let lower = typed.lowercased()
        if allowsUnsure, ["3", "u", "unsure", "not sure", "dont know", "don't know"].contains(lower) { return .success(.boolean(.unsure)) }
        switch lower {
        case "1", "y", "yes": return .success(.boolean(.yes))
        case "2", "n", "no": return .success(.boolean(.no))
        default: return .failure(AnswerProblem("Please type 1 or y for yes, 2 or n for no\(allowsUnsure ? ", or 3 for not sure" : "")."))
        }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Answer {
        .boolean(allowsUnsure && Int.random(in: 0..<5, using: &generator) == 0 ? .unsure : Bool.random(using: &generator) ? .yes : .no)
    }

    public var signature: String { "boolean:\(allowsUnsure)" }
}

extension QuestionKind where Self == BooleanKind {
    /// A yes/no question.
    public static func boolean(allowsUnsure: Bool) -> BooleanKind { BooleanKind(allowsUnsure: allowsUnsure) }
}
