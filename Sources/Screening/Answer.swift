/// A person's answer to one item.
public enum Answer: Hashable, Sendable {
    case boolean(BooleanAnswer)
    case choice(String)
    /// Selected option values, in the item's option order.
    case multiChoice([String])
    case integer(Int)
    case decimal(Double)
    case text(String)

    /// Yes, no, or not sure.
    public enum BooleanAnswer: String, Hashable, Sendable, Codable {
        case yes, no, unsure
    }

    /// The answer in words, using the item's option labels.
    public func display(for item: Item) -> String {
        switch self {
        case .boolean(.yes): "Yes"
        case .boolean(.no): "No"
        case .boolean(.unsure): "Not sure"
        case .choice(let value): item.option(value)?.label ?? value
        case .multiChoice(let values): values.map { item.option($0)?.label ?? $0 }.joined(separator: "; ")
        case .integer(let n): Self.withUnit(String(n), item)
        case .decimal(let d): Self.withUnit(NumberText.plain(d), item)
        case .text(let text): text
        }
    }

    private static func withUnit(_ number: String, _ item: Item) -> String {
        switch item.kind {
        case .integer(let range), .decimal(let range): range.unit.map { "\(number) \($0)" } ?? number
        default: number
        }
    }

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
        }
    }

    /// Reads a plain value as an answer to `item`, or says what the item accepts.
    public static func from(_ value: PlainValue, for item: Item) -> Result<Answer, AnswerProblem> {
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return .success(.boolean(b ? .yes : .no))
        case (.boolean(let unsure), .string(let s)):
            switch s.lowercased() {
            case "yes", "y", "true": return .success(.boolean(.yes))
            case "no", "n", "false": return .success(.boolean(.no))
            case "unsure" where unsure, "not sure" where unsure: return .success(.boolean(.unsure))
            default:
                return .failure(
                    .init("\(Printable.quoted(s)) is not an answer to a yes/no question; use true or false\(unsure ? " or 'unsure'" : "")"))
            }
        case (.choice(let options), .string(let s)):
            guard options.contains(where: { $0.value == s }) else {
                return .failure(
                    .init(
                        "\(Printable.quoted(s)) is not an option\(Suggestion.didYouMean(s, among: options.map(\.value))); use one of \(options.map(\.value).joined(separator: ", "))"
                    ))
            }
            return .success(.choice(s))
        case (.multiChoice(let options), .list(let values)): return multiChoice(values, options: options)
        case (.multiChoice(let options), .string(let value)): return multiChoice([value], options: options)
        case (.integer(let range), .number(let n)):
            guard n == n.rounded(), abs(n) < 1e9 else { return .failure(.init("\(PlainValue.number(n)) is not a whole number")) }
            guard range.contains(n) else { return .failure(.init(rangeMessage(n, range))) }
            return .success(.integer(Int(n)))
        case (.decimal(let range), .number(let n)):
            guard range.contains(n) else { return .failure(.init(rangeMessage(n, range))) }
            return .success(.decimal(n))
        case (.text(let maxLength), .string(let s)):
            guard !Printable.hasControl(s) else {
                return .failure(.init("\(Printable.quoted(s)) holds a control character (a line break, tab or escape); write it as plain text"))
            }
            guard s.count <= maxLength else { return .failure(.init("the text is \(s.count) characters; at most \(maxLength) are allowed")) }
            return .success(.text(s))
        case (.display, _):
            return .failure(.init("this is display text and takes no answer"))
        default:
            return .failure(.init("expected \(expectation(for: item)), not \(value.kindDescription)"))
        }
    }

    static func multiChoice(_ values: [String], options: [AnswerOption]) -> Result<Answer, AnswerProblem> {
        var selected: [String] = []
        for value in values {
            guard options.contains(where: { $0.value == value }) else {
                return .failure(
                    .init(
                        "\(Printable.quoted(value)) is not an option\(Suggestion.didYouMean(value, among: options.map(\.value))); use any of \(options.map(\.value).joined(separator: ", "))"
                    ))
            }
            if !selected.contains(value) { selected.append(value) }
        }
        let exclusive = options.filter(\.exclusive).map(\.value)
        if selected.count > 1, let none = selected.first(where: exclusive.contains) {
            return .failure(.init("'\(none)' cannot be combined with other options"))
        }
        if selected.isEmpty {
            return .failure(.init("choose at least one option\(exclusive.first.map { " (or '\($0)')" } ?? "")"))
        }
        return .success(.multiChoice(options.map(\.value).filter(selected.contains)))
    }

    static func rangeMessage(_ n: Double, _ range: NumberRange) -> String {
        let unit = range.unit.map { " \($0)" } ?? ""
        let f = NumberText.plain
        switch (range.min, range.max) {
        case (let lo?, let hi?): return "\(f(n)) is outside the allowed range \(f(lo)) to \(f(hi))\(unit)"
        case (let lo?, nil): return "\(f(n)) is below the minimum of \(f(lo))\(unit)"
        case (nil, let hi?): return "\(f(n)) is above the maximum of \(f(hi))\(unit)"
        default: return "\(f(n)) is out of range"
        }
    }

    /// What an item accepts, in words.
    public static func expectation(for item: Item) -> String {
        switch item.kind {
        case .boolean(let unsure): unsure ? "true, false or 'unsure'" : "true or false"
        case .choice(let options): "one of \(options.map(\.value).joined(separator: ", "))"
        case .multiChoice(let options): "a list of any of \(options.map(\.value).joined(separator: ", "))"
        case .integer(let r): "a whole number" + r.phrase
        case .decimal(let r): "a number" + r.phrase
        case .text: "text"
        case .display: "no answer"
        }
    }
}

/// Why a value is not an acceptable answer, in words a person can act on.
public struct AnswerProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
