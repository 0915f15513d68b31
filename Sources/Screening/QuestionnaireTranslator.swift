import Foundation
import Localization

/// One pass over a translation, against the English questionnaire.
struct QuestionnaireTranslator {
    var reader: YAMLReader
    let english: Questionnaire
    var language = Language.en
    /// The English file's name, for messages that point at the English text.
    var englishFile: String { english.path.split(separator: "/").last.map(String.init) ?? english.path }

    init(reader: YAMLReader, english: Questionnaire) {
        self.reader = reader
        self.english = english
    }

    mutating func translate(_ data: Data) -> Questionnaire? {
        guard let root = reader.parse(data) else { return nil }
        reader.checkTexts(root, within: .questionnaire)
        let keys = [
            "language", "translates", "title", "description", "sections", "items", "tests", "nutrients", "levels", "triggers", "otherCauses",
            "instruments", "advice",
        ]
        guard let top = reader.fields(root, "a translation", allowed: keys, required: ["language", "translates"]) else { return nil }
        guard readHeader(top) else { return nil }
        var q = english
        q.language = language
        q.title = text(top["title"], english: english.title, what: "the questionnaire's title", at: top.node) ?? q.title
        if !english.description.isEmpty {
            q.description =
                text(top["description"], english: english.description, what: "the questionnaire's description", at: top.node) ?? q.description
        }
        let sections = translateSections(top)
        let tests = translateTests(top)
        let nutrients = translateNutrients(top)
        let triggers = translateTexts(
            english.triggers, under: "triggers", "trigger", top, id: \.id, text: \.message, what: { "the message of trigger '\($0)'" },
            line: \.condition.location.line)
        let otherCauses = translateOtherCauses(top)
        let instruments = translateInstruments(top)
        let advice = translateTexts(
            english.advice, under: "advice", "piece of advice", top, id: \.id, text: \.text, what: { "the advice '\($0)'" }, line: { _ in nil })
        var translated = Questionnaire(
            id: q.id, version: q.version, schemaVersion: q.schemaVersion, title: q.title, description: q.description, sections: sections,
            computed: q.computed, triggers: triggers, nutrients: nutrients, instruments: instruments, advice: advice, contexts: q.contexts,
            tests: tests,
            otherCauses: otherCauses, references: q.references, report: q.report, scoring: q.scoring, contentHash: q.contentHash, path: q.path)
        translated.language = language
        translated.levels = translateLevels(top)
        return translated
    }

    /// `language:` (a language NutriScreen speaks, other than English, as the file name says)
    /// and `translates:` (the questionnaire's id).
    mutating func readHeader(_ top: YAMLReader.Fields) -> Bool {
        let codes = Language.allCases.filter { $0 != .en }.map(\.rawValue)
        guard let code = reader.string(top["language"], "language") else { return false }
        guard let language = Language(rawValue: code), language != .en else {
            reader.error(
                at: top["language"],
                "NutriScreen does not speak \(Printable.quoted(code)); a translation is into one of \(codes.joined(separator: ", "))")
            return false
        }
        self.language = language
        if let named = QuestionnaireTranslation.parts(of: reader.file)?.code, named != code {
            reader.error(
                at: top["language"],
                "this file is named for '\(named)' but says it is '\(code)'; name it \(QuestionnaireTranslation.path(for: englishFile, language: language))"
            )
        }
        if let translates = reader.string(top["translates"], "translates"), translates != english.id {
            reader.error(at: top["translates"], "this translates '\(translates)', but \(englishFile) is the questionnaire '\(english.id)'")
            return false
        }
        return true
    }

    // MARK: Texts

    /// The translated text in `node`, checked: present, plain text, not empty, and giving the same
    /// numbers as `english`. A missing one is reported at `parent` (what should hold it).
    mutating func text(_ node: YAMLNode?, english: String, what: String, at parent: YAMLNode?, line: Int? = nil) -> String? {
        guard let node else {
            let whereEnglish = line.map { " (\(englishFile) line \($0))" } ?? ""
            reader.error(at: parent, "the \(language.rawValue) translation lacks \(what)\(whereEnglish)")
            return nil
        }
        guard let translated = reader.string(node, what) else { return nil }
        guard !translated.trimmingCharacters(in: .whitespaces).isEmpty else {
            reader.error(at: node, "\(what) is empty; translate the English: \(Printable.quoted(english, limit: 60))")
            return nil
        }
        let want = QuestionnaireTranslation.numbers(in: english, language: .en)
        let got = QuestionnaireTranslation.numbers(in: translated, language: language)
        if want.map(\.value).sorted() != got.map(\.value).sorted() {
            let missing = want.map(\.value).filter { value in want.filter { $0.value == value }.count > got.filter { $0.value == value }.count }
            let extra = got.first { number in got.filter { $0.value == number.value }.count > want.filter { $0.value == number.value }.count }
            let place = extra.map { reader.location(ofOffset: $0.offset, in: node) } ?? reader.location(node)
            reader.error(
                place,
                "\(what) must give the numbers of the English (\(Self.listed(want.map(\.value)))), but gives \(Self.listed(got.map(\.value)))"
                    + (missing.isEmpty ? "" : "; missing: \(Self.listed(Array(Set(missing))))"))
        }
        return translated
    }

    static func listed(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: ", ") }

    /// A mapping from ids to translations, checking each key names one of `ids` (`kind` says
    /// what: "item", "test"…); nil when absent.
    mutating func keyed(_ node: YAMLNode?, _ kind: String, of owner: String, ids: [String]) -> [String: (key: YAMLNode, value: YAMLNode)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            reader.error(at: node, "the \(kind)s of \(owner) map each \(kind)'s id to its texts, not \(reader.describe(node))")
            return [:]
        }
        var result: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (key, value) in mapping.entries {
            guard let id = reader.string(key, "a \(kind) id") else { continue }
            guard ids.contains(id) else {
                reader.error(at: key, "'\(id)' is no \(kind) of \(owner), so it translates nothing\(Suggestion.didYouMean(id, among: ids))")
                continue
            }
            result[id] = (key, value)
        }
        return result
    }

    /// Where to report what a group lacks: its key (`items:`), else the mapping that should hold it.
    func holder(_ fields: YAMLReader.Fields?, _ name: String, else fallback: YAMLNode?) -> YAMLNode? {
        fields?.values[name]?.key ?? fallback
    }

    /// The fields of one entry, or nil (reported) when it is not a mapping.
    mutating func fields(_ entry: (key: YAMLNode, value: YAMLNode)?, _ what: String, allowed: [String]) -> YAMLReader.Fields? {
        guard let entry else { return nil }
        return reader.fields(entry.value, what, allowed: allowed)
    }
}
