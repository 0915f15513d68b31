import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Property tests for the expression language. `NUTRISCREEN_PROPERTY_CASES` raises the number of
/// cases for the long run (`scripts/long-run`).
@Suite struct ExpressionPropertyTests {
    static let cases = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 300

    @Test func validTreesPrintAndReparseToTheSameTree() async {
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let tree = RandomExpressions.tree(&rng)
            let printed = tree.description
            #expect((try? ExpressionParser.parse(printed)) == tree, "seed \(seed): \(printed)")
        }
    }

    @Test func randomTokenStreamsParseOrFailWithAnOffsetInsideTheText() async {
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let text = RandomExpressions.tokenSoup(&rng)
            do throws(ExpressionError) {
                let parsed = try ExpressionParser.parse(text)
                #expect((try? ExpressionParser.parse(parsed.description)) == parsed, "seed \(seed)")
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.utf8.count, "seed \(seed): \(text)")
                #expect(!error.message.isEmpty)
            }
        }
    }
}
