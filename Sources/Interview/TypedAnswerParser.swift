import Foundation
import Screening

/// Reads what a person typed at a question as an answer: `1`, `y`/`yes`/`n`/`no`, `1,3` for
/// several choices, `70 kg` (the unit is dropped), or an option's name.
public enum TypedAnswerParser {
    /// The answer, or what to type instead.
    public static func parse(_ input: String, for item: Item) -> Result<Answer, AnswerProblem> {
        let text = input.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        switch item.kind {
        case .boolean(let allowsUnsure):
            let unsureWords: Set<String> = ["3", "u", "unsure", "not sure", "dont know", "don't know"]
            if allowsUnsure, unsureWords.contains(lower) { return .success(.boolean(.unsure)) }
            switch lower {
            case "1", "y", "yes": return .success(.boolean(.yes))
            case "2", "n", "no": return .success(.boolean(.no))
            default: return .failure(AnswerProblem("Please type 1 or y for yes, 2 or n for no\(allowsUnsure ? ", or 3 for not sure" : "")."))
            }
        case .choice(let options):
            if let option = option(matching: lower, in: options) { return .success(.choice(option.value)) }
            return .failure(AnswerProblem("Please type one number from 1 to \(options.count), or the first words of an answer."))
        case .multiChoice(let options):
            // Commas separate answers; spaces do too between numbers ("1 3"), but not inside words.
            let parts = lower.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap { part -> [String] in
                let tokens = part.split(separator: " ").map(String.init)
                let numbers = tokens.allSatisfy { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))) != nil }
                return numbers ? tokens : [part.trimmingCharacters(in: .whitespaces)]
            }
            var values: [String] = []
            for part in parts where !part.isEmpty {
                guard let option = option(matching: part, in: options) else {
                    return .failure(
                        AnswerProblem(
                            "\(Printable.quoted(part)) is not one of the numbers 1 to \(options.count). Type the numbers of all that apply, separated by commas, e.g. 1,3."
                        ))
                }
                values.append(option.value)
            }
            if case .failure(let problem) = Answer.from(.list(values), for: item) {
                let none = options.firstIndex(where: \.exclusive).map { " Type \($0 + 1) alone if none apply." } ?? ""
                return .failure(AnswerProblem(problem.message.prefix(1).uppercased() + problem.message.dropFirst() + "." + none))
            }
            return Answer.from(.list(values), for: item)
        case .integer(let range), .decimal(let range):
            guard let number = leadingNumber(text, unit: range.unit) else {
                return .failure(AnswerProblem("Please type a number\(range.unit.map { " (in \($0))" } ?? ""), e.g. \(example(range))."))
            }
            return Answer.from(.number(number), for: item).mapError {
                AnswerProblem("\($0.message.prefix(1).uppercased())\($0.message.dropFirst()). Please type a number\(range.phrase).")
            }
        case .text(let maxLength):
            guard !text.isEmpty else { return .failure(AnswerProblem("Please type your answer, or s to skip if it is optional.")) }
            guard text.count <= maxLength else { return .failure(AnswerProblem("Please keep it under \(maxLength) characters.")) }
            guard !Printable.hasControl(text) else {
                return .failure(AnswerProblem("Please type plain text: \(Printable.quoted(text)) holds a control character (such as an escape)."))
            }
            return .success(.text(text))
        case .display:
            return .failure(AnswerProblem("This is information only."))
        }
    }

    /// The option `typed` names: its number (also as "4." or "4)"), its value, its label, `y`/`n`
    /// for options that start with Yes or No, or the first words of exactly one label.
    static func option(matching typed: String, in options: [AnswerOption]) -> AnswerOption? {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !text.isEmpty else { return nil }
        if let index = Int(text.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))), options.indices.contains(index - 1) {
            return options[index - 1]
        }
        if let exact = options.first(where: { $0.value.lowercased() == text || $0.label.lowercased() == text }) { return exact }
        let word = ["y": "yes", "n": "no"][text] ?? text
        let startsWith = options.filter { option in
            let label = option.label.lowercased()
            return label.hasPrefix(word) && (label.count == word.count || !label[label.index(label.startIndex, offsetBy: word.count)].isLetter)
        }
        if startsWith.count == 1 { return startsWith[0] }
        let prefixed = options.filter { $0.label.lowercased().hasPrefix(text) }
        return text.count >= 3 && prefixed.count == 1 ? prefixed[0] : nil
    }

    /// A number at the start of `text`, followed by nothing or by a unit word ("70 kg", "1.5mg").
    static func leadingNumber(_ text: String, unit: String?) -> Double? {
        var digits = ""
        var rest = Substring(text)
        while let c = rest.first, c.isNumber || c == "." || c == "," || (digits.isEmpty && c == "-") {
            digits.append(c == "," ? "." : c)
            rest = rest.dropFirst()
        }
        let remainder = rest.trimmingCharacters(in: .whitespaces)
        guard let value = Double(digits), value.isFinite,
            remainder.isEmpty || remainder.allSatisfy({ $0.isLetter || $0 == "/" || $0 == " " || $0 == "µ" })
        else { return nil }
        return value
    }

    private static func example(_ r: NumberRange) -> String {
        let value = r.min.map { max($0, min(r.max ?? $0, ($0 + (r.max ?? $0 + 20)) / 2)) } ?? 10
        return String(Int(value.rounded())) + (r.unit.map { " \($0)" } ?? "")
    }
}
