/// One entry of the questionnaire's test catalogue: a blood test or examination a person can
/// ask their doctor about. Nutrients and other causes name tests by id, so the assessment lists
/// each test once, with everything it serves, and only where it applies to the person.
public struct LabTest: Sendable, Hashable {
    public var id: String
    /// Its plain name ("Ferritin (iron stores)").
    public var name: String
    /// What it checks, in one plain sentence.
    public var checks: String
    /// Listed only when this holds for the person (sex, pregnancy, palpitations…); always when nil.
    public var condition: Condition?
    /// First-line, or only if the first results are abnormal.
    public var tier: TestTier
    public var location: SourceLocation

    public init(id: String, name: String, checks: String, condition: Condition? = nil, tier: TestTier = .first, location: SourceLocation) {
        self.id = id
        self.name = name
        self.checks = checks
        self.condition = condition
        self.tier = tier
        self.location = location
    }
}
