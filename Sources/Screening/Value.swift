/// The run-time value of an expression.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case selection(Set<String>)
    case list([Value])
    /// The item was not answered (skipped, not shown, or not yet asked).
    case missing

    /// Truth in a condition: only a real `true` holds; a missing answer does not.
    public var isTrue: Bool { self == .bool(true) }
}

extension Value {
    /// An answer as conditions read it: yes/no as a truth value, a choice or text as a string,
    /// selections as a set, numbers as numbers.
    init(_ answer: Answer) {
        switch answer {
        case .boolean(let b): self = .bool(b == .yes)
        case .choice(let s), .text(let s): self = .string(s)
        case .multiChoice(let values): self = .selection(Set(values))
        case .integer(let n): self = .number(Double(n))
        case .decimal(let d): self = .number(d)
        case .date(let date): self = .string(date.iso)
        }
    }
}
