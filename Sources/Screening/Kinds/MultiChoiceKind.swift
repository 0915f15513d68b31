import Foundation
import Localization

/// Any number of options, at least one; an `exclusive` option ("None of these") stands alone.
public struct MultiChoiceKind: OptionKind {
    public var options: [AnswerOption]

    public init(_ options: [AnswerOption]) { self.options = options }

    public static let name = "multiChoice"

    public func valueType(item: String) -> ValueType? { .selection(item: item) }

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
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

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        guard case .multiChoice(let values) = answer else { return answer.plain.description }
        return values.map { options.option($0)?.label ?? $0 }.joined(separator: "; ")
    }

    public func typingHint(_ messages: Messages) -> String { messages.answers.multiChoiceHint }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        let words = messages.answers
        // Commas separate answers; spaces do too between numbers ("1 3"), but not inside words.
        let parts = typed.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { part -> [String] in
            let tokens = part.split(separator: " ").map(String.init)
            let numbers = tokens.allSatisfy { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))) != nil }
            return numbers ? tokens : [part.trimmingCharacters(in: .whitespaces)]
        }
        // "No" to a list that has a "none of these" (and no answer of its own starting with "No").
        if Messages.isOne(of: words.noWords, typed), options.option(matching: typed, messages) == nil,
            let none = options.first(where: \.exclusive)
        {
            return .success(.multiChoice([none.value]))
        }
        var chosen: [AnswerOption] = []
        for part in parts where !part.isEmpty {
            guard let option = options.option(matching: part, messages) else {
                return .failure(options.unmatched(part, several: true, messages))
            }
            if !chosen.contains(option) { chosen.append(option) }
        }
        let none = options.firstIndex(where: \.exclusive)
        let alone = none.map { " " + words.noneAlone(number: $0 + 1) } ?? ""
        if chosen.count > 1, let exclusive = chosen.first(where: \.exclusive) {
            return .failure(AnswerProblem(words.cannotCombine(answer: exclusive.label) + alone))
        }
        if chosen.isEmpty { return .failure(AnswerProblem(words.chooseAtLeastOne + alone)) }
        return .success(.multiChoice(options.map(\.value).filter { value in chosen.contains { $0.value == value } }))
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
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
