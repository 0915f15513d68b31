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
    public private(set) var sections: [Section]
    public private(set) var computed: [ComputedValue]
    public var triggers: [Trigger]
    /// The triage levels its triggers name, most urgent first (`levels:`).
    public var levels: [TriageLevel] = []
    public private(set) var nutrients: [Nutrient]
    public var instruments: [Instrument]
    public var advice: [Advice]
    /// Facts about the person that foods, notes and advice respect (`contexts:`).
    public var contexts: [PersonContext]
    /// The test catalogue: every test a nutrient or other cause may name.
    public private(set) var tests: [LabTest]
    /// Causes other than nutrients to rule out, with their tests.
    public var otherCauses: [OtherCause]
    /// The published works cited, in the order declared.
    public private(set) var references: [Reference]
    /// Which answers the report shows where, and who a person is in the history (`report:`).
    public var report: ReportConventions
    /// How a nutrient's rules add up: which kinds count only beside others (`scoring:`).
    public var scoring: Scoring
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
        nutrients: [Nutrient] = [], instruments: [Instrument] = [], advice: [Advice] = [], contexts: [PersonContext] = [], tests: [LabTest] = [],
        otherCauses: [OtherCause] = [], references: [Reference] = [], report: ReportConventions = .none, scoring: Scoring = .none,
        contentHash: String = "",
        path: String = ""
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
        self.contexts = contexts
        self.tests = tests
        self.otherCauses = otherCauses
        self.references = references
        self.report = report
        self.scoring = scoring
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

    /// The declared level for `urgency`, if any.
    public func level(_ urgency: Urgency) -> TriageLevel? { levels.first { $0.urgency == urgency } }
    /// The program's messages in the questionnaire's language.
    public var messages: Messages { Messages(language) }
}
