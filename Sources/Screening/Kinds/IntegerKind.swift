/// A whole number within limits, with an optional unit (`68 years`).
public struct IntegerKind: NumberKind {
    public var range: NumberRange

    public init(_ range: NumberRange) { self.range = range }

    public static let name = "integer"

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        guard case .number(let n) = plain else { return mismatch(plain) }
        guard n == n.rounded(), abs(n) < 1e9 else { return .failure(AnswerProblem("\(plain) is not a whole number")) }
        if let problem = range.problem(with: n) { return .failure(problem) }
        return .success(.integer(Int(n)))
    }

    public var expectation: String { "a whole number" + range.phrase }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        .integer(Int.random(in: Int(range.min ?? 0)...Int(range.max ?? 100), using: &generator))
    }

}

extension QuestionKind where Self == IntegerKind {
    /// A whole number within `range`.
    public static func integer(_ range: NumberRange) -> IntegerKind { IntegerKind(range) }
}
