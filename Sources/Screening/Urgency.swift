import Localization

/// How soon to act on a trigger.
public enum Urgency: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Book an appointment.
    case routine
    /// See a doctor within 24–48 hours.
    case urgent
    /// Call your local emergency number now.
    case emergency

    private var rank: Int { Urgency.allCases.firstIndex(of: self)! }
    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }

    /// What the level means, in words a person can act on.
    public func headline(_ messages: Messages) -> String {
        switch self {
        case .emergency: messages.urgency.emergencyHeadline
        case .urgent: messages.urgency.urgentHeadline
        case .routine: messages.urgency.routineHeadline
        }
    }

    /// The level's name: "Emergency", "Urgencia".
    public func name(_ messages: Messages) -> String {
        switch self {
        case .emergency: messages.urgency.emergency
        case .urgent: messages.urgency.urgent
        case .routine: messages.urgency.routine
        }
    }
}
