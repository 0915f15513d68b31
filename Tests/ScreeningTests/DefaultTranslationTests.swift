import Foundation
import Localization
import Testing

@testable import Screening

/// The Spanish translation of the default screening: complete, plain, "usted", Spanish
/// punctuation, and still a screening that never diagnoses.
@Suite struct DefaultTranslationTests {
    static let path = URL(fileURLWithPath: Default.path).deletingLastPathComponent().appendingPathComponent("neuro-nutrition.es.yaml").path
    static let spanish: Questionnaire = {
        do { return try QuestionnaireTranslation.apply(try QuestionnaireLoader.data(at: path), file: path, to: Default.questionnaire) } catch {
            fatalError("\(error)")
        }
    }()

    /// Every text a person reads, with what it is.
    static var texts: [(String, String)] {
        let q = spanish
        var texts = [("title", q.title), ("description", q.description)] + q.sections.map { ("section \($0.id)", $0.title) }
        for item in q.items {
            texts += [(item.id, item.text)] + [item.help, item.shortText].compactMap { $0 }.map { (item.id, $0) }
            texts += item.options.map { ("\(item.id).\($0.value)", $0.label) }
        }
        texts += q.triggers.map { ($0.id, $0.message) } + q.advice.map { ($0.id, $0.text) } + q.otherCauses.map { ($0.id, $0.text) }
        texts += q.otherCauses.compactMap { cause in cause.known.map { ("known \(cause.id)", $0.name) } }
        texts += q.otherCauses.compactMap { cause in cause.known?.text.map { ("known \(cause.id)", $0) } }
        for nutrient in q.nutrients {
            texts += [(nutrient.id, nutrient.name), (nutrient.id, nutrient.summary)] + nutrient.rules.map { (nutrient.id, $0.reason) }
            texts += nutrient.foods.map { (nutrient.id, $0.text) } + nutrient.notes.map { (nutrient.id, $0.text) }
        }
        for instrument in q.instruments {
            texts += [(instrument.id, instrument.name), (instrument.id, instrument.cutoff), (instrument.id, instrument.otherwiseMeaning)]
            texts += instrument.results.map { (instrument.id, $0.meaning) }
        }
        return texts + q.tests.flatMap { [($0.id, $0.name), ($0.id, $0.checks)] }
    }

    @Test func everyTextIsTranslated() throws {
        let english = Default.questionnaire
        let englishTexts = Set(
            english.items.map(\.text) + english.triggers.map(\.message) + english.nutrients.flatMap { $0.rules.map(\.reason) }
                + english.otherCauses.compactMap(\.known?.text) + english.otherCauses.compactMap(\.known?.name))
        for (id, text) in Self.texts { #expect(!englishTexts.contains(text), "\(id) is still English: \(text)") }
        #expect(Self.spanish.references == english.references, "references stay as published")
    }

    /// Questions, warnings and advice read at least "somewhat hard" one by one and "normal" as
    /// passages on the INFLESZ scale; most questions read "fairly easy". The validated instruments
    /// keep their published wording.
    @Test func itReadsPlainly() {
        let q = Self.spanish
        let asked = q.items.filter { !DefaultQuestionnaireTests.publishedWording.contains($0.id) && !$0.id.hasPrefix("mnsi_") }
        for item in asked { #expect(SpanishReadingEase.inflesz(item.text) >= 50, "\(item.id): \(item.text)") }
        for trigger in q.triggers { #expect(SpanishReadingEase.inflesz(trigger.message) >= 50, "\(trigger.id): \(trigger.message)") }
        for advice in q.advice { #expect(SpanishReadingEase.inflesz(advice.text) >= 50, "\(advice.id): \(advice.text)") }
        let scores = asked.map { SpanishReadingEase.inflesz($0.text) }.sorted()
        #expect(scores[scores.count / 2] >= 65, "median question: \(scores[scores.count / 2])")
        let passages = [
            ("help", q.items.compactMap(\.help)), ("reasons", q.nutrients.flatMap(\.rules).map(\.reason)),
            ("other causes", q.otherCauses.map(\.text) + q.otherCauses.compactMap(\.known?.text)),
        ]
        for (name, texts) in passages {
            let ease = SpanishReadingEase.inflesz(texts.joined(separator: " "))
            #expect(ease >= 60, "\(name) read at \(ease)")
        }
    }

    /// "Usted", never "tú"; questions and exclamations opened as Spanish opens them; no diagnosis.
    @Test func itSpeaksAsASpanishClinicianWrites() {
        let informal = ["tú", "tienes", "puedes", "debes", "eres", "estás", "tu", "tus", "haz", "tomas", "sientes", "bebes"]
        for (id, text) in Self.texts {
            let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            #expect(words.isDisjoint(with: informal), "\(id) speaks to the person as tú: \(text)")
            // The key `?` ("Escriba ? en cualquier pregunta") is no question.
            let questions = text.replacingOccurrences(of: " ? ", with: " ")
            #expect(questions.filter { $0 == "?" }.count == questions.filter { $0 == "¿" }.count, "\(id): every ? is opened with ¿: \(text)")
            #expect(text.filter { $0 == "!" }.count == text.filter { $0 == "¡" }.count, "\(id): every ! is opened with ¡: \(text)")
            for phrase in ["usted tiene un déficit", "usted tiene una deficiencia", "diagnóstico:", "usted padece"] {
                #expect(!text.lowercased().contains(phrase), "\(id) diagnoses: \(text)")
            }
        }
        #expect(Self.spanish.triggers.filter { $0.urgency == .emergency }.allSatisfy { $0.message.contains("ahora") }, "emergencies say now")
    }

    /// Clinical terms as a Spanish-speaking GP writes them.
    @Test func clinicalTermsAreTheUsualOnes() {
        let all = Self.texts.map(\.1).joined(separator: " ")
        for term in [
            "Vitamina B12", "Ferritina", "Hemograma", "TSH", "HbA1c", "síndrome de piernas inquietas", "AUDIT-C", "MNSI", "IRLSSG", "celiaquía",
        ] {
            #expect(all.contains(term), "no \(term)")
        }
    }
}
