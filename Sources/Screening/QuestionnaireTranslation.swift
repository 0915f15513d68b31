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
        var translator = QuestionnaireTranslator(reader: YAMLReader(file: file), english: questionnaire)
        let translated = translator.translate(data)
        guard let translated, translator.reader.diagnostics.isEmpty else { throw DiagnosticList(translator.reader.diagnostics) }
        return translated
    }
}
