/// Something the screening scores: a nutrient shortfall (or excess) to discuss with a doctor.
public struct Nutrient: Sendable, Hashable {
    public var id: String
    public var name: String
    /// One plain sentence on what the nutrient does.
    public var summary: String
    public var rules: [PointRule]
    public var thresholds: Thresholds
    /// Ids in the test catalogue.
    public var tests: [String]
    /// Foods that supply it, each with the contexts it must not be suggested in.
    public var foods: [Food]
    public var notes: [Note]
    public var location: SourceLocation

    public init(
        id: String, name: String, summary: String = "", rules: [PointRule], thresholds: Thresholds, tests: [String] = [], foods: [Food] = [],
        notes: [Note] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.rules = rules
        self.thresholds = thresholds
        self.tests = tests
        self.foods = foods
        self.notes = notes
        self.location = location
    }
}

/// A food source of a nutrient, not suggested where it would harm the person or cannot help
/// (potassium-rich foods on a kidney diet, liver in pregnancy, meat for a vegan).
public struct Food: Sendable, Hashable {
    public var text: String
    public var fit: Fit

    public init(_ text: String, fit: Fit = .everyone) {
        self.text = text
        self.fit = fit
    }
}

/// A note on a nutrient for the doctor, shown only to the people it applies to.
public struct Note: Sendable, Hashable {
    public var text: String
    public var fit: Fit

    public init(_ text: String, fit: Fit = .everyone) {
        self.text = text
        self.fit = fit
    }
}
