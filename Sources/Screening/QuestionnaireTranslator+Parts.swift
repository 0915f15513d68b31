import Foundation
import Localization

/// Translating the parts of a questionnaire: sections and items, tests, nutrients, triggers,
/// other causes, instruments and advice.
extension QuestionnaireTranslator {
    mutating func translateSections(_ top: YAMLReader.Fields) -> [Section] {
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

    mutating func translate(_ item: Item, _ entry: (key: YAMLNode, value: YAMLNode)?, group: YAMLNode) -> Item {
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

    mutating func translateTests(_ top: YAMLReader.Fields) -> [LabTest] {
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

    /// Each level's headline and advice, keyed by the level's id.
    mutating func translateLevels(_ top: YAMLReader.Fields) -> [TriageLevel] {
        let entries = keyed(top["levels"], "level", of: english.id, ids: english.levels.map(\.urgency.rawValue))
        return english.levels.map { level in
            var level = level
            let id = level.urgency.rawValue
            let entry = entries?[id]
            let holder = entry?.key ?? self.holder(top, "levels", else: top.node) ?? top.node
            let f = fields(entry, "the texts of level '\(id)'", allowed: ["headline", "advice"])
            level.headline = text(f?["headline"], english: level.headline, what: "the headline of level '\(id)'", at: holder) ?? level.headline
            level.advice = text(f?["advice"], english: level.advice, what: "the advice of level '\(id)'", at: holder) ?? level.advice
            return level
        }
    }

    mutating func translateNutrients(_ top: YAMLReader.Fields) -> [Nutrient] {
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
            nutrient.foods = zip(nutrient.foods, foods).map { Food($1, fit: $0.fit) }
            let notes = list(f?["notes"], english: nutrient.notes.map(\.text), what: "the notes of nutrient '\(nutrient.id)'", at: holder, line: line)
            nutrient.notes = zip(nutrient.notes, notes).map { Note($1, fit: $0.fit) }
            return nutrient
        }
    }

    /// A list translated entry by entry, in the English order: as many entries as the English.
    mutating func list(_ node: YAMLNode?, english: [String], what: String, at holder: YAMLNode, line: Int) -> [String] {
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
    mutating func translateTexts<Element>(
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

    mutating func translateInstruments(_ top: YAMLReader.Fields) -> [Instrument] {
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
