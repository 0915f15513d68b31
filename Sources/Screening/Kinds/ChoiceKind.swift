import Localization

/// One answer from a list of options.
public struct ChoiceKind: OptionKind {
    public var options: [AnswerOption]

    public init(_ options: [AnswerOption]) { self.options = options }

    public static let name = "choice"

    public func valueType(item: String) -> ValueType? { .choice(item: item) }

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        guard case .string(let s) = plain else { return mismatch(plain) }
        guard options.option(s) != nil else { return .failure(options.notAnOption(s, "one of")) }
        return .success(.choice(s))
    }

    public var expectation: String { "one of \(options.values)" }

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        guard case .choice(let value) = answer else { return answer.plain.description }
        return options.option(value)?.label ?? value
    }

    public func typingHint(_ messages: Messages) -> String { messages.answers.choiceHint }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        if let option = options.option(matching: typed, messages) { return .success(.choice(option.value)) }
        return .failure(
            typed.isEmpty
                ? AnswerProblem(messages.answers.choiceRetry(count: options.count)) : options.unmatched(typed, several: false, messages))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        .choice(options.randomElement(using: &generator)!.value)
    }

    public var signature: String { "choice:" + options.map(\.value).joined(separator: ",") }
}

extension QuestionKind where Self == ChoiceKind {
    /// One answer from `options`.
    public static func choice(_ options: [AnswerOption]) -> ChoiceKind { ChoiceKind(options) }
}
