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
    public var location: SourceLocation

    public init(
        id: String, name: String, total: String, maximum: Double, cutoff: String, results: [ResultRule], otherwise: String,
        otherwiseMeaning: String = "", condition: Condition? = nil, references: [String], location: SourceLocation
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
        self.location = location
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
