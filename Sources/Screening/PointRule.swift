/// Points given when a condition holds, with the reason and the references behind it.
public struct PointRule: Sendable, Hashable {
    /// Names the rule within its nutrient, so a translation can give its reason (optional).
    public var id: String?
    public var condition: Condition
    public var points: Double
    /// What sort of evidence the rule is; with the questionnaire's `Scoring`, decides whether its points count.
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
}
