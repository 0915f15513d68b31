/// A see-a-doctor rule: fires whenever its condition holds, whatever the scores say.
public struct Trigger: Sendable, Hashable {
    public var id: String
    /// When it fires. When `inferred`, this already leaves out the answers that deny the sign
    /// (see `QuestionnaireBuilder.gated`), so every reader of the condition agrees.
    public var condition: Condition
    public var urgency: Urgency
    public var message: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]
    /// The warning sign the trigger stands for, as answered yes. When it holds, the trigger
    /// leads its level; when the trigger fires, the sign is not listed as answered no.
    public var sign: Condition?
    /// The rest of the condition infers the sign from other answers, so it never fires when the
    /// sign's answers were given without it (the condition is gated at load).
    public var inferred: Bool

    public init(
        id: String, condition: Condition, urgency: Urgency, message: String, references: [String] = [], sign: Condition? = nil,
        inferred: Bool = false
    ) {
        self.id = id
        self.condition = condition
        self.urgency = urgency
        self.message = message
        self.references = references
        self.sign = sign
        self.inferred = inferred
    }

    /// The options of `item` the sign names (`option in item`).
    public func signOptions(of item: String) -> Set<String> { sign?.expression.options(of: item) ?? [] }
}
