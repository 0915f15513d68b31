/// A checked expression together with the text it came from.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var expression: Expression
    public var location: SourceLocation

    public init(source: String, expression: Expression, location: SourceLocation) {
        self.source = source
        self.expression = expression
        self.location = location
    }

    public var description: String { source }
}
