import Localization

/// Score thresholds: at or above `possible` the band is Possible, at or above `likely` it is Likely.
public struct Thresholds: Sendable, Hashable, Codable {
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

    /// The band's name as people read it: "Likely", "Probable".
    public func label(_ messages: Messages) -> String {
        switch self {
        case .low: messages.bands.low
        case .possible: messages.bands.possible
        case .likely: messages.bands.likely
        }
    }
    /// Possible or Likely: the nutrient is flagged, with its tests and advice.
    public var isFlagged: Bool { self != .low }

    private var rank: Int { Band.allCases.firstIndex(of: self)! }
    public static func < (a: Band, b: Band) -> Bool { a.rank < b.rank }
}
