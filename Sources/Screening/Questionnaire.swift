import Localization

/// A screening questionnaire, loaded and checked from a file in `Questionnaires/`, in one
/// language: English as written, or another through its translation (`Translation`).
///
/// Field names follow FHIR Questionnaire where one exists (`id`, `version`, `title`, `item`
/// becomes `items`, `enableWhen` becomes the `when` expression), so a FHIR export is a mapping.
public struct Questionnaire: Sendable {
    /// The file format version this program writes its questionnaires in; version 1 is still read.
    public static let supportedSchemaVersion = 2

    public var id: String
    /// Version of the clinical content.
    public var version: String
    /// Version of the file format.
    public var schemaVersion: Int
    public var title: String
    public var description: String
    public var sections: [Section]
    public var computed: [ComputedValue]
    public var triggers: [Trigger]
    public var nutrients: [Nutrient]
    public var instruments: [Instrument]
    public var advice: [Advice]
    /// The test catalogue: every test a nutrient or other cause may name.
    public var tests: [LabTest]
    /// Causes other than nutrients to rule out, with their tests.
    public var otherCauses: [OtherCause]
    /// The published works cited, in the order declared.
    public var references: [Reference]
    /// SHA-256 of the file's bytes, hex.
    public var contentHash: String
    /// The file it was loaded from, as given.
    public var path: String
    /// The language of its texts, and so of every message shown with it.
    public var language: Language = .en

    /// Every item in asking order.
    public let items: [Item]
    private let orderByID: [String: Int]
    private let computedByID: [String: Int]
    private let sectionIndexByItem: [String: Int]
    private let nutrientIndexByID: [String: Int]
    private let testIndexByID: [String: Int]
    private let referenceIndexByID: [String: Int]

    public init(
        id: String, version: String, schemaVersion: Int, title: String, description: String,
        sections: [Section], computed: [ComputedValue] = [], triggers: [Trigger] = [],
        nutrients: [Nutrient] = [], instruments: [Instrument] = [], advice: [Advice] = [], tests: [LabTest] = [],
        otherCauses: [OtherCause] = [], references: [Reference] = [], contentHash: String = "", path: String = ""
    ) {
        self.id = id
        self.version = version
        self.schemaVersion = schemaVersion
        self.title = title
        self.description = description
        self.sections = sections
        self.computed = computed
        self.triggers = triggers
        self.nutrients = nutrients
        self.instruments = instruments
        self.advice = advice
        self.tests = tests
        self.otherCauses = otherCauses
        self.references = references
        self.contentHash = contentHash
        self.path = path
        self.items = sections.flatMap(\.items)
        self.orderByID = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.computedByID = Dictionary(computed.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.sectionIndexByItem = Dictionary(
            sections.enumerated().flatMap { index, section in section.items.map { ($0.id, index) } }, uniquingKeysWith: { a, _ in a })
        self.nutrientIndexByID = Dictionary(nutrients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.testIndexByID = Dictionary(tests.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.referenceIndexByID = Dictionary(references.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The item with this id, if any.
    public func item(_ id: String) -> Item? { orderByID[id].map { items[$0] } }
    /// Position of the item in asking order.
    public func order(of id: String) -> Int? { orderByID[id] }
    /// The computed value with this id, if any.
    public func computedValue(_ id: String) -> ComputedValue? { computedByID[id].map { computed[$0] } }
    /// The section that holds an item.
    public func section(of itemID: String) -> Section? { sectionIndexByItem[itemID].map { sections[$0] } }
    /// The nutrient (nutrient) with this id, if any.
    public func nutrient(_ id: String) -> Nutrient? { nutrientIndexByID[id].map { nutrients[$0] } }
    /// The catalogue entry with this id, if any.
    public func test(_ id: String) -> LabTest? { testIndexByID[id].map { tests[$0] } }
    /// The reference with this key, if any.
    public func reference(_ id: String) -> Reference? { referenceIndexByID[id].map { references[$0] } }
    /// Items that take an answer (everything but display text).
    public var questions: [Item] { items.filter(\.takesAnswer) }
    /// The program's messages in the questionnaire's language.
    public var messages: Messages { Messages(language) }
}

/// A titled group of items, asked together.
public struct Section: Sendable, Hashable {
    public var id: String
    public var title: String
    public var items: [Item]

    public init(id: String, title: String, items: [Item]) {
        self.id = id
        self.title = title
        self.items = items
    }
}

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

/// A checked expression together with the text it came from.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var expression: Expression
    public var location: SourceLocation

    public init(source: String, expression: Expression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }

    public var description: String { source }
}

/// A named value worked out from answers: a sub-score or a derived fact.
public struct ComputedValue: Sendable, Hashable {
    public enum Definition: Sendable, Hashable {
        /// Any expression.
        case expression(Condition)
        /// The sum of the points of the rules that hold.
        case sum([PointRule])
    }

    public var id: String
    public var title: String?
    public var definition: Definition
    public var type: ValueType
    public var location: SourceLocation

    public init(id: String, title: String? = nil, definition: Definition, type: ValueType, location: SourceLocation) {
        self.id = id
        self.title = title
        self.definition = definition
        self.type = type
        self.location = location
    }
}

/// Points given when a condition holds, with the reason and the references behind it.
public struct PointRule: Sendable, Hashable {
    /// Names the rule within its nutrient, so a translation can give its reason (optional).
    public var id: String?
    public var condition: Condition
    public var points: Double
    /// What sort of evidence the rule is; decides whether its points count (see `RuleKind`).
    public var kind: RuleKind
    public var reason: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(
        id: String? = nil, condition: Condition, points: Double, kind: RuleKind = .risk, reason: String = "", references: [String] = []
    ) {
        self.id = id
        self.condition = condition
        self.points = points
        self.kind = kind
        self.reason = reason
        self.references = references
    }

    /// True when the rule, holding, lets its nutrient's symptom rules count: a risk or a sign with positive points.
    public var anchors: Bool { kind != .symptom && points > 0 }
}

/// What a nutrient rule rests on. Non-specific symptoms (tiredness, cramps, weakness) point at
/// many nutrients at once, so their points count only when a risk or a specific sign for the
/// same nutrient holds too: no nutrient reaches Possible on non-specific symptoms alone.
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A risk factor: diet, age, a medicine, a condition, an operation (or its absence, with negative points).
    case risk
    /// A sign that points at this nutrient in particular (pica for iron, tingling around the mouth for calcium).
    case sign
    /// A symptom that many causes share; counts only beside a risk or a sign.
    case symptom
}

/// How soon to act on a trigger.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Book an appointment.
    case routine
    /// See a doctor within 24–48 hours.
    case urgent
    /// Call your local emergency number now.
    case emergency

    private var rank: Int { Urgency.allCases.firstIndex(of: self)! }
    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    /// What the level means, in words a person can act on.
    public func headline(_ messages: Messages) -> String {
        switch self {
        case .emergency: messages.urgency.emergencyHeadline
        case .urgent: messages.urgency.urgentHeadline
        case .routine: messages.urgency.routineHeadline
        }
    }

    /// The level's name: "Emergency", "Urgencia".
    public func name(_ messages: Messages) -> String {
        switch self {
        case .emergency: messages.urgency.emergency
        case .urgent: messages.urgency.urgent
        case .routine: messages.urgency.routine
        }
    }
}

/// A see-a-doctor rule: fires whenever its condition holds, whatever the scores say.
public struct Trigger: Sendable, Hashable {
    public var id: String
    public var condition: Condition
    public var urgency: Urgency
    public var message: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(id: String, condition: Condition, urgency: Urgency, message: String, references: [String] = []) {
        self.id = id
        self.condition = condition
        self.urgency = urgency
        self.message = message
        self.references = references
    }
}
