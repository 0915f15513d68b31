import Screening

/// How a kind of question maps to a FHIR R4 Questionnaire item and to the `answer` entries of a
/// QuestionnaireResponse. Every kind in `QuestionKinds.all` conforms (a test checks).
protocol FHIRItemKind: QuestionKind {
    /// The item's `type`, its `answerOption` entries and the extensions its settings need.
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition
    /// The answer as `answer` entries: one per selected option of a several-choice item.
    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue]
    /// The `answer` value the item takes, in words, for messages.
    var fhirAnswerType: String { get }
}

/// A Questionnaire item's type-dependent parts.
struct FHIRItemDefinition {
    var type: String
    var options: [JSONValue] = []
    var repeats: Bool? = nil
    var maxLength: Int? = nil
    var extensions: [JSONValue] = []
}

extension BooleanKind: FHIRItemKind {
    // FHIR `boolean` cannot hold "Not sure": such items are a choice of yes, no and unsure.
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        guard allowsUnsure else { return FHIRItemDefinition(type: "boolean") }
        return FHIRItemDefinition(type: "choice", options: ["yes", "no", "unsure"].map { .object(["valueCoding": coding($0, nil)]) })
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .boolean(let value) = answer else { return [] }
        return [allowsUnsure ? .object(["valueCoding": coding(value.rawValue)]) : .object(["valueBoolean": .bool(value == .yes)])]
    }

    var fhirAnswerType: String { allowsUnsure ? "valueCoding (yes, no or unsure)" : "valueBoolean" }
}

extension OptionKind {
    func fhirOptions(coding: (String, String?) -> JSONValue) -> [JSONValue] {
        options.map { option in
            var extensions: [JSONValue] = []
            if let points = option.points {
                extensions.append(.object(["url": .string(FHIRBundle.Extension.itemWeight), "valueDecimal": .number(points)]))
            }
            if option.exclusive { extensions.append(.object(["url": .string(FHIRBundle.Extension.optionExclusive), "valueBoolean": true])) }
            return .object(["valueCoding": coding(option.value, option.label), "extension": .array(extensions)])
        }
    }

    var fhirAnswerType: String { "valueCoding" }
}

extension ChoiceKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        FHIRItemDefinition(type: "choice", options: fhirOptions(coding: coding))
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .choice(let value) = answer else { return [] }
        return [.object(["valueCoding": coding(value)])]
    }
}

extension MultiChoiceKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        FHIRItemDefinition(type: "choice", options: fhirOptions(coding: coding), repeats: true)
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .multiChoice(let values) = answer else { return [] }
        return values.map { .object(["valueCoding": coding($0)]) }
    }
}

extension NumberKind {
    /// `minValue`, `maxValue` and `questionnaire-unit`; `value` writes a limit as the item's type.
    func fhirRangeExtensions(_ valueKey: String, _ value: (Double) -> JSONValue) -> [JSONValue] {
        var extensions: [JSONValue] = []
        for (url, bound) in [(FHIRBundle.Extension.minValue, range.min), (FHIRBundle.Extension.maxValue, range.max)] {
            guard let bound else { continue }
            extensions.append(.object(["url": .string(url), valueKey: value(bound)]))
        }
        if let unit = range.unit {
            extensions.append(.object(["url": .string(FHIRBundle.Extension.unit), "valueCoding": FHIRBundle.unitCoding(unit)]))
        }
        return extensions
    }
}

extension IntegerKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        FHIRItemDefinition(type: "integer", extensions: fhirRangeExtensions("valueInteger") { .integer(Int($0)) })
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .integer(let n) = answer else { return [] }
        return [.object(["valueInteger": .integer(n)])]
    }

    var fhirAnswerType: String { "valueInteger" }
}

extension DecimalKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        FHIRItemDefinition(type: "decimal", extensions: fhirRangeExtensions("valueDecimal") { .number($0) })
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .decimal(let d) = answer else { return [] }
        return [.object(["valueDecimal": .number(d)])]
    }

    var fhirAnswerType: String { "valueDecimal" }
}

extension TextKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        FHIRItemDefinition(type: "text", maxLength: maxLength)
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .text(let text) = answer else { return [] }
        return [.object(["valueString": .string(text)])]
    }

    var fhirAnswerType: String { "valueString" }
}

extension DateKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition {
        let earliest = min.map { [JSONValue.object(["url": .string(FHIRBundle.Extension.minValue), "valueDate": .string($0.iso)])] }
        return FHIRItemDefinition(type: "date", extensions: earliest ?? [])
    }

    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] {
        guard case .date(let date) = answer else { return [] }
        return [.object(["valueDate": .string(date.iso)])]
    }

    var fhirAnswerType: String { "valueDate" }
}

extension DisplayKind: FHIRItemKind {
    func fhirDefinition(coding: (String, String?) -> JSONValue) -> FHIRItemDefinition { FHIRItemDefinition(type: "display") }
    func fhirAnswers(_ answer: Answer, coding: (String) -> JSONValue) -> [JSONValue] { [] }
    var fhirAnswerType: String { "nothing: it is display text" }
}

extension Item {
    /// The FHIR mapping of the item's kind.
    var fhirKind: any FHIRItemKind {
        guard let kind = kind as? any FHIRItemKind else { preconditionFailure("\(kind.name) has no FHIR mapping (see FHIRItemKind)") }
        return kind
    }
}
