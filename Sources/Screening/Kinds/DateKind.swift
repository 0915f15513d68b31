import Foundation
import Localization

/// A day in the past (a date of birth, when something began): typed as `14 March 1958`,
/// `1958-03-14` or `14/03/1958`, kept as ISO 8601. Never after today; never before `min`.
public struct DateKind: QuestionKind {
    /// The earliest date accepted.
    public var min: CalendarDate?

    public init(min: CalendarDate? = nil) { self.min = min }

    public static let name = "date"
    public static let keys = ["min"]

    public static func load(_ fields: YAMLReader.Fields, item: String, _ reader: inout YAMLReader) -> DateKind {
        guard let node = fields["min"], let text = reader.string(node, "min") else { return DateKind() }
        guard let min = CalendarDate(iso: text) else {
            reader.error(at: node, "min of a date item is a date written as YYYY-MM-DD, such as 1900-01-01, not \(Printable.quoted(text))")
            return DateKind()
        }
        return DateKind(min: min)
    }

    public func write(to archive: inout ArchiveWriter) { archive.optional(min?.iso) { $0.string($1) } }

    public static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> DateKind {
        let min = try archive.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }
        guard let min else { return DateKind() }
        guard let date = CalendarDate(iso: min) else { throw ArchiveReader.Malformed() }
        return DateKind(min: date)
    }

    public func valueType(item: String) -> ValueType? { .date }

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        guard case .string(let text) = plain else { return mismatch(plain) }
        guard let date = CalendarDate(iso: text) else {
            return .failure(AnswerProblem("\(Printable.quoted(text)) is not a date; write it as YYYY-MM-DD, such as 1958-03-14"))
        }
        // Files are checked for the day they are read; their messages are for whoever wrote them.
        switch refusal(of: date, today: today) {
        case nil: return .success(.date(date))
        case .afterToday: return .failure(AnswerProblem("\(date.readable(.english)) is after today"))
        case .beforeMinimum(let min):
            return .failure(AnswerProblem("\(date.readable(.english)) is before \(min.readable(.english)), the earliest date this item takes"))
        }
    }

    /// Why a date cannot be an answer on `today`: after it, or before `min`.
    private enum Refusal {
        case afterToday
        case beforeMinimum(CalendarDate)
    }

    private func refusal(of date: CalendarDate, today: CalendarDate) -> Refusal? {
        if date > today { return .afterToday }
        if let min, date < min { return .beforeMinimum(min) }
        return nil
    }

    /// The date as an answer when it lies between `min` and `today`, else why not in the
    /// language of `messages`.
    private func checked(_ date: CalendarDate, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        let words = messages.answers
        switch refusal(of: date, today: today) {
        case nil: return .success(.date(date))
        case .afterToday: return .failure(AnswerProblem(words.dateAfterToday(date: date.readable(messages))))
        case .beforeMinimum(let min):
            return .failure(AnswerProblem(words.dateBeforeMinimum(date: date.readable(messages), minimum: min.readable(messages))))
        }
    }

    public var expectation: String { "a date written as YYYY-MM-DD, such as 1958-03-14" }
    public var readsScalarsAsText: Bool { true }

    public func display(_ answer: Answer, _ messages: Messages) -> String {
        guard case .date(let date) = answer else { return answer.plain.description }
        return date.readable(messages)
    }

    public func typingHint(_ messages: Messages) -> String { messages.answers.dateHint }

    public func parse(typed: String, _ messages: Messages, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        switch Self.read(typed, messages) {
        case .success(let date): checked(date, messages, today: today)
        case .failure(let problem): .failure(problem)
        }
    }

    /// A date as people type it: `1958-03-14`, `14 March 1958`, `March 14, 1958`, `14/03/1958`,
    /// `14 de marzo de 1958` (day first; a date such as 03/04/1958 that reads both ways asks for
    /// the month's name). Month names and the little words between (`of`, `de`) are the language's.
    static func read(_ typed: String, _ messages: Messages) -> Result<CalendarDate, AnswerProblem> {
        let words = messages.answers
        let again = words.dateAgain
        if let iso = CalendarDate(iso: typed) { return .success(iso) }
        let fillers = Set(words.dateFillerWords.map(Messages.folded))
        let parts = Messages.folded(typed).split(whereSeparator: { " ,./-".contains($0) }).map(String.init).filter { part in !fillers.contains(part) }
        guard parts.count == 3 else { return .failure(AnswerProblem(words.dateThreeParts)) }
        let numbers = parts.map { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "stndrhº°ª"))) }
        let months = messages.monthNames.map(Messages.folded)
        let monthByName = parts.firstIndex { Self.month(named: $0, in: months) != nil }
        var day: Int?
        var month: Int?
        var year: Int?
        if let index = monthByName {
            month = Self.month(named: parts[index], in: months)
            let others = numbers.enumerated().filter { $0.offset != index }.map(\.element)
            guard others.count == 2, let a = others[0], let b = others[1] else { return .failure(AnswerProblem(again)) }
            (day, year) = a > 31 ? (b, a) : (a, b)
        } else {
            guard let a = numbers[0], let b = numbers[1], let c = numbers[2] else { return .failure(AnswerProblem(again)) }
            if parts[0].count == 4 {
                (year, month, day) = (a, b, c)
            } else if a > 12 || messages.format.numericDayFirst == "yes" {
                (day, month, year) = (a, b, c)
            } else if b > 12 {
                (month, day, year) = (a, b, c)
            } else if a == b {
                (day, month, year) = (a, b, c)
            } else {
                let names = messages.monthNames
                let first = messages.format.dayAndMonth(day: a, month: names[b - 1])
                let second = messages.format.dayAndMonth(day: b, month: names[a - 1])
                return .failure(AnswerProblem(words.dateAmbiguous(typed: typed, first: first, second: second) + " " + again))
            }
        }
        guard let year, year >= 1000 else { return .failure(AnswerProblem(words.dateFullYear)) }
        guard let day, let month, let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(AnswerProblem(words.dateNoSuchDay + " " + again))
        }
        return .success(date)
    }

    /// The month a word names: its full name (folded, as in `months`) or its first three letters or more.
    private static func month(named word: String, in months: [String]) -> Int? {
        if let full = months.firstIndex(of: word) { return full + 1 }
        guard word.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        let last = today
        let first = min ?? CalendarDate(year: last.year - 100, month: 1, day: 1)!
        return .date(first.adding(days: Int.random(in: 0...(last.dayNumber - first.dayNumber), using: &generator)))
    }

    public var signature: String { "date:\(min?.iso ?? "")" }
}

extension QuestionKind where Self == DateKind {
    /// A day in the past, no earlier than `min`.
    public static func date(min: CalendarDate? = nil) -> DateKind { DateKind(min: min) }
}
