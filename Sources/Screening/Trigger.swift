/// A see-a-doctor rule: fires whenever its condition holds, whatever the scores say.
public struct Trigger: Sendable, Hashable {
    public var id: String
    public var condition: Condition
    public var urgency: Urgency
    public var message: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(id: String, condition: Condition, urgency: Urgency, message: String, references: [String] = []) {
        self.id = id
        self.condition = condition
        self.urgency = urgency
        self.message = message
        self.references = references
    }
}
