import Foundation
import Localization
import Screening

/// A screening as FHIR R4 resources a clinic system can take: the Questionnaire (shaped after
/// the SDC implementation guide), the person's QuestionnaireResponse, one RiskAssessment per
/// Possible or Likely nutrient and one Flag per see-a-doctor trigger that fired, with a Patient
/// for them to be about, in a Bundle of type `collection`. Ids and `urn:uuid` full URLs are
/// derived from the content, so the same screening always gives the same bytes.
/// `docs/fhir-mapping.md` gives the mapping and what does not map. Texts are in the
/// questionnaire's language, which the Questionnaire and QuestionnaireResponse name.
public struct FHIRBundle {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// The canonical URL of the questionnaire (NutriScreen has no web address of its own).
    public var canonical: String { "urn:nutriscreen:questionnaire:\(questionnaire.id)" }
    /// The media type of the conditions and calculations: FHIRPath (`FHIRPathExpression`).
    public static let expressionLanguage = FHIRPathExpression.language
    /// Extension URLs, from FHIR core and the SDC guide, and the two NutriScreen needs of its own.
    enum Extension {
        static let enableWhenExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
        static let calculatedExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
        static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
        static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
        static let optionExclusive = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
        static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
        static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
        static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
        static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
        static let flagPriority = "http://hl7.org/fhir/StructureDefinition/flag-priority"
        static let askAlways = "urn:nutriscreen:extension:ask-always"
        static let shortText = "urn:nutriscreen:extension:short-text"
    }

    /// The answers of a yes/no item that allows "Not sure", which FHIR `boolean` cannot hold:
    /// codes and their displays.
    static func yesNoUnsure(_ messages: Messages) -> [(String, String)] {
        [("yes", messages.answers.yes), ("no", messages.answers.no), ("unsure", messages.answers.notSure)]
    }

    /// The program's words, in the questionnaire's language.
    private var messages: Messages { questionnaire.messages }

    // MARK: The whole bundle

    /// Every resource for one screening. `status` is `completed` when every question the
    /// interview would ask has an answer, else `in-progress`.
    public func bundle(_ document: AnswersDocument, assessment: Assessment) -> JSONValue {
        let key = SHA256.hex(of: Array((questionnaire.contentHash + AnswersSignature.text(document.answers, questionnaire)).utf8))
        let patient = Self.urn(key + "patient")
        let response = Self.urn(key + "response")
        var entries: [(String, JSONValue)] = [
            (Self.urn(key + "questionnaire"), questionnaireResource()),
            (patient, patientResource(assessment.person, id: String(key.prefix(16)))),
            (response, responseResource(document, assessment: assessment, patient: patient, id: String(key.prefix(16)))),
        ]
        let authored = document.completed.map(ISO8601.format)
        for nutrient in assessment.flaggedNutrients {
            entries.append(
                (Self.urn(key + "risk" + nutrient.id), riskResource(nutrient, patient: patient, response: response, authored: authored)))
        }
        for trigger in assessment.triggers {
            entries.append((Self.urn(key + "flag" + trigger.id), flagResource(trigger, patient: patient, authored: authored)))
        }
        for instrument in assessment.instruments {
            entries.append(
                (
                    Self.urn(key + "observation" + instrument.id),
                    observationResource(instrument, patient: patient, response: response, authored: authored)
                ))
        }
        return .object([
            "resourceType": "Bundle", "id": .string("screening-" + key.prefix(16)), "type": "collection",
            "entry": .array(entries.map { .object(["fullUrl": .string($0.0), "resource": $0.1]) }),
        ])
    }

    // MARK: Questionnaire

    public func questionnaireResource() -> JSONValue {
        .object([
            "resourceType": "Questionnaire",
            "id": .string(Self.fhirID(questionnaire.id)),
            "language": .string(questionnaire.language.tag),
            "meta": .object(["profile": ["http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"]]),
            "url": .string(canonical),
            "identifier": [.object(["system": "urn:nutriscreen:questionnaire-sha256", "value": .string(questionnaire.contentHash)])],
            "version": .string(questionnaire.version),
            "name": .string(Self.computableName(questionnaire.id)),
            "title": .string(questionnaire.title),
            "status": "active",
            "description": questionnaire.description.isEmpty ? nil : .string(questionnaire.description),
            "item": .array(questionnaire.sections.map(group)),
            "extension": .array(
                FHIRPathVariables(questionnaire: questionnaire).all().map {
                    .object([
                        "url": .string(Extension.variable),
                        "valueExpression": .object([
                            "name": .string($0.name), "language": .string(Self.expressionLanguage), "expression": .string($0.expression),
                        ]),
                    ])
                }),
        ])
    }

    /// A section's linkId: linkIds are unique across the whole questionnaire, and a section may
    /// share its id with an item (the section `symptoms` holds the item `symptoms`).
    static func groupLinkID(_ section: Section) -> String { "section." + section.id }

    private func group(_ section: Section) -> JSONValue {
        .object([
            "linkId": .string(Self.groupLinkID(section)), "type": "group", "text": .string(section.title), "item": .array(section.items.map(item)),
        ])
    }

    private func item(_ item: Item) -> JSONValue {
        let definition = item.fhirKind.fhirDefinition { coding(item, $0, display: $1) }
        var extensions = definition.extensions
        if let calculated = item.calculated {
            extensions.append(
                .object([
                    "url": .string(Extension.calculatedExpression),
                    "valueExpression": expression(FHIRPathExpression(questionnaire: questionnaire).value(calculated.expression), calculated),
                ]))
        }
        if item.alwaysAsked { extensions.append(.object(["url": .string(Extension.askAlways), "valueBoolean": true])) }
        if let short = item.shortText { extensions.append(.object(["url": .string(Extension.shortText), "valueString": .string(short)])) }
        var enableWhen: [JSONValue] = []
        var behavior: String? = nil
        if let condition = item.condition {
            if let mapped = FHIREnableWhen(questionnaire: questionnaire, coding: { coding($0, $1) }).map(condition.expression) {
                enableWhen = mapped.entries
                behavior = mapped.behavior
            } else {
                extensions.append(
                    .object([
                        "url": .string(Extension.enableWhenExpression),
                        "valueExpression": expression(FHIRPathExpression(questionnaire: questionnaire).condition(condition.expression), condition),
                    ]))
            }
        }
        let help: [JSONValue] =
            item.help.map { text in
                [
                    .object([
                        "linkId": .string(item.id + ".help"), "type": "display", "text": .string(text),
                        "extension": [
                            .object([
                                "url": .string(Extension.itemControl),
                                "valueCodeableConcept": .object([
                                    "coding": [.object(["system": "http://hl7.org/fhir/questionnaire-item-control", "code": "help"])]
                                ]),
                            ])
                        ],
                    ])
                ]
            } ?? []
        return .object([
            "linkId": .string(item.id), "type": .string(definition.type), "text": .string(item.text),
            "required": item.takesAnswer ? .bool(item.required) : nil, "repeats": definition.repeats.map(JSONValue.bool),
            "maxLength": definition.maxLength.map(JSONValue.integer), "answerOption": .array(definition.options), "enableWhen": .array(enableWhen),
            "enableBehavior": behavior.map(JSONValue.string), "extension": .array(extensions), "item": .array(help),
        ])
    }

    /// An SDC `Expression` in FHIRPath, described by the NutriScreen text it translates.
    private func expression(_ fhirPath: String, _ condition: Condition) -> JSONValue {
        .object(["description": .string(condition.source), "language": .string(Self.expressionLanguage), "expression": .string(fhirPath)])
    }

    /// The Coding of an option (or of yes, no or unsure) of `item`.
    func coding(_ item: Item, _ value: String, display: String? = nil) -> JSONValue {
        let label = display ?? item.option(value)?.label ?? Self.yesNoUnsure(messages).first { $0.0 == value }?.1
        return .object(["system": .string("\(canonical):\(item.id)"), "code": .string(value), "display": label.map(JSONValue.string)])
    }

    /// A unit as a UCUM Coding where there is one.
    static func unitCoding(_ unit: String) -> JSONValue {
        let ucum = ["years": "a", "year": "a", "mg": "mg", "kg": "kg", "micrograms": "ug", "IU": "[iU]"][unit]
        return .object([
            "system": ucum.map { _ in "http://unitsofmeasure.org" }, "code": ucum.map(JSONValue.string), "display": .string(unit),
        ])
    }

    // MARK: QuestionnaireResponse and Patient

    /// The person as a Patient: the name, date of birth and gender when the answers give them.
    func patientResource(_ person: Assessment.Person, id: String) -> JSONValue {
        .object([
            "resourceType": "Patient", "id": .string("person-" + id), "name": person.name.map { [.object(["text": .string($0)])] },
            "gender": Self.gender(person.sex).map(JSONValue.string), "birthDate": person.birthDate.map { .string($0.iso) },
        ])
    }

    /// FHIR's administrative gender for the sex answered: `female` and `male` as they are; the
    /// third answer ("another answer, or I prefer not to say") joins two meanings FHIR keeps apart
    /// (`other`, `unknown`), so it gives none.
    static func gender(_ sex: String?) -> String? {
        switch sex {
        case "female", "male": sex
        default: nil
        }
    }

    func responseResource(_ document: AnswersDocument, assessment: Assessment, patient: String, id: String) -> JSONValue {
        let groups: [JSONValue] = questionnaire.sections.compactMap { section in
            let answered = section.items.compactMap { item -> JSONValue? in
                guard let answer = document.answers[item.id] else { return nil }
                return .object(["linkId": .string(item.id), "text": .string(item.text), "answer": .array(answers(answer, for: item))])
            }
            guard !answered.isEmpty else { return nil }
            return .object(["linkId": .string(Self.groupLinkID(section)), "text": .string(section.title), "item": .array(answered)])
        }
        return .object([
            "resourceType": "QuestionnaireResponse", "id": .string("response-" + id), "language": .string(questionnaire.language.tag),
            "questionnaire": .string("\(canonical)|\(questionnaire.version)"),
            "status": .string(assessment.unanswered.isEmpty ? "completed" : "in-progress"),
            "subject": .object(["reference": .string(patient)]),
            "authored": document.completed.map { .string(ISO8601.format($0)) },
            "item": .array(groups),
        ])
    }

    /// An answer as FHIR `answer` entries: one per selected option of a several-choice item.
    func answers(_ answer: Answer, for item: Item) -> [JSONValue] {
        item.fhirKind.fhirAnswers(answer) { coding(item, $0) }
    }

    // MARK: RiskAssessment and Flag

    func riskResource(_ nutrient: Assessment.NutrientResult, patient: String, response: String, authored: String?) -> JSONValue {
        let risk = nutrient.band == .likely ? ("high", "High likelihood") : ("moderate", "Moderate likelihood")
        let reasons = (nutrient.supporting + nutrient.contrary).map { reason in
            JSONValue.object(["text": .string("\(reason.points > 0 ? "+" : "")\(messages.number(reason.points)) \(reason.reason)")])
        }
        return .object([
            "resourceType": "RiskAssessment", "id": .string("risk-" + Self.fhirID(nutrient.id)), "status": "final",
            "subject": .object(["reference": .string(patient)]), "occurrenceDateTime": authored.map(JSONValue.string),
            "basis": [.object(["reference": .string(response)])],
            "method": .object(["text": .string(messages.export.method)]),
            "prediction": [
                .object([
                    "outcome": .object(["text": .string(nutrient.name)]),
                    "qualitativeRisk": .object([
                        "coding": [
                            .object([
                                "system": "http://terminology.hl7.org/CodeSystem/risk-probability", "code": .string(risk.0),
                                "display": .string(risk.1),
                            ])
                        ],
                        "text": .string(nutrient.band.label(messages)),
                    ]),
                    "rationale": .string(
                        messages.export.rationale(
                            score: messages.number(nutrient.score), possible: messages.number(nutrient.thresholds.possible),
                            likely: messages.number(nutrient.thresholds.likely))),
                ])
            ],
            "note": .array(reasons),
        ])
    }

    func flagResource(_ trigger: Assessment.TriggerResult, patient: String, authored: String?) -> JSONValue {
        let priority: (String, String) =
            switch trigger.urgency {
            case .emergency, .sameDay: ("PH", "High priority")
            case .urgent: ("PM", "Medium priority")
            case .soon, .routine: ("PL", "Low priority")
            }
        return .object([
            "resourceType": "Flag", "id": .string("flag-" + Self.fhirID(trigger.id)), "status": "active",
            "category": [
                .object([
                    "coding": [.object(["system": "http://terminology.hl7.org/CodeSystem/flag-category", "code": "clinical", "display": "Clinical"])]
                ])
            ],
            "code": .object(["text": .string(trigger.message)]), "subject": .object(["reference": .string(patient)]),
            "period": authored.map { .object(["start": .string($0)]) },
            "extension": [
                .object([
                    "url": .string(Extension.flagPriority),
                    "valueCodeableConcept": .object([
                        "coding": [
                            .object(["system": "http://hl7.org/fhir/flag-priority-code", "code": .string(priority.0), "display": .string(priority.1)])
                        ],
                        "text": .string(trigger.urgency.name(messages)),
                    ]),
                ])
            ],
        ])
    }

    // MARK: Observation

    /// A validated instrument's total as a survey Observation that a record system can chart: coded
    /// in the terminology the questionnaire gives (AUDIT-C's LOINC 75626-2), else by its name.
    func observationResource(
        _ result: Assessment.InstrumentResult, patient: String, response: String, authored: String?
    ) -> JSONValue {
        let code = questionnaire.instruments.first { $0.id == result.id }?.code
        let coding = code.map { [JSONValue.object(["system": .string($0.system), "code": .string($0.code), "display": .string($0.display)])] }
        let interpretation = result.positive ? ("POS", "Positive") : ("NEG", "Negative")
        let value: (String, JSONValue) =
            result.total == result.total.rounded() && abs(result.total) < 1e9
            ? ("valueInteger", .integer(Int(result.total))) : ("valueDecimal", .number(result.total))
        return .object([
            "resourceType": "Observation", "id": .string("observation-" + Self.fhirID(result.id)), "status": "final",
            "category": [
                .object([
                    "coding": [
                        .object(["system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey"])
                    ]
                ])
            ],
            "code": .object(["coding": coding.map(JSONValue.array), "text": .string(result.name)]),
            "subject": .object(["reference": .string(patient)]), "effectiveDateTime": authored.map(JSONValue.string),
            "derivedFrom": [.object(["reference": .string(response)])],
            value.0: value.1,
            "interpretation": [
                .object([
                    "coding": [
                        .object([
                            "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": .string(interpretation.0),
                            "display": .string(interpretation.1),
                        ])
                    ],
                    "text": .string(result.result),
                ])
            ],
            "referenceRange": [.object(["text": .string(result.cutoff)])],
            "note": [.object(["text": .string(result.meaning)])],
        ])
    }

    // MARK: Names

    /// A FHIR id: letters, digits, `-` and `.` only.
    static func fhirID(_ id: String) -> String { String(id.map { $0 == "_" ? "-" : $0 }.prefix(64)) }

    /// A name for machines, as FHIR wants it: `neuro_nutrition` becomes `NeuroNutrition`.
    static func computableName(_ id: String) -> String {
        id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A `urn:uuid` made from a hash (a version 5 style UUID), so ids are stable for the same content.
    static func urn(_ seed: String) -> String {
        var hex = Array(SHA256.hex(of: Array(seed.utf8)).prefix(32))
        hex[12] = "5"
        hex[16] = ["8", "9", "a", "b"][(Int(String(hex[16]), radix: 16) ?? 0) % 4]
        let text = String(hex)
        func part(_ range: Range<Int>) -> Substring { text.dropFirst(range.lowerBound).prefix(range.count) }
        return "urn:uuid:\(part(0..<8))-\(part(8..<12))-\(part(12..<16))-\(part(16..<20))-\(part(20..<32))"
    }
}

/// Answers as one line of text, for the hash behind the bundle's ids.
enum AnswersSignature {
    static func text(_ answers: AnswerSet, _ questionnaire: Questionnaire) -> String {
        answers.ordered(by: questionnaire).map { "\($0.item.id)=\($0.answer.plain)" }.joined(separator: ";")
    }
}
