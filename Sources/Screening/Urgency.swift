import Localization

/// How soon to act on a trigger: the five NHS 111-style dispositions the program knows, least
/// urgent first. Their ids are what the JSON, the FHIR export and the history carry; a
/// questionnaire declares the ones it uses, with a headline and what each tells the person to do
/// (`TriageLevel`, `levels:` in FORMAT.md).
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Book an appointment.
    case routine
    /// See a doctor within about 2 weeks.
    case soon
    /// See a doctor within 24–48 hours.
    case urgent
    /// Be seen today.
    case sameDay = "same_day"
    /// Call your local emergency number now.
    case emergency

    private var rank: Int { Urgency.allCases.firstIndex(of: self)! }
    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    /// The level's name: "Emergency", "Urgencia".
    public func name(_ messages: Messages) -> String {
        switch self {
        case .emergency: messages.urgency.emergency
        case .sameDay: messages.urgency.sameDay
        case .urgent: messages.urgency.urgent
        case .soon: messages.urgency.soon
        case .routine: messages.urgency.routine
        }
    }
}
