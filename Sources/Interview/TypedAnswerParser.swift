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
            if let index = Int(lower), options.indices.contains(index - 1) { return .success(.choice(options[index - 1].value)) }
            if let option = options.first(where: { $0.value.lowercased() == lower || $0.label.lowercased() == lower }) {
                return .success(.choice(option.value))
            }
            return .failure(AnswerProblem("Please type one number from 1 to \(options.count)."))
        case .multiChoice(let options):
            let parts = lower.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map(String.init)
            var values: [String] = []
            for part in parts {
                if let index = Int(part), options.indices.contains(index - 1) {
                    values.append(options[index - 1].value)
                } else if let option = options.first(where: { $0.value.lowercased() == part }) {
                    values.append(option.value)
                } else {
                    return .failure(
                        AnswerProblem(
                            "\(Printable.quoted(part)) is not one of the numbers 1 to \(options.count). Type the numbers of all that apply, separated by commas, e.g. 1,3."
                        ))
                }
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
