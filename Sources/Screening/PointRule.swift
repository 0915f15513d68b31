/// Points given when a condition holds, with the reason and the references behind it.
public struct PointRule: Sendable, Hashable {
    /// Names the rule within its nutrient, so a translation can give its reason (optional).
    public var id: String?
    public var condition: Condition
    public var points: Double
    /// What sort of evidence the rule is; decides whether its points count (see `RuleKind`).
    public var kind: RuleKind
    public var reason: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(
        id: String? = nil, condition: Condition, points: Double, kind: RuleKind = .risk, reason: String = "", references: [String] = []
    ) {
        self.id = id
        self.condition = condition
        self.points = points
        self.kind = kind
        self.reason = reason
        self.references = references
    }

    /// True when the rule, holding, lets its nutrient's symptom rules count: a risk or a sign with positive points.
    public var anchors: Bool { kind != .symptom && points > 0 }
}
