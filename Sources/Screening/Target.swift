/// Something the screening scores: a nutrient shortfall (or excess) to discuss with a doctor.
public struct Target: Sendable, Hashable {
    public var id: String
    public var name: String
    /// One plain sentence on what the nutrient does.
    public var summary: String
    public var rules: [PointRule]
    public var bands: BandThresholds
    /// Ids in the test catalogue.
    public var tests: [String]
    /// Foods that supply it, each with the answers for which it must not be suggested.
    public var foods: [Food]
    public var notes: [String]
    public var location: SourceLocation

    public init(
        id: String, name: String, summary: String = "", rules: [PointRule], bands: BandThresholds, tests: [String] = [], foods: [Food] = [],
        notes: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rules = rules
        self.bands = bands
        self.tests = tests
        self.foods = foods
        self.notes = notes
        self.location = location
    }
}

/// A food source of a nutrient, not suggested where it would harm the person (potassium-rich
/// foods on a kidney diet, liver in pregnancy).
public struct Food: Sendable, Hashable {
    public var text: String
    /// Not suggested when this holds.
    public var exception: Condition?

    public init(_ text: String, exception: Condition? = nil) {
        self.text = text
        self.exception = exception
    }
}

/// Score thresholds: at or above `possible` the band is Possible, at or above `likely` it is Likely.
public struct BandThresholds: Sendable, Hashable, Codable {
    public var possible: Double
    public var likely: Double

    public init(possible: Double, likely: Double) {
        self.possible = possible
        self.likely = likely
    }

    public func band(for score: Double) -> Band {
        score >= likely ? .likely : score >= possible ? .possible : .low
    }
}

/// A screening heuristic band: never a probability.
public enum Band: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case low, possible, likely

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    private var rank: Int { Band.allCases.firstIndex(of: self)! }
    public static func < (a: Band, b: Band) -> Bool { a.rank < b.rank }
}

/// A validated instrument (MNSI, IRLSSG, AUDIT-C) reported in its own right.
public struct Instrument: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The computed value that holds its total.
    public var score: String
    public var maximum: Double
    /// The cut-offs in words, e.g. "≥4 possible, ≥7 likely neuropathy".
    public var cutoff: String
    /// Checked in order; the first that holds gives the band.
    public var interpretations: [Interpretation]
    /// The band when no interpretation holds.
    public var defaultBand: String
    public var defaultMeaning: String
    /// Only reported when this holds (e.g. the person drinks).
    public var condition: Condition?
    /// Keys of `Questionnaire.references`.
    public var references: [String]
    public var location: SourceLocation

    public init(
        id: String, name: String, score: String, maximum: Double, cutoff: String, interpretations: [Interpretation], defaultBand: String,
        defaultMeaning: String = "", condition: Condition? = nil, references: [String], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.score = score
        self.maximum = maximum
        self.cutoff = cutoff
        self.interpretations = interpretations
        self.defaultBand = defaultBand
        self.defaultMeaning = defaultMeaning
        self.condition = condition
        self.references = references
        self.location = location
    }

    /// One band of an instrument.
    public struct Interpretation: Sendable, Hashable {
        public var condition: Condition
        public var band: String
        public var meaning: String
        /// True when the band counts as a positive screen.
        public var positive: Bool

        public init(condition: Condition, band: String, meaning: String, positive: Bool) {
            self.condition = condition
            self.band = band
            self.meaning = meaning
            self.positive = positive
        }
    }
}

/// Advice for the person, shown when its condition holds and never when its exception does
/// (no fluid advice for a person on a fluid limit).
public struct Advice: Sendable, Hashable {
    public var id: String
    public var condition: Condition?
    /// Never shown when this holds.
    public var exception: Condition?
    public var text: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(id: String, condition: Condition?, exception: Condition? = nil, text: String, references: [String]) {
        self.id = id
        self.condition = condition
        self.exception = exception
        self.text = text
        self.references = references
    }
}
