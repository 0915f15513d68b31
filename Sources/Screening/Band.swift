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

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    private var rank: Int { Band.allCases.firstIndex(of: self)! }
    public static func < (a: Band, b: Band) -> Bool { a.rank < b.rank }
}
