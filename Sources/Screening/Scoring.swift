/// How a nutrient's rules add up: the questionnaire's `scoring:` block (Questionnaires/FORMAT.md,
/// "Scoring"). Each restriction names a kind of rule whose points count only beside a rule of
/// other kinds: when one of those, with positive points, holds for the same nutrient. A
/// questionnaire without the block counts every rule that holds.
///
/// `tally` is the one place the rule is evaluated, over three-valued rule outcomes, so the
/// `Evaluator` (every outcome known) and the `PartialEvaluator` (some still open) cannot disagree.
public struct Scoring: Sendable, Hashable {
    /// A kind of rule that counts only beside others, with why.
    public struct Restriction: Sendable, Hashable {
        public var kind: RuleKind
        /// The kinds one of whose rules, holding with positive points, lets `kind` count; each
        /// of them always counts itself.
        public var beside: [RuleKind]
        public var reason: String
        /// Keys of `Questionnaire.references`.
        public var references: [String]

        public init(kind: RuleKind, beside: [RuleKind], reason: String = "", references: [String] = []) {
            self.kind = kind
            self.beside = beside
            self.reason = reason
            self.references = references
        }
    }

    public var restrictions: [Restriction]

    public init(restrictions: [Restriction] = []) {
        self.restrictions = restrictions
    }

    /// Every rule that holds counts.
    public static let none = Scoring()

    /// The restriction on `kind`, if it has one.
    public func restriction(on kind: RuleKind) -> Restriction? { restrictions.first { $0.kind == kind } }

    /// Whether a rule's condition holds: settled either way, or still open.
    public enum Outcome: Sendable, Equatable {
        case holds
        case fails
        case open
    }

    /// What a nutrient's rules give for a set of outcomes.
    public struct Tally: Sendable {
        /// The lowest and highest score the open outcomes still allow; equal when none is open.
        public var low: Double
        public var high: Double
        /// The rules that hold and count, in the order written.
        public var counted: [PointRule]
        /// Rules that hold but do not count (yet): no rule they count beside holds.
        public var uncounted: [PointRule]
    }

    /// The score of `rules`, each taken at `outcome(rule)`. An open rule is taken at its best and
    /// its worst, each on its own, so the score the finished answers give lies within the range.
    public func tally(_ rules: [PointRule], outcome: (PointRule) -> Outcome) -> Tally {
        let outcomes = rules.map(outcome)
        // For each restricted kind: whether a rule it counts beside surely holds, or may.
        var anchored: [RuleKind: Outcome] = [:]
        for restriction in restrictions {
            let anchors = zip(rules, outcomes).filter { rule, _ in restriction.beside.contains(rule.kind) && rule.points > 0 }.map(\.1)
            anchored[restriction.kind] = anchors.contains(.holds) ? .holds : anchors.contains(.open) ? .open : .fails
        }
        var tally = Tally(low: 0, high: 0, counted: [], uncounted: [])
        for (rule, held) in zip(rules, outcomes) where held != .fails {
            let counts = anchored[rule.kind] ?? .holds
            switch (held, counts) {
            case (.holds, .holds):
                tally.low += rule.points
                tally.high += rule.points
                tally.counted.append(rule)
            case (_, .fails):
                if held == .holds { tally.uncounted.append(rule) }
            default:
                // Holds, or may, and may count: anything from nothing to its points.
                tally.low += min(0, rule.points)
                tally.high += max(0, rule.points)
                if held == .holds { tally.uncounted.append(rule) }
            }
        }
        return tally
    }
}
