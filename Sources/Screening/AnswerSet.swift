/// The answers given so far, keyed by item id.
public struct AnswerSet: Hashable, Sendable {
    public private(set) var values: [String: Answer]

    public init(_ values: [String: Answer] = [:]) { self.values = values }

    public subscript(id: String) -> Answer? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The answers in the questionnaire's asking order.
    public func ordered(by questionnaire: Questionnaire) -> [(item: Item, answer: Answer)] {
        questionnaire.items.compactMap { item in values[item.id].map { (item, $0) } }
    }
}
