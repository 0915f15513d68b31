/// A syntax or type error at a UTF-8 offset within an expression's text.
public struct ExpressionError: Error, Hashable, Sendable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
