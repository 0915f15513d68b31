import Screening

/// Scores over several screenings: one row per nutrient, one small bar per screening (oldest
/// first), each against the thresholds for Possible and Likely.
public struct TrendChart: Sendable, Equatable {
    /// One screening's bar.
    public struct Point: Sendable, Equatable {
        public var score: Double
        /// The score as the report writes it, in its language ("2,5").
        public var scoreText: String
        public var band: Band
        /// The bar in words, for readers who cannot see it.
        public var alternativeText: String

        public init(score: Double, scoreText: String, band: Band, alternativeText: String) {
            self.score = score
            self.scoreText = scoreText
            self.band = band
            self.alternativeText = alternativeText
        }
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        /// One per column; nil where that screening did not score the nutrient.
        public var points: [Point?]
        public var possible: Double
        public var likely: Double

        public init(name: String, points: [Point?], possible: Double, likely: Double) {
            self.name = name
            self.points = points
            self.possible = possible
            self.likely = likely
        }
    }

    /// The header of the first column.
    public var title: String
    /// Each screening's heading (its date), oldest first.
    public var columns: [String]
    public var rows: [Row]
    /// The right end of every bar.
    public var scale: Double
    /// What a cell without a score says.
    public var missingText: String

    public init(title: String, columns: [String], rows: [Row], scale: Double, missingText: String) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.scale = scale
        self.missingText = missingText
    }
}
