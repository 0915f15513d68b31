/// A fact about the person that some texts must respect (a vegan diet, dialysis on a
/// low-potassium diet, coeliac disease, no ileum…), named once in the questionnaire's `contexts:`
/// block so that foods, notes and advice can say where they do not apply (`Fit`).
public struct PersonContext: Sendable, Hashable {
    public var id: String
    /// Holds for the people in this context.
    public var condition: Condition
    /// Why texts change for these people.
    public var reason: String
    /// Keys of `Questionnaire.references`.
    public var references: [String]

    public init(id: String, condition: Condition, reason: String, references: [String]) {
        self.id = id
        self.condition = condition
        self.reason = reason
        self.references = references
    }
}

/// Where a food, note or piece of advice applies, as ids of `PersonContext`s: never in any of
/// `notFor`, and, when `onlyFor` is not empty, only in one of those.
public struct Fit: Sendable, Hashable {
    public var notFor: [String]
    public var onlyFor: [String]

    public static let everyone = Fit()

    public init(notFor: [String] = [], onlyFor: [String] = []) {
        self.notFor = notFor
        self.onlyFor = onlyFor
    }

    /// Whether the text may be shown to a person in the contexts `holding`.
    public func applies(in holding: Set<String>) -> Bool {
        !notFor.contains(where: holding.contains) && (onlyFor.isEmpty || onlyFor.contains(where: holding.contains))
    }
}
