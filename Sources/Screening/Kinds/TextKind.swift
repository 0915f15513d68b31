import Localization

/// Free text on one line, up to `maxLength` characters.
public struct TextKind: QuestionKind {
    public var maxLength: Int

    public init(maxLength: Int = TextKind.defaultMaxLength) { self.maxLength = maxLength }

    /// Characters allowed when the item does not say.
    public static let defaultMaxLength = 2000
    public static let name = "text"
    public static let keys = ["maxLength"]

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> TextKind {
        let length = reader.integer(fields["maxLength"], "maxLength") ?? defaultMaxLength
        let allowed = QuestionnaireLoader.maxLengthRange
        guard allowed.contains(length) else {
            reader.error(at: fields["maxLength"], "maxLength must be from \(allowed.lowerBound) to \(allowed.upperBound) characters")
            return TextKind()
        }
        return TextKind(maxLength: length)
    }

    public func write(to archive: inout ArchiveWriter) { archive.int(maxLength) }

    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> TextKind {
        TextKind(maxLength: try archive.int())
    }

    public func valueType(item: String) -> ValueType? { .text }

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        guard case .string(let s) = plain else { return mismatch(plain) }
        guard !Printable.hasControl(s) else {
            return .failure(AnswerProblem("\(Printable.quoted(s)) holds a control character (a line break, tab or escape); write it as plain text"))
        }
        guard s.count <= maxLength else { return .failure(AnswerProblem("the text is \(s.count) characters; at most \(maxLength) are allowed")) }
        return .success(.text(s))
    }

    public var expectation: String { "text" }
    public var readsScalarsAsText: Bool { true }

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        guard case .text(let text) = answer else { return answer.plain.description }
        return text
    }

    public func typingHint(_ messages: Messages) -> String { messages.answers.textHint }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        let words = messages.answers
        guard !typed.isEmpty else { return .failure(AnswerProblem(words.textEmpty(skip: messages.keys.skip[0]))) }
        guard typed.count <= maxLength else { return .failure(AnswerProblem(words.textTooLong(count: maxLength))) }
        guard !Printable.hasControl(typed) else { return .failure(AnswerProblem(words.textControl(typed: Printable.quoted(typed)))) }
        return .success(.text(typed))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        .text("free text \(Int.random(in: 0...999, using: &generator))")
    }

    public var signature: String { "text" }
}

extension QuestionKind where Self == TextKind {
    /// Free text of at most `maxLength` characters.
    public static func text(maxLength: Int) -> TextKind { TextKind(maxLength: maxLength) }
}
