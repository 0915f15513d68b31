/// A named value worked out from answers: a sub-score or a derived fact.
public struct ComputedValue: Sendable, Hashable {
    public enum Definition: Sendable, Hashable {
        /// Any expression.
        case expression(Condition)
        /// The sum of the points of the rules that hold.
        case sum([PointRule])
    }

    public var id: String
    public var title: String?
    public var definition: Definition
    public var type: ValueType
    public var location: SourceLocation

    public init(id: String, title: String? = nil, definition: Definition, type: ValueType, location: SourceLocation) {
        self.id = id
        self.title = title
        self.definition = definition
        self.type = type
        self.location = location
    }
}
