/// A cause other than a nutrient that a clinician would rule out for a pattern of answers
/// (diabetes for numb, burning feet; the thyroid for tiredness and cramps), with its tests.
public struct OtherCause: Sendable, Hashable {
    public var id: String
    /// Shown when this holds.
    public var condition: Condition
    /// What the cause is and why it fits, in plain words.
    public var text: String
    /// Ids in the test catalogue.
    public var tests: [String]
    public var references: [String]
    public var location: SourceLocation

    public init(id: String, condition: Condition, text: String, tests: [String], references: [String], location: SourceLocation) {
        self.id = id
        self.condition = condition
        self.text = text
        self.tests = tests
        self.references = references
        self.location = location
    }
}
