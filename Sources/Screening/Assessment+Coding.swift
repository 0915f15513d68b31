import Foundation
import Localization

/// The JSON of `docs/assessment-schema.md`: `completed` as ISO-8601 UTC text, always written in
/// the current shape. Reads schemaVersion 2 too, as the history keeps it for screenings recorded before version 3; what
/// version 2 did not carry (section ids, labels, kinds, chosen options, the date of birth and
/// sex, the report block) is filled in by `filledIn(from:)`.
extension Assessment: Codable {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion, questionnaire, language, person, completed, triage, triggers, nutrients, instruments, advice, tests
        case otherCauses, references, answers, ruledOut, context, report, asked, unanswered, disclaimer
        /// Version 2's keys for what version 3 keeps elsewhere: the name (now in `person`).
        case name
    }

    /// An answer as version 2 wrote it: the section by its title, no label, kind or options.
    private struct AnsweredItemVersion2: Decodable {
        var id: String
        var section: String
        var question: String
        var answer: String
        var value: PlainValue
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        guard (2...Self.currentSchemaVersion).contains(schemaVersion) else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: c, debugDescription: "schemaVersion \(schemaVersion) is not one this program reads")
        }
        questionnaire = try c.decode(QuestionnaireReference.self, forKey: .questionnaire)
        language = try c.decode(Language.self, forKey: .language)
        if let text = try c.decodeIfPresent(String.self, forKey: .completed) {
            guard let moment = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(forKey: .completed, in: c, debugDescription: "not an ISO-8601 time: \(text)")
            }
            completed = moment
        }
        triage = try c.decode(Triage.self, forKey: .triage)
        triggers = try c.decode([TriggerResult].self, forKey: .triggers)
        nutrients = try c.decode([NutrientResult].self, forKey: .nutrients)
        instruments = try c.decode([InstrumentResult].self, forKey: .instruments)
        advice = try c.decode([AdviceResult].self, forKey: .advice)
        tests = try c.decode([TestResult].self, forKey: .tests)
        otherCauses = try c.decode([OtherCauseResult].self, forKey: .otherCauses)
        references = try c.decode([Reference].self, forKey: .references)
        asked = try c.decodeIfPresent([String].self, forKey: .asked)
        disclaimer = try c.decode(String.self, forKey: .disclaimer)
        guard schemaVersion == 2 else {
            person = try c.decode(Person.self, forKey: .person)
            answers = try c.decode([AnsweredItem].self, forKey: .answers)
            ruledOut = try c.decode([WarningSign].self, forKey: .ruledOut)
            context = try c.decode([ContextEntry].self, forKey: .context)
            report = try c.decode(ReportConventions.self, forKey: .report)
            unanswered = try c.decode([UnansweredItem].self, forKey: .unanswered)
            return
        }
        person = Person(name: try c.decodeIfPresent(String.self, forKey: .name))
        answers = try c.decode([AnsweredItemVersion2].self, forKey: .answers).map {
            AnsweredItem(
                id: $0.id, section: "", sectionTitle: $0.section, question: $0.question, label: $0.question, kind: "", answer: $0.answer,
                value: $0.value)
        }
        (ruledOut, context, report) = ([], [], .none)
        unanswered = try c.decode([String].self, forKey: .unanswered).map { UnansweredItem(id: $0, label: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.currentSchemaVersion, forKey: .schemaVersion)
        try c.encode(questionnaire, forKey: .questionnaire)
        try c.encode(language, forKey: .language)
        try c.encode(person, forKey: .person)
        try c.encodeIfPresent(completed.map(ISO8601.format), forKey: .completed)
        try c.encode(triage, forKey: .triage)
        try c.encode(triggers, forKey: .triggers)
        try c.encode(nutrients, forKey: .nutrients)
        try c.encode(instruments, forKey: .instruments)
        try c.encode(advice, forKey: .advice)
        try c.encode(tests, forKey: .tests)
        try c.encode(otherCauses, forKey: .otherCauses)
        try c.encode(references, forKey: .references)
        try c.encode(answers, forKey: .answers)
        try c.encode(ruledOut, forKey: .ruledOut)
        try c.encode(context, forKey: .context)
        try c.encode(report, forKey: .report)
        try c.encodeIfPresent(asked, forKey: .asked)
        try c.encode(unanswered, forKey: .unanswered)
        try c.encode(disclaimer, forKey: .disclaimer)
    }
}
