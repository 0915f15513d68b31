/// A validated instrument (MNSI, IRLSSG, AUDIT-C) reported in its own right.
public struct Instrument: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The computed value that holds its total.
    public var total: String
    public var maximum: Double
    /// The cut-offs in words, e.g. "≥4 possible, ≥7 likely neuropathy".
    public var cutoff: String
    /// Checked in order; the first that holds gives the result.
    public var results: [ResultRule]
    /// The result when no rule holds, and what it means.
    public var otherwise: String
    public var otherwiseMeaning: String
    /// Only reported when this holds (e.g. the person drinks).
    public var condition: Condition?
    /// Keys of `Questionnaire.references`.
    public var references: [String]
    /// The total's code in a public terminology (AUDIT-C's LOINC 75626-2), where one exists, so
    /// that a record system can chart it.
    public var code: Code?
    public var location: SourceLocation

    public init(
        id: String, name: String, total: String, maximum: Double, cutoff: String, results: [ResultRule], otherwise: String,
        otherwiseMeaning: String = "", condition: Condition? = nil, references: [String], code: Code? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.total = total
        self.maximum = maximum
        self.cutoff = cutoff
        self.results = results
        self.otherwise = otherwise
        self.otherwiseMeaning = otherwiseMeaning
        self.condition = condition
        self.references = references
        self.code = code
        self.location = location
    }

    /// A code in a public terminology: the system's URI, the code and its display text there.
    public struct Code: Sendable, Hashable {
        public var system: String
        public var code: String
        public var display: String

        public init(system: String, code: String, display: String) {
            self.system = system
            self.code = code
            self.display = display
        }
    }

    /// A result the instrument gives when its condition holds.
    public struct ResultRule: Sendable, Hashable {
        public var condition: Condition
        public var result: String
        public var meaning: String
        /// True when the result counts as a positive screen.
        public var positive: Bool

        public init(condition: Condition, result: String, meaning: String, positive: Bool) {
            self.condition = condition
            self.result = result
            self.meaning = meaning
            self.positive = positive
        }
    }
}
