import Testing

@testable import Screening

@Suite struct ExpressionParserTests {
    private func parse(_ text: String) throws -> Expression { try ExpressionParser.parse(text) }
    private func name(_ n: String) -> Expression { Expression(.name(n)) }
    private func num(_ d: Double) -> Expression { Expression(.number(d)) }

    @Test func andBindsTighterThanOr() throws {
        let e = try parse("a or b and c")
        #expect(e == Expression(.binary(.or, name("a"), Expression(.binary(.and, name("b"), name("c"))))))
    }

    @Test func notBindsLooserThanComparison() throws {
        let e = try parse("not age > 65")
        #expect(e == Expression(.not(Expression(.binary(.greater, name("age"), num(65))))))
    }

    @Test func multiplicationBindsTighterThanAddition() throws {
        let e = try parse("1 + 2 * 3 - 4")
        let product = Expression(.binary(.multiply, num(2), num(3)))
        #expect(e == Expression(.binary(.subtract, Expression(.binary(.add, num(1), product)), num(4))))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let e = try parse("(a or b) and c")
        #expect(e == Expression(.binary(.and, Expression(.binary(.or, name("a"), name("b"))), name("c"))))
    }

    @Test(arguments: ["==", "!=", "<", "<=", ">", ">="])
    func everyComparisonOperator(_ op: String) throws {
        let e = try parse("x \(op) 3")
        #expect(e == Expression(.binary(Expression.BinaryOperator(rawValue: op)!, name("x"), num(3))))
    }

    @Test func listsFunctionsStringsAndNegation() throws {
        #expect(
            try parse("diet in [vegan, 'vegetarian']")
                == Expression(.binary(.in, name("diet"), Expression(.list([name("vegan"), Expression(.string("vegetarian"))])))))
        #expect(try parse("count(meds) >= 2") == Expression(.binary(.greaterOrEqual, Expression(.call(.count, "meds")), num(2))))
        #expect(try parse("answered(x)") == Expression(.call(.answered, "x")))
        #expect(try parse("points(q1)") == Expression(.call(.points, "q1")))
        #expect(try parse("-x * 2") == Expression(.binary(.multiply, Expression(.negate(name("x"))), num(2))))
        #expect(try parse("true and not false") == Expression(.binary(.and, Expression(.bool(true)), Expression(.not(Expression(.bool(false)))))))
        #expect(try parse("1.5 < 2") == Expression(.binary(.less, num(1.5), num(2))))
    }

    @Test func errorsCarryTheOffendingOffset() {
        func failure(_ text: String) -> ExpressionError? {
            do {
                _ = try ExpressionParser.parse(text)
                return nil
            } catch { return error }
        }
        #expect(failure("a = b") == ExpressionError(offset: 2, message: "use '==' to compare, not '='"))
        #expect(failure("a && b")?.offset == 2)
        #expect(failure("a && b")?.message.contains("use 'and'") == true)
        #expect(failure("(a or b")?.offset == 7)
        #expect(failure("a ==")?.message.contains("ends too early") == true)
        #expect(failure("a < b < c")?.message.contains("do not chain") == true)
        #expect(failure("cnt(x)")?.message.contains("did you mean 'count'") == true)
        #expect(failure("'open")?.offset == 0)
        #expect(failure("a b")?.offset == 2)
        #expect(failure("2weeks")?.offset == 0)
    }

    @Test func printingRoundTrips() throws {
        for text in [
            "a or b and c", "(a or b) and c", "not (a and b)", "x - (y - z)", "x - y - z", "-(x + 1) * 2", "diet in ['vegan', 'vegetarian']",
            "count(m) + points(q) >= 3", "(a == b) == c", "not not a",
        ] {
            let e = try parse(text)
            #expect(try parse(e.description) == e, "\(text) printed as \(e.description)")
        }
    }
}
