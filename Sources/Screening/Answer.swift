import Localization

/// A person's answer to one item. Each kind of question (see `QuestionKind`) reads, checks and
/// shows its own answers; this is the shape they take.
public enum Answer: Hashable, Sendable {
    case boolean(BooleanAnswer)
    case choice(String)
    /// Selected option values, in the item's option order.
    case multiChoice([String])
    case integer(Int)
    case decimal(Double)
    case text(String)
    case date(CalendarDate)

    /// Yes, no, or not sure.
    public enum BooleanAnswer: String, Hashable, Sendable, Codable {
        case yes, no, unsure
    }

    /// The answer in words, using the item's option labels and unit, in the language of `messages`.
    public func display(for item: Item, _ messages: Messages) -> String { item.kind.display(self, messages) }

    /// The answer as a plain value for JSON and YAML files.
    public var plain: PlainValue {
        switch self {
        case .boolean(.yes): .bool(true)
        case .boolean(.no): .bool(false)
        case .boolean(.unsure): .string("unsure")
        case .choice(let value), .text(let value): .string(value)
        case .multiChoice(let values): .list(values)
        case .integer(let n): .number(Double(n))
        case .decimal(let d): .number(d)
        case .date(let date): .string(date.iso)
        }
    }

    /// Reads a plain value as an answer to `item`, or says what the item accepts.
    public static func from(_ value: PlainValue, for item: Item, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        item.kind.answer(from: value, today: today)
    }
}

/// Why a value is not an acceptable answer, in words a person can act on.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
