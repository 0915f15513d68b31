import Localization

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

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
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

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        switch answer {
        case .boolean(.yes): messages.answers.yes
        case .boolean(.no): messages.answers.no
        case .boolean(.unsure): messages.answers.notSure
        default: answer.plain.description
        }
    }

    public func choices(_ messages: Messages) -> [String] {
        let words = messages.answers
        return allowsUnsure ? [words.yes, words.no, words.notSure] : [words.yes, words.no]
    }

    public func typingHint(_ messages: Messages) -> String {
        allowsUnsure ? messages.answers.booleanHintUnsure : messages.answers.booleanHint
    }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        let words = messages.answers
        if allowsUnsure, typed == "3" || Messages.isOne(of: words.unsureWords, typed) { return .success(.boolean(.unsure)) }
        if typed == "1" || Messages.isOne(of: words.yesWords, typed) { return .success(.boolean(.yes)) }
        if typed == "2" || Messages.isOne(of: words.noWords, typed) { return .success(.boolean(.no)) }
        return .failure(AnswerProblem(allowsUnsure ? words.booleanRetryUnsure : words.booleanRetry))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        .boolean(allowsUnsure && Int.random(in: 0..<5, using: &generator) == 0 ? .unsure : Bool.random(using: &generator) ? .yes : .no)
    }

    public var signature: String { "boolean:\(allowsUnsure)" }
}

extension QuestionKind where Self == BooleanKind {
    /// A yes/no question.
    public static func boolean(allowsUnsure: Bool) -> BooleanKind { BooleanKind(allowsUnsure: allowsUnsure) }
}
