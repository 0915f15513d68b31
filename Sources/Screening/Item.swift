/// One question (or piece of display text) in a questionnaire.
public struct Item: Sendable, Hashable {
    public var id: String
    public var text: String
    /// "Why we ask": shown on `?`.
    public var help: String?
    /// What kind of answer the item takes, and everything done with it.
    public var kind: any QuestionKind {
        get { kindBox.base }
        set { kindBox = KindBox(base: newValue) }
    }
    private var kindBox: KindBox
    public var required: Bool
    /// Shown only when this holds for the answers so far.
    public var condition: Condition?
    /// A short label for summaries and reports ("Tingling").
    public var shortText: String?
    /// Asked whenever it is shown, even when no answer could change the result (`ask: always`):
    /// what a clinician needs whatever the scores.
    public var alwaysAsked: Bool
    /// Answered by this expression, not asked, once every item it reads is answered (an age
    /// from a date of birth; FHIR SDC's `calculatedExpression`).
    public var calculated: Condition?
    public var location: SourceLocation

    public init(
        id: String, text: String, help: String? = nil, kind: some QuestionKind, required: Bool = true, condition: Condition? = nil,
        shortText: String? = nil, alwaysAsked: Bool = false, calculated: Condition? = nil, location: SourceLocation
    ) {
        self.init(
            id: id, text: text, help: help, anyKind: kind, required: required, condition: condition, shortText: shortText,
            alwaysAsked: alwaysAsked, calculated: calculated, location: location)
    }

    /// An item of a kind known only at run time (read from a file or an archive).
    public init(
        id: String, text: String, help: String? = nil, anyKind kind: any QuestionKind, required: Bool = true, condition: Condition? = nil,
        shortText: String? = nil, alwaysAsked: Bool = false, calculated: Condition? = nil, location: SourceLocation
    ) {
        self.id = id
        self.text = text
        self.help = help
        self.kindBox = KindBox(base: kind)
        self.required = required
        self.condition = condition
        self.shortText = shortText
        self.alwaysAsked = alwaysAsked
        self.calculated = calculated
        self.location = location
    }

    public var takesAnswer: Bool { !(kind is DisplayKind) }

    /// Its name in summaries, reviews and reports: the short text, else the question.
    public var label: String { shortText ?? text }

    /// True when the item is answered by its `calculated` expression rather than asked: it has
    /// an answer in `answers` and so has every item the expression reads.
    public func isCalculated(in answers: AnswerSet) -> Bool {
        guard let calculated, answers[id] != nil else { return false }
        return calculated.expression.references.allSatisfy { answers[$0] != nil }
    }

    /// The options of a choice or multiChoice item (empty for other kinds).
    public var options: [AnswerOption] { (kind as? any OptionKind)?.options ?? [] }

    public var optionValues: [String] { options.map(\.value) }
    public func option(_ value: String) -> AnswerOption? { options.first { $0.value == value } }
}
