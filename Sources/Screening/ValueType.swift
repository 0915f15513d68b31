/// The static type of an expression, worked out when a questionnaire loads.
public enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case bool
    case number
    case text
    /// The chosen option of a choice item.
    case choice(item: String)
    /// The selected options of a multiChoice item.
    case selection(item: String)
    /// A string literal, such as an option value.
    case string
    /// A list literal.
    case list
    /// The answer of a date item.
    case date

    public var description: String {
        switch self {
        case .bool: "a yes/no value"
        case .number: "a number"
        case .text: "free text"
        case .choice(let item): "choice '\(item)'"
        case .selection(let item): "the selections of '\(item)'"
        case .string: "a string"
        case .list: "a list"
        case .date: "a date"
        }
    }
}
