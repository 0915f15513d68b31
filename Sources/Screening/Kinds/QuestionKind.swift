import Localization

/// One kind of question (yes/no, a choice, a number, a date…) with everything the program does
/// with it in one place: its settings in a questionnaire file, how conditions see its answer,
/// answers in files and typed at the prompt (in the person's language), the answer in words,
/// its texts in another language, random answers, and its settings in the questionnaire
/// archive. `QuestionKinds.all` lists every kind.
public protocol QuestionKind: Sendable, Hashable {
    /// The `type:` that names the kind in questionnaire files (`boolean`, `date`…).
    static var name: String { get }
    /// Keys an item of this kind may carry besides those every item has.
    static var keys: [String] { get }
    /// The settings from an item's fields; problems are reported to `reader`, located.
    static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> Self
    /// Writes the settings to the questionnaire archive.
    func write(to archive: inout ArchiveWriter)
    /// Reads what `write(to:)` wrote.
    static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Self

    /// How conditions see the answer; nil when the item takes none (display text).
    func valueType(item: String) -> ValueType?
    /// Reads a plain value (an answers file, a saved session, FHIR) as an answer on the day
    /// `today` (a date may not be after it), or says what the item accepts.
    func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem>
    /// What `answer(from:)` accepts, in words ("true or false", "a date such as 1958-03-14"),
    /// for messages about files, which are in English.
    var expectation: String { get }
    /// True when an answers file's unquoted scalars stay text (option values, free text, dates)
    /// instead of being read as yes/no or numbers.
    var readsScalarsAsText: Bool { get }
    /// The answer in words, as the person and the report see it.
    func display(_ answer: Answer, _ messages: Messages) -> String
    /// The numbered answers listed under the question (empty when the answer is typed).
    func choices(_ messages: Messages) -> [String]
    /// What to type, shown under the question.
    func typingHint(_ messages: Messages) -> String
    /// Reads what a person typed (already trimmed) in the language of `messages` on the day
    /// `today` (a date may not be after it), or says what to type instead.
    func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem>
    /// The kind with its texts in another language (option labels, a unit); what it accepts and
    /// its `signature` stay the same, so saved answers keep fitting.
    func translated(_ texts: KindTexts) -> Self
    /// A valid answer drawn at random, as a person could give it on the day `today`.
    func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer
    /// What a saved answer depends on: when it changes, the saved answer is dropped rather than
    /// misread.
    var signature: String { get }
}

/// A kind's texts in another language: option labels by option value, and a unit.
public struct KindTexts: Sendable, Equatable {
    public var labels: [String: String]
    public var unit: String?

    public init(labels: [String: String] = [:], unit: String? = nil) {
        self.labels = labels
        self.unit = unit
    }
}

extension QuestionKind {
    public func choices(_ messages: Messages) -> [String] { [] }
    public func translated(_ texts: KindTexts) -> Self { self }
    public var readsScalarsAsText: Bool { false }
    /// The `type:` name of this kind.
    public var name: String { Self.name }

    /// The failure every kind gives for a plain value of the wrong shape.
    func mismatch(_ plain: PlainValue) -> Result<Answer, AnswerProblem> {
        .failure(AnswerProblem("expected \(expectation), not \(plain.kindDescription)"))
    }
}

/// A kind whose answer is chosen from a list of options.
public protocol OptionKind: QuestionKind {
    var options: [AnswerOption] { get }
    init(_ options: [AnswerOption])
}

extension OptionKind {
    public static var keys: [String] { ["options"] }

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> Self {
        if fields["options"] == nil { reader.error(at: fields.node, "\(item) is a \(name) item and needs 'options'") }
        return Self(.load(fields["options"], of: item, multi: Self.self == MultiChoiceKind.self, &reader))
    }

    public func write(to archive: inout ArchiveWriter) { options.write(to: &archive) }

    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Self {
        Self(try .read(from: &archive))
    }

    public func choices(_ messages: Messages) -> [String] { options.map(\.label) }
    public var readsScalarsAsText: Bool { true }

    public func translated(_ texts: KindTexts) -> Self {
        Self(
            options.map { option in
                AnswerOption(
                    value: option.value, label: texts.labels[option.value] ?? option.label, points: option.points, exclusive: option.exclusive)
            })
    }
}

/// A kind whose answer is a number within limits.
public protocol NumberKind: QuestionKind {
    var range: NumberRange { get }
    init(_ range: NumberRange)
}

extension NumberKind {
    public static var keys: [String] { ["min", "max", "unit"] }

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> Self {
        Self(.load(fields, whole: Self.self == IntegerKind.self, &reader))
    }

    public func write(to archive: inout ArchiveWriter) { range.write(to: &archive) }

    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Self {
        Self(try .read(from: &archive))
    }

    public func valueType(item: String) -> ValueType? { .number }
    public func typingHint(_ messages: Messages) -> String { range.typingHint(messages) }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        range.parse(typed: typed, whole: Self.self == IntegerKind.self, messages)
    }

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        switch answer {
        case .integer(let n): range.withUnit(String(n))
        case .decimal(let d): range.withUnit(messages.number(d))
        default: answer.plain.description
        }
    }

    public func translated(_ texts: KindTexts) -> Self {
        var range = range
        if let unit = texts.unit { range.unit = unit }
        return Self(range)
    }

    public var signature: String { "\(Self.name):\(range.min ?? -.infinity):\(range.max ?? .infinity)" }
}
