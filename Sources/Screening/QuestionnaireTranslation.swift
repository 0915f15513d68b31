import Foundation
import Localization

/// A questionnaire's texts in another language, kept as data beside it: `neuro-nutrition.es.yaml`
/// translates `neuro-nutrition.yaml`, keyed by the ids of what it translates (sections, items and
/// their options, tests, nutrients and their rules, triggers, other causes, instruments, advice),
/// so a clinical reviewer reads one language in one file. References stay as published.
///
/// Reading a translation checks it completely against the questionnaire: every text must be
/// there, every key must name something, and each text must give the same numbers as the English
/// (a dose, a number of days, a cut-off), all reported as `file:line:col: message`.
public enum QuestionnaireTranslation {
    /// The translation of the questionnaire at `path` into `language`: `x.yaml` → `x.es.yaml`.
    public static func path(for path: String, language: Language) -> String {
        let stem = path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path.hasSuffix(".yml") ? String(path.dropLast(4)) : path
        return stem + "." + language.rawValue + ".yaml"
    }

    /// When `path` names a translation (`x.es.yaml`), the questionnaire it translates (`x.yaml`)
    /// and its language code; nil for a questionnaire file.
    public static func parts(of path: String) -> (questionnaire: String, code: String)? {
        guard path.hasSuffix(".yaml") else { return nil }
        let stem = path.dropLast(5)
        guard let dot = stem.lastIndex(of: "."), !stem[..<dot].hasSuffix("/"), !stem[..<dot].isEmpty else { return nil }
        let code = stem[stem.index(after: dot)...]
        guard code.count == 2, code.allSatisfy({ ("a"..."z").contains($0) }) else { return nil }
        return (String(stem[..<dot]) + ".yaml", String(code))
    }

    /// `questionnaire` (as written, in English) with the texts of the translation in `data`;
    /// `file` names the translation in messages. Throws every problem found, located.
    public static func apply(_ data: Data, file: String, to questionnaire: Questionnaire) throws(DiagnosticList) -> Questionnaire {
        var translator = Translator(reader: YAMLReader(file: file), english: questionnaire)
        let translated = translator.translate(data)
        guard let translated, translator.reader.diagnostics.isEmpty else { throw DiagnosticList(translator.reader.diagnostics) }
        return translated
    }

    /// The numbers a text gives, as written in `language` (`1,000` and `1.5` in English, `1000`
    /// and `1,5` in Spanish), in one form so they can be compared; with where each starts (UTF-8
    /// offset). Digits that follow a letter are part of a name (B12, HbA1c), not a number. A
    /// translation must give the English text's numbers.
    static func numbers(in text: String, language: Language) -> [(value: String, offset: Int)] {
        // The language's decimal sign, from its message catalogue; the other sign groups thousands.
        let comma = Messages(language).format.decimalSign == ","
        let decimal = UInt8(ascii: comma ? "," : ".")
        let grouping = UInt8(ascii: comma ? "." : ",")
        let bytes = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) }
        var found: [(String, Int)] = []
        var i = 0
        func isLetter(_ i: Int) -> Bool {
            i >= 0 && i < bytes.count && (bytes[i] | 0x20 >= UInt8(ascii: "a") && bytes[i] | 0x20 <= UInt8(ascii: "z"))
        }
        while i < bytes.count {
            guard isDigit(i) else {
                i += 1
                continue
            }
            if isLetter(i - 1) {
                while isDigit(i) || isLetter(i) { i += 1 }
                continue
            }
            let start = i
            var whole = ""
            while isDigit(i) {
                whole.append(Character(UnicodeScalar(bytes[i])))
                i += 1
            }
            // Thousands: a separator followed by exactly three digits.
            while i < bytes.count, bytes[i] == grouping, isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                whole += String(decoding: bytes[(i + 1)...(i + 3)], as: UTF8.self)
                i += 4
            }
            var fraction = ""
            if i < bytes.count, bytes[i] == decimal, isDigit(i + 1) {
                i += 1
                while isDigit(i) {
                    fraction.append(Character(UnicodeScalar(bytes[i])))
                    i += 1
                }
            }
            let trimmed = String(whole.drop { $0 == "0" })
            found.append(((trimmed.isEmpty ? "0" : trimmed) + (fraction.isEmpty ? "" : "." + fraction), start))
        }
        return found
    }
}

/// One pass over a translation, against the English questionnaire.
private struct Translator {
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
        let keys = [
            "language", "translates", "title", "description", "sections", "items", "tests", "nutrients", "triggers", "otherCauses", "instruments",
            "advice",
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
        let otherCauses = translateTexts(
            english.otherCauses, under: "otherCauses", "other cause", top, id: \.id, text: \.text, what: { "the text of other cause '\($0)'" },
            line: \.location.line)
        let instruments = translateInstruments(top)
        let advice = translateTexts(
            english.advice, under: "advice", "piece of advice", top, id: \.id, text: \.text, what: { "the advice '\($0)'" }, line: { _ in nil })
        var translated = Questionnaire(
            id: q.id, version: q.version, schemaVersion: q.schemaVersion, title: q.title, description: q.description, sections: sections,
            computed: q.computed, triggers: triggers, nutrients: nutrients, instruments: instruments, advice: advice, tests: tests,
            otherCauses: otherCauses, references: q.references, contentHash: q.contentHash, path: q.path)
        translated.language = language
        return translated
    }

    /// `language:` (a language NutriScreen speaks, other than English, as the file name says)
    /// and `translates:` (the questionnaire's id).
    private mutating func readHeader(_ top: YAMLReader.Fields) -> Bool {
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
    private mutating func text(_ node: YAMLNode?, english: String, what: String, at parent: YAMLNode?, line: Int? = nil) -> String? {
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

    private static func listed(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: ", ") }

    /// A mapping from ids to translations, checking each key names one of `ids` (`kind` says
    /// what: "item", "test"…); nil when absent.
    private mutating func keyed(_ node: YAMLNode?, _ kind: String, of owner: String, ids: [String]) -> [String: (key: YAMLNode, value: YAMLNode)]? {
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
    private func holder(_ fields: YAMLReader.Fields?, _ name: String, else fallback: YAMLNode?) -> YAMLNode? {
        fields?.values[name]?.key ?? fallback
    }

    /// The fields of one entry, or nil (reported) when it is not a mapping.
    private mutating func fields(_ entry: (key: YAMLNode, value: YAMLNode)?, _ what: String, allowed: [String]) -> YAMLReader.Fields? {
        guard let entry else { return nil }
        return reader.fields(entry.value, what, allowed: allowed)
    }

    // MARK: Sections and items

    private mutating func translateSections(_ top: YAMLReader.Fields) -> [Section] {
        let titles = keyed(top["sections"], "section", of: english.id, ids: english.sections.map(\.id))
        let items = keyed(top["items"], "item", of: english.id, ids: english.items.map(\.id))
        return english.sections.map { section in
            var section = section
            let entry = titles?[section.id]
            section.title =
                text(
                    entry?.value, english: section.title, what: "the title of section '\(section.id)'",
                    at: entry?.key ?? holder(top, "sections", else: top.node)) ?? section.title
            section.items = section.items.map { translate($0, items?[$0.id], group: holder(top, "items", else: top.node) ?? top.node) }
            return section
        }
    }

    private mutating func translate(_ item: Item, _ entry: (key: YAMLNode, value: YAMLNode)?, group: YAMLNode) -> Item {
        let line = item.location.line
        let holder = entry?.key ?? group
        let f = fields(entry, "the texts of item '\(item.id)'", allowed: ["text", "short", "help", "unit", "options"])
        var item = item
        item.text = text(f?["text"], english: item.text, what: "the text of item '\(item.id)'", at: holder, line: line) ?? item.text
        if let short = item.shortText {
            item.shortText = text(f?["short"], english: short, what: "the short text of item '\(item.id)'", at: holder, line: line) ?? short
        } else if let node = f?["short"] {
            reader.error(at: node, "item '\(item.id)' has no short text in English to translate")
        }
        if let help = item.help {
            item.help = text(f?["help"], english: help, what: "the help of item '\(item.id)'", at: holder, line: line) ?? help
        } else if let node = f?["help"] {
            reader.error(at: node, "item '\(item.id)' has no help in English to translate")
        }
        var texts = KindTexts()
        if let unit = (item.kind as? any NumberKind)?.range.unit {
            texts.unit = text(f?["unit"], english: unit, what: "the unit of item '\(item.id)'", at: holder, line: line)
        } else if let node = f?["unit"] {
            reader.error(at: node, "item '\(item.id)' has no unit in English to translate")
        }
        let options = item.options
        if options.isEmpty {
            if let node = f?["options"] { reader.error(at: node, "item '\(item.id)' has no options to translate") }
        } else {
            let labels = keyed(f?["options"], "option", of: "item '\(item.id)'", ids: options.map(\.value))
            for option in options {
                let label = labels?[option.value]
                texts.labels[option.value] = text(
                    label?.value, english: option.label, what: "the label of option '\(option.value)' of item '\(item.id)'",
                    at: label?.key ?? self.holder(f, "options", else: holder), line: line)
            }
        }
        item.kind = item.kind.translated(texts)
        return item
    }

    // MARK: Tests, nutrients, triggers, other causes, instruments, advice

    private mutating func translateTests(_ top: YAMLReader.Fields) -> [LabTest] {
        let entries = keyed(top["tests"], "test", of: english.id, ids: english.tests.map(\.id))
        return english.tests.map { test in
            var test = test
            let entry = entries?[test.id]
            let holder = entry?.key ?? self.holder(top, "tests", else: top.node) ?? top.node
            let f = fields(entry, "the texts of test '\(test.id)'", allowed: ["name", "checks"])
            test.name = text(f?["name"], english: test.name, what: "the name of test '\(test.id)'", at: holder, line: test.location.line) ?? test.name
            test.checks =
                text(f?["checks"], english: test.checks, what: "what test '\(test.id)' checks", at: holder, line: test.location.line) ?? test.checks
            return test
        }
    }

    private mutating func translateNutrients(_ top: YAMLReader.Fields) -> [Nutrient] {
        let entries = keyed(top["nutrients"], "nutrient", of: english.id, ids: english.nutrients.map(\.id))
        return english.nutrients.map { nutrient in
            var nutrient = nutrient
            let entry = entries?[nutrient.id]
            let holder = entry?.key ?? self.holder(top, "nutrients", else: top.node) ?? top.node
            let line = nutrient.location.line
            let f = fields(entry, "the texts of nutrient '\(nutrient.id)'", allowed: ["name", "summary", "rules", "foods", "notes"])
            nutrient.name =
                text(f?["name"], english: nutrient.name, what: "the name of nutrient '\(nutrient.id)'", at: holder, line: line) ?? nutrient.name
            if !nutrient.summary.isEmpty {
                nutrient.summary =
                    text(f?["summary"], english: nutrient.summary, what: "the summary of nutrient '\(nutrient.id)'", at: holder, line: line)
                    ?? nutrient.summary
            }
            let reasons = keyed(f?["rules"], "rule", of: "nutrient '\(nutrient.id)'", ids: nutrient.rules.compactMap(\.id))
            nutrient.rules = nutrient.rules.map { rule in
                var rule = rule
                guard let id = rule.id else {
                    reader.error(
                        rule.condition.location,
                        "this rule of nutrient '\(nutrient.id)' has no id, so the \(language.rawValue) translation cannot give its reason; add 'id:' to the rule"
                    )
                    return rule
                }
                let reason = reasons?[id]
                rule.reason =
                    text(
                        reason?.value, english: rule.reason, what: "the reason of rule '\(id)' of nutrient '\(nutrient.id)'",
                        at: reason?.key ?? self.holder(f, "rules", else: holder), line: rule.condition.location.line) ?? rule.reason
                return rule
            }
            let foods = list(f?["foods"], english: nutrient.foods.map(\.text), what: "the foods of nutrient '\(nutrient.id)'", at: holder, line: line)
            nutrient.foods = zip(nutrient.foods, foods).map { Food($1, exception: $0.exception) }
            nutrient.notes = list(f?["notes"], english: nutrient.notes, what: "the notes of nutrient '\(nutrient.id)'", at: holder, line: line)
            return nutrient
        }
    }

    /// A list translated entry by entry, in the English order: as many entries as the English.
    private mutating func list(_ node: YAMLNode?, english: [String], what: String, at holder: YAMLNode, line: Int) -> [String] {
        guard !english.isEmpty else {
            if let node { reader.error(at: node, "\(what): there are none in English to translate") }
            return english
        }
        guard let node else {
            reader.error(at: holder, "the \(language.rawValue) translation lacks \(what) (\(englishFile) line \(line))")
            return english
        }
        let nodes = reader.list(node, what)
        if nodes.count != english.count {
            reader.error(at: node, "\(what): the English has \(english.count), in this order; this gives \(nodes.count)")
            return english
        }
        return zip(english, nodes).enumerated().map { index, pair in
            text(pair.1, english: pair.0, what: "entry \(index + 1) of \(what)", at: node) ?? pair.0
        }
    }

    /// Translates the one text of each element of a list keyed by id under `key` (triggers'
    /// messages, other causes' and advice's texts); `what` names the text of an element by id in
    /// messages, `line` gives where the English one is.
    private mutating func translateTexts<Element>(
        _ list: [Element], under key: String, _ kind: String, _ top: YAMLReader.Fields, id: (Element) -> String,
        text path: WritableKeyPath<Element, String>, what: (String) -> String, line: (Element) -> Int?
    ) -> [Element] {
        let entries = keyed(top[key], kind, of: english.id, ids: list.map(id))
        return list.map { element in
            var element = element
            let entry = entries?[id(element)]
            element[keyPath: path] =
                text(
                    entry?.value, english: element[keyPath: path], what: what(id(element)), at: entry?.key ?? holder(top, key, else: top.node),
                    line: line(element)) ?? element[keyPath: path]
            return element
        }
    }

    private mutating func translateInstruments(_ top: YAMLReader.Fields) -> [Instrument] {
        let entries = keyed(top["instruments"], "instrument", of: english.id, ids: english.instruments.map(\.id))
        return english.instruments.map { instrument in
            var instrument = instrument
            let entry = entries?[instrument.id]
            let holder = entry?.key ?? self.holder(top, "instruments", else: top.node) ?? top.node
            let line = instrument.location.line
            let name = "instrument '\(instrument.id)'"
            let f = fields(entry, "the texts of \(name)", allowed: ["name", "cutoff", "results", "otherwise"])
            instrument.name = text(f?["name"], english: instrument.name, what: "the name of \(name)", at: holder, line: line) ?? instrument.name
            instrument.cutoff =
                text(f?["cutoff"], english: instrument.cutoff, what: "the cut-off of \(name)", at: holder, line: line) ?? instrument.cutoff
            if let node = f?["results"] {
                let nodes = reader.list(node, "the results of \(name)")
                if nodes.count != instrument.results.count {
                    reader.error(
                        at: node, "the results of \(name): the English has \(instrument.results.count), in this order; this gives \(nodes.count)")
                } else {
                    instrument.results = zip(instrument.results, nodes).enumerated().map { index, pair in
                        var result = pair.0
                        let what = "result \(index + 1) of \(name)"
                        let r = reader.fields(pair.1, what, allowed: ["result", "meaning"])
                        result.result = text(r?["result"], english: result.result, what: "the result of \(what)", at: pair.1) ?? result.result
                        result.meaning = text(r?["meaning"], english: result.meaning, what: "the meaning of \(what)", at: pair.1) ?? result.meaning
                        return result
                    }
                }
            } else if !instrument.results.isEmpty {
                reader.error(at: holder, "the \(language.rawValue) translation lacks the results of \(name) (\(englishFile) line \(line))")
            }
            let otherwise = f?["otherwise"]
            let o = otherwise.flatMap { reader.fields($0, "the result otherwise of \(name)", allowed: ["result", "meaning"]) }
            instrument.otherwise =
                text(o?["result"], english: instrument.otherwise, what: "the result otherwise of \(name)", at: otherwise ?? holder, line: line)
                ?? instrument.otherwise
            if !instrument.otherwiseMeaning.isEmpty {
                instrument.otherwiseMeaning =
                    text(
                        o?["meaning"], english: instrument.otherwiseMeaning, what: "the meaning otherwise of \(name)", at: otherwise ?? holder,
                        line: line) ?? instrument.otherwiseMeaning
            }
            return instrument
        }
    }
}
