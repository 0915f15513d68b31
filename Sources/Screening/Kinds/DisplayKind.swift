import Localization

/// Text shown before the next question of its section; it takes no answer.
public struct DisplayKind: QuestionKind {
    public init() {}

    public static let name = "display"
    public static let keys: [String] = []

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> DisplayKind { DisplayKind() }
    public func write(to archive: inout ArchiveWriter) {}
    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> DisplayKind { DisplayKind() }

    public func valueType(item: String) -> ValueType? { nil }
    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        .failure(AnswerProblem("this is display text and takes no answer"))
    }
    public var expectation: String { "no answer" }
    public func display(_ answer: Answer, _ messages: Messages) -> String { "" }
    public func typingHint(_ messages: Messages) -> String { "" }
    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        .failure(AnswerProblem(messages.answers.informationOnly))
    }
    /// Display text has no answer; this empty text is never stored.
    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer { .text("") }
    public var signature: String { "display" }
}

extension QuestionKind where Self == DisplayKind {
    /// Display text.
    public static var display: DisplayKind { DisplayKind() }
}
