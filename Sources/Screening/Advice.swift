/// Advice for the person, shown when its condition holds and never when its exception does
/// (no fluid advice for a person on a fluid limit).
public struct Advice: Sendable, Hashable {
    public var id: String
    public var condition: Condition?
    /// Never shown when this holds.
    public var exception: Condition?
    /// The contexts it does not apply in, or the only ones it does.
    public var fit: Fit
    public var text: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(
        id: String, condition: Condition?, exception: Condition? = nil, fit: Fit = .everyone, text: String, references: [String]
    ) {
        self.id = id
        self.condition = condition
        self.exception = exception
        self.fit = fit
        self.text = text
        self.references = references
    }
}
