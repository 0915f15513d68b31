/// A number that may have decimals, within limits, with an optional unit (`1.5 mg`).
public struct DecimalKind: NumberKind {
    public var range: NumberRange

    public init(_ range: NumberRange) { self.range = range }

    public static let name = "decimal"

    public func answer(from plain: PlainValue, today: CalendarDate) -> Result<Answer, AnswerProblem> {
        guard case .number(let n) = plain else { return mismatch(plain) }
        if let problem = range.problem(with: n) { return .failure(problem) }
        return .success(.decimal(n))
    }

    public var expectation: String { "a number" + range.phrase }

    public func sample<G: RandomNumberGenerator>(using generator: inout G, today: CalendarDate) -> Answer {
        .decimal((Double.random(in: (range.min ?? 0)...(range.max ?? 100), using: &generator) * 10).rounded() / 10)
    }

}

extension QuestionKind where Self == DecimalKind {
    /// A number within `range`.
    public static func decimal(_ range: NumberRange) -> DecimalKind { DecimalKind(range) }
}
