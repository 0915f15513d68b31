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
    /// What is said instead to a person known to have the cause (a known diabetic, someone
    /// treated for an underactive thyroid): not a cause to rule out, but a condition to check.
    public var known: Known?
    public var location: SourceLocation

    /// The cause as a known condition: shown in place of the cause when `context` holds.
    public struct Known: Sendable, Hashable {
        /// The id of a `PersonContext`.
        public var context: String
        /// The condition in a few words ("Known diabetes").
        public var name: String
        /// What to check, in plain words (control, complications); nil when the cause's own
        /// text already speaks to a person who has it (kidney disease, an eating disorder).
        public var text: String?
        /// Ids in the test catalogue.
        public var tests: [String]
        public var references: [String]

        public init(context: String, name: String, text: String?, tests: [String], references: [String]) {
            self.context = context
            self.name = name
            self.text = text
            self.tests = tests
            self.references = references
        }
    }

    public init(
        id: String, condition: Condition, text: String, tests: [String], references: [String], known: Known? = nil, location: SourceLocation
    ) {
        self.id = id
        self.condition = condition
        self.text = text
        self.tests = tests
        self.references = references
        self.known = known
        self.location = location
    }
}
