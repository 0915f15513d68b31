import TestSupport

@testable import Screening

/// Random syntax trees and token soups for the parser's property tests.
enum RandomExpressions {
    static let names = ["age", "diet", "vegan", "meds", "x", "y_2", "_z"]

    /// A random tree the parser can produce (no negative literals, no chained comparisons).
    static func tree(_ rng: inout SeededRandom, depth: Int = 0) -> Expression {
        let leaf = depth >= 4 || Int.random(in: 0..<3, using: &rng) == 0
        if leaf {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return Expression(.number(Double(Int.random(in: 0...200, using: &rng))))
            case 1: return Expression(.number(Double(Int.random(in: 0...99, using: &rng)) / 4))
            case 2: return Expression(.string(["vegan", "it's", "a\\b", ""].randomElement(using: &rng)!))
            case 3: return Expression(.bool(Bool.random(using: &rng)))
            case 4: return Expression(.call(Expression.Function.allCases.randomElement(using: &rng)!, names.randomElement(using: &rng)!))
            default: return Expression(.name(names.randomElement(using: &rng)!))
            }
        }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Expression(.not(tree(&rng, depth: depth + 1)))
        case 1: return Expression(.negate(tree(&rng, depth: depth + 1)))
        case 2: return Expression(.list((0..<Int.random(in: 0...3, using: &rng)).map { _ in tree(&rng, depth: depth + 1) }))
        default:
            let op = Expression.BinaryOperator.allCases.randomElement(using: &rng)!
            return Expression(.binary(op, tree(&rng, depth: depth + 1), tree(&rng, depth: depth + 1)))
        }
    }

    /// Random text built from the language's tokens and a few stray characters.
    static func tokenSoup(_ rng: inout SeededRandom) -> String {
        let tokens = [
            "and", "or", "not", "in", "(", ")", "[", "]", ",", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "=",
            "age", "diet", "count(", "answered(", "points(", "1", "2.5", ".5", "'x'", "\"y", "true", "false", "&", "|", "!", "é", "\u{0}", " ",
        ]
        return (0..<Int.random(in: 0...12, using: &rng)).map { _ in tokens.randomElement(using: &rng)! }.joined(
            separator: Bool.random(using: &rng) ? " " : "")
    }
}
