import Foundation
import Localization

/// Limits and unit of a number item.
public struct NumberRange: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    public var unit: String?

    public init(min: Double? = nil, max: Double? = nil, unit: String? = nil) {
        self.min = min
        self.max = max
        self.unit = unit
    }

    public func contains(_ value: Double) -> Bool { value >= (min ?? -.infinity) && value <= (max ?? .infinity) }

    /// The range as it ends a request in messages about files: " from 18 to 120 years", " of at
    /// least 0", or "" when open.
    public var phrase: String {
        let f = NumberText.plain
        switch (min, max) {
        case (let lo?, let hi?): return " from \(f(lo)) to \(f(hi))" + (unit.map { " \($0)" } ?? "")
        case (let lo?, nil): return " of at least \(f(lo))"
        case (nil, let hi?): return " of at most \(f(hi))"
        default: return ""
        }
    }

    /// Reads `min`, `max` and `unit`; `whole` requires whole-number limits.
    static func load(_ fields: YAMLReader.Fields, whole: Bool, _ reader: inout YAMLReader) -> NumberRange {
        let min = reader.number(fields["min"], "min", within: QuestionnaireLoader.limitRange)
        let max = reader.number(fields["max"], "max", within: QuestionnaireLoader.limitRange)
        if let min, let max, min > max { reader.error(at: fields["max"], "max (\(max)) is below min (\(min))") }
        if whole, [min, max].contains(where: { $0.map { $0 != $0.rounded() } ?? false }) {
            reader.error(at: fields["min"] ?? fields["max"], "an integer item needs whole-number limits")
        }
        return NumberRange(min: min, max: max, unit: reader.string(fields["unit"], "unit"))
    }

    func write(to archive: inout ArchiveWriter) {
        archive.optional(min) { $0.double($1) }
        archive.optional(max) { $0.double($1) }
        archive.optional(unit) { $0.string($1) }
    }

    static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> NumberRange {
        NumberRange(
            min: try archive.optional { (r) throws(ArchiveReader.Malformed) in try r.double() },
            max: try archive.optional { (r) throws(ArchiveReader.Malformed) in try r.double() },
            unit: try archive.optional { (r) throws(ArchiveReader.Malformed) in try r.string() })
    }

    /// What is wrong with `n`, when it is outside the range.
    func problem(with n: Double) -> AnswerProblem? {
        guard !contains(n) else { return nil }
        let unit = self.unit.map { " \($0)" } ?? ""
        let f = NumberText.plain
        switch (min, max) {
        case (let lo?, let hi?): return AnswerProblem("\(f(n)) is outside the allowed range \(f(lo)) to \(f(hi))\(unit)")
        case (let lo?, nil): return AnswerProblem("\(f(n)) is below the minimum of \(f(lo))\(unit)")
        default: return AnswerProblem("\(f(n)) is above the maximum of \(f(max ?? n))\(unit)")
        }
    }

    /// `n` with the unit, in words ("68 years").
    func withUnit(_ n: String) -> String { unit.map { "\(n) \($0)" } ?? n }

    /// A number at the start of `text`, followed by nothing or by a unit word ("70 kg", "1.5mg").
    static func leadingNumber(_ text: String) -> Double? {
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

    /// Reads a typed number (a whole one when `whole`) in the range, or says in the person's
    /// language what to type instead.
    func parse(typed: String, whole: Bool, _ messages: Messages) -> Result<Answer, AnswerProblem> {
        let words = messages.answers
        guard let number = Self.leadingNumber(typed) else {
            return .failure(AnswerProblem(unit.map { words.numberRetryUnit(unit: $0, example: example) } ?? words.numberRetry(example: example)))
        }
        let f = messages.number
        let again = request(messages)
        if whole, number != number.rounded() || abs(number) >= 1e9 {
            return .failure(AnswerProblem(words.notWhole(number: f(number)) + " " + again))
        }
        if !contains(number) {
            let problem: String
            switch (min, max) {
            case (let lo?, let hi?): problem = words.outsideRange(number: f(number), min: f(lo), max: withUnit(f(hi)))
            case (let lo?, nil): problem = words.belowMinimum(number: f(number), min: withUnit(f(lo)))
            default: problem = words.aboveMaximum(number: f(number), max: withUnit(f(max ?? number)))
            }
            return .failure(AnswerProblem(problem + " " + again))
        }
        return .success(whole ? .integer(Int(number)) : .decimal(number))
    }

    /// "Please type a number from 18 to 120 years.", in the person's language.
    private func request(_ messages: Messages) -> String {
        let words = messages.answers
        let f = messages.number
        switch (min, max) {
        case (let lo?, let hi?): return words.typeNumberIn(range: words.rangeBetween(min: f(lo), max: withUnit(f(hi))))
        case (let lo?, nil): return words.typeNumberIn(range: words.rangeAtLeast(min: f(lo)))
        case (nil, let hi?): return words.typeNumberIn(range: words.rangeAtMost(max: f(hi)))
        default: return words.typeNumber
        }
    }

    /// A typical value to show in a request.
    var example: String {
        let value = min.map { Swift.max($0, Swift.min(max ?? $0, ($0 + (max ?? $0 + 20)) / 2)) } ?? 10
        return withUnit(String(Int(value.rounded())))
    }

    func typingHint(_ messages: Messages) -> String {
        unit.map { messages.answers.numberHintUnit(unit: $0) } ?? messages.answers.numberHint
    }
}
