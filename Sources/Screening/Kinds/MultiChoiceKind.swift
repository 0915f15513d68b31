import Foundation

/// Any number of options, at least one; an `exclusive` option ("None of these") stands alone.
public struct MultiChoiceKind: OptionKind {
    public var options: [AnswerOption]

    public init(_ options: [AnswerOption]) { self.options = options }

    public static let name = "multiChoice"

    public func valueType(item: String) -> ValueType? { .selection(item: item) }

    public func answer(from plain: PlainValue) -> Result<Answer, AnswerProblem> {
        switch plain {
        case .list(let values): selection(values)
        case .string(let value): selection([value])
        default: mismatch(plain)
        }
    }

    /// The selection of `values`, in the options' order, or what is wrong with it.
    func selection(_ values: [String]) -> Result<Answer, AnswerProblem> {
        var selected: [String] = []
        for value in values {
            guard options.option(value) != nil else { return .failure(options.notAnOption(value, "any of")) }
            if !selected.contains(value) { selected.append(value) }
        }
        let exclusive = options.filter(\.exclusive).map(\.value)
        if selected.count > 1, let none = selected.first(where: exclusive.contains) {
            return .failure(AnswerProblem("'\(none)' cannot be combined with other options"))
        }
        if selected.isEmpty {
            return .failure(AnswerProblem("choose at least one option\(exclusive.first.map { " (or '\($0)')" } ?? "")"))
        }
        return .success(.multiChoice(options.map(\.value).filter(selected.contains)))
    }

    public var expectation: String { "a list of any of \(options.values)" }

    public func display(_ answer: Answer) -> String {
        guard case .multiChoice(let values) = answer else { return answer.plain.description }
        return values.map { options.option($0)?.label ?? $0 }.joined(separator: "; ")
    }

    public var typingHint: String { "Type the numbers of all that apply, e.g. 1,3 (or their first words)." }

    public func parse(typed: String) -> Result<Answer, AnswerProblem> {
        // Commas separate answers; spaces do too between numbers ("1 3"), but not inside words.
        let parts = typed.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { part -> [String] in
            let tokens = part.split(separator: " ").map(String.init)
            let numbers = tokens.allSatisfy { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))) != nil }
            return numbers ? tokens : [part.trimmingCharacters(in: .whitespaces)]
        }
        var values: [String] = []
        for part in parts where !part.isEmpty {
            guard let option = options.option(matching: part) else { return .failure(options.unmatched(part, several: true)) }
            values.append(option.value)
        }
        return selection(values).mapError { problem in
            let none = options.firstIndex(where: \.exclusive).map { " Type \($0 + 1) alone if none apply." } ?? ""
            return AnswerProblem(problem.message.prefix(1).uppercased() + problem.message.dropFirst() + "." + none)
        }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Answer {
        let plain = options.filter { !$0.exclusive }
        let picked = plain.filter { _ in Int.random(in: 0..<4, using: &generator) == 0 }.map(\.value)
        if picked.isEmpty, let none = options.first(where: \.exclusive) { return .multiChoice([none.value]) }
        return .multiChoice(picked.isEmpty ? [plain[0].value] : picked)
    }

    public var signature: String { "multiChoice:" + options.map { $0.value + ($0.exclusive ? "!" : "") }.joined(separator: ",") }
}

extension QuestionKind where Self == MultiChoiceKind {
    /// Any of `options`.
    public static func multiChoice(_ options: [AnswerOption]) -> MultiChoiceKind { MultiChoiceKind(options) }
}
