extension Assessment {
    public struct TriggerResult: Codable, Sendable, Equatable {
        public var id: String
        public var urgency: Urgency
        public var message: String
        public var references: [String]
        public var evidence: [Evidence]
    }

    /// One scored rule: why points were added (or taken away).
    public struct RuleResult: Codable, Sendable, Equatable {
        public var points: Double
        public var kind: RuleKind
        public var reason: String
        public var references: [String]
        public var evidence: [Evidence]
    }

    /// A test to discuss, with what it serves.
    public struct TestResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        /// Ids of the nutrients and other causes it serves, in the order they are listed.
        public var `for`: [String]
        /// What it checks.
        public var why: String
        /// First-line, or only if the first results are abnormal (first when an older assessment
        /// did not say).
        public var tier: TestTier

        public init(id: String, name: String, for served: [String], why: String, tier: TestTier = .first) {
            self.id = id
            self.name = name
            self.for = served
            self.why = why
            self.tier = tier
        }

        private enum CodingKeys: String, CodingKey { case id, name, `for`, why, tier }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                for: try c.decode([String].self, forKey: .for), why: try c.decode(String.self, forKey: .why),
                tier: try c.decodeIfPresent(TestTier.self, forKey: .tier) ?? .first)
        }
    }

    /// A cause other than a nutrient to rule out, or, when the person is known to have it, a
    /// known condition to check.
    public struct OtherCauseResult: Codable, Sendable, Equatable {
        public var id: String
        /// The known condition's name when the person is known to have the cause; nil for a
        /// cause to rule out.
        public var known: String?
        public var text: String
        public var tests: [String]
        public var references: [String]
        public var evidence: [Evidence]
    }

    public struct NutrientResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var summary: String
        public var score: Double
        public var band: Band
        public var thresholds: Thresholds
        /// Points for.
        public var supporting: [RuleResult]
        /// Points against (negative).
        public var contrary: [RuleResult]
        /// Symptoms that fit but did not count, because no risk or specific sign for this nutrient held.
        public var uncounted: [RuleResult]
        /// Ids of the tests that apply (see `Assessment.tests`).
        public var tests: [String]
        public var foods: [String]
        public var notes: [String]
    }

    public struct InstrumentResult: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var total: Double
        public var maximum: Double
        public var result: String
        public var meaning: String
        public var positive: Bool
        public var cutoff: String
        public var references: [String]
    }

    public struct AdviceResult: Codable, Sendable, Equatable {
        public var id: String
        public var text: String
        public var references: [String]
    }
}
