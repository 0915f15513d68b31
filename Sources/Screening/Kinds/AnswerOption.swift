import Foundation
import Localization

/// One answer option of a choice or multiChoice item.
public struct AnswerOption: Sendable, Hashable {
    public var value: String
    public var label: String
    /// Points for sub-scores such as AUDIT-C (FHIR: `itemWeight`).
    public var points: Double?
    /// "None of these": cannot be combined with other options.
    public var exclusive: Bool

    public init(value: String, label: String, points: Double? = nil, exclusive: Bool = false) {
        self.value = value
        self.label = label
        self.points = points
        self.exclusive = exclusive
    }
}

extension [AnswerOption] {
    /// Reads an item's `options` list; `multi` allows `exclusive`.
    static func load(_ node: YAMLNode?, of what: String, multi: Bool, _ reader: inout YAMLReader) -> [AnswerOption] {
        var options: [AnswerOption] = []
        let nodes = reader.list(node, "the options of \(what)")
        if node != nil, nodes.isEmpty { reader.error(at: node, "\(what) has no options") }
        for optionNode in nodes {
            guard
                let f = reader.fields(
                    optionNode, "an option of \(what)", allowed: ["value", "label", "points", "exclusive"], required: ["value", "label"]),
                let value = reader.identifier(f["value"], "an option value")
            else { continue }
            if options.contains(where: { $0.value == value }) {
                reader.error(at: f["value"], "\(what) has the option '\(value)' twice")
                continue
            }
            let exclusive = reader.bool(f["exclusive"], "exclusive") ?? false
            if exclusive, !multi { reader.error(at: f["exclusive"], "'exclusive' applies only to multiChoice options") }
            options.append(
                AnswerOption(
                    value: value, label: reader.string(f["label"], "label") ?? value,
                    points: reader.number(f["points"], "points", within: QuestionnaireLoader.pointsRange), exclusive: exclusive))
        }
        return options
    }

    func write(to archive: inout ArchiveWriter) {
        archive.array(self) { w, option in
            w.string(option.value)
            w.string(option.label)
            w.optional(option.points) { $0.double($1) }
            w.bool(option.exclusive)
        }
    }

    static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> [AnswerOption] {
        try archive.array { (r) throws(ArchiveReader.Malformed) in
            AnswerOption(
                value: try r.string(), label: try r.string(), points: try r.optional { (r) throws(ArchiveReader.Malformed) in try r.double() },
                exclusive: try r.bool())
        }
    }

    /// The option with this value.
    func option(_ value: String) -> AnswerOption? { first { $0.value == value } }

    /// The option `typed` names: its number (also as "4." or "4)"), its value, its label, a yes or
    /// no word of the language (`y`, `s`, `n`…) for options that start with Yes or No, or the
    /// first words of exactly one label. Accents and case are ignored (`si` is `Sí`).
    public func option(matching typed: String, _ messages: Messages) -> AnswerOption? {
        let text = Messages.folded(typed)
        guard !text.isEmpty else { return nil }
        if let index = Int(text.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))), indices.contains(index - 1) {
            return self[index - 1]
        }
        let labels = map { Messages.folded($0.label) }
        if let exact = indices.first(where: { Messages.folded(self[$0].value) == text || labels[$0] == text }) { return self[exact] }
        let words = messages.answers
        let word =
            Messages.isOne(of: words.yesWords, text)
            ? Messages.folded(words.yes) : Messages.isOne(of: words.noWords, text) ? Messages.folded(words.no) : text
        let startsWith = indices.filter { index in
            let label = labels[index]
            return label.hasPrefix(word) && (label.count == word.count || !label[label.index(label.startIndex, offsetBy: word.count)].isLetter)
        }
        if startsWith.count == 1 { return self[startsWith[0]] }
        let loose = looseMatches(text, labels: labels)
        if loose.prefixed.count == 1 { return self[loose.prefixed[0]] }
        return loose.containing.count == 1 ? self[loose.containing[0]] : nil
    }

    /// The options folded `text` loosely names, by index: the labels it starts (from 3 letters),
    /// and the labels holding all its whole words (from 4: "underactive" for "An underactive thyroid").
    private func looseMatches(_ text: String, labels: [String]) -> (prefixed: [Int], containing: [Int]) {
        let prefixed = text.count >= 3 ? indices.filter { labels[$0].hasPrefix(text) } : []
        let typedWords = Set(Self.words(text))
        guard text.count >= 4, !typedWords.isEmpty else { return (prefixed, []) }
        return (prefixed, indices.filter { Set(Self.words(labels[$0])).isSuperset(of: typedWords) })
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// The numbers (from 1) of the options `typed` could mean when its words start, or are found
    /// in, more than one label; empty otherwise.
    func candidates(for typed: String) -> [Int] {
        let loose = looseMatches(Messages.folded(typed), labels: map { Messages.folded($0.label) })
        let several = loose.prefixed.count > 1 ? loose.prefixed : loose.containing.count > 1 ? loose.containing : []
        return several.map { $0 + 1 }
    }

    /// What to say when `typed` names no option: the answers it could mean, or its number.
    func unmatched(_ typed: String, several: Bool, _ messages: Messages) -> AnswerProblem {
        let words = messages.answers
        let candidates = candidates(for: typed)
        if !candidates.isEmpty {
            return AnswerProblem(
                words.ambiguousAnswer(typed: Printable.quoted(typed), numbers: candidates.map(String.init).joined(separator: ", ")))
        }
        let what = several ? words.severalNumbers : words.oneNumber(count: count)
        if Int(typed.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))) != nil {
            return AnswerProblem(words.unmatchedNumber(typed: Printable.quoted(typed), count: count, what: what))
        }
        return AnswerProblem(words.unmatchedWords(typed: Printable.quoted(typed), what: what))
    }

    /// "one of a, b, c" for messages.
    var values: String { map(\.value).joined(separator: ", ") }

    /// The failure for a value that is none of the options.
    func notAnOption(_ value: String, _ use: String) -> AnswerProblem {
        AnswerProblem(
            "\(Printable.quoted(value)) is not an option\(Suggestion.didYouMean(value, among: map(\.value))); use \(use) \(values)")
    }
}
