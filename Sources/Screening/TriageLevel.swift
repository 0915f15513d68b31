/// One level of triage as a questionnaire declares it (`levels:`): which disposition it is, the
/// headline that opens the report and the terminal summary, and what it tells the person to do.
public struct TriageLevel: Sendable, Hashable {
    public var urgency: Urgency
    /// "EMERGENCY: call your local emergency number now".
    public var headline: String
    /// What to do, in a sentence or two.
    public var advice: String

    public init(urgency: Urgency, headline: String, advice: String) {
        self.urgency = urgency
        self.headline = headline
        self.advice = advice
    }
}
