import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Random damage to real files never crashes the loaders: they either load or give located errors.
/// `NUTRISCREEN_PROPERTY_CASES` raises the count for the long run (`scripts/long-run`).
@Suite struct LoaderPropertyTests {
    static let cases = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 60
    static let original = (try? String(contentsOfFile: Default.path, encoding: .utf8)) ?? ""

    /// One random edit of the text: delete, duplicate or swap lines, change a character, truncate,
    /// or splice a token into a condition.
    static func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        let i = Int.random(in: 0..<lines.count, using: &rng)
        let j = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: j)
        case 2: lines.swapAt(i, j)
        case 3:
            var chars = Array(lines[i])
            if !chars.isEmpty {
                chars[Int.random(in: 0..<chars.count, using: &rng)] = [":", "-", " ", "[", "'", "x", "é", "\t", "{", "#", "\""].randomElement(
                    using: &rng)!
            }
            lines[i] = String(chars)
        case 4: return String(text.prefix(Int.random(in: 0...text.count, using: &rng)))
        default:
            if let k = lines.indices.filter({ lines[$0].contains("when:") }).randomElement(using: &rng) {
                lines[k] += [" and", " or x", " == 3", " in [a", ")", " and not", " + 'q'", " < diet"].randomElement(using: &rng)!
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func mutatedQuestionnairesLoadOrGiveLocatedErrors() async {
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            var text = Self.original
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutate(text, &rng) }
            let lineCount = text.components(separatedBy: "\n").count
            do throws(DiagnosticList) {
                let q = try QuestionnaireLoader.load(data: Data(text.utf8), file: "mutant.yaml")
                #expect(!q.items.isEmpty, "seed \(seed)")
            } catch {
                #expect(!error.diagnostics.isEmpty, "seed \(seed)")
                for d in error.diagnostics {
                    #expect(d.location.file == "mutant.yaml")
                    #expect(d.location.line >= 1 && d.location.line <= lineCount + 1, "seed \(seed): \(d)")
                    #expect(d.location.column >= 1, "seed \(seed): \(d)")
                    #expect(!d.message.isEmpty)
                }
            }
        }
    }

    /// A random answers document: real and made-up ids, every kind of value, some nonsense.
    static func randomAnswers(_ rng: inout SeededRandom) -> String {
        let q = Default.questionnaire
        let ids = q.questions.map(\.id) + ["name", "completed", "nonsense", "diet2"]
        let values = [
            "true", "no", "unsure", "70", "-3", "1e9", "2.5", "vegan", "omnivore", "'quoted: text'", "[metformin, none]", "[]", "[ppi]",
            "{a: 1}", "2026-01-02T03:04:05Z", "yesterday", "~", "\"é\"", "[1, [2]]", "&a x", "*a",
        ]
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...25, using: &rng) {
            lines.append("\(ids.randomElement(using: &rng)!): \(values.randomElement(using: &rng)!)")
        }
        return lines.joined(separator: "\n")
    }

    @Test func randomAnswersFilesAssessOrGiveClearErrors() async {
        let q = Default.questionnaire
        await propertyCheck(count: Self.cases * 5, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            let text = Self.randomAnswers(&rng)
            do throws(DiagnosticList) {
                let document = try AnswersDocument.parse(Data(text.utf8), file: "random.yaml", questionnaire: q, today: .machine)
                let assessment = Assessor(questionnaire: q, today: .machine).assess(document.answers)
                #expect(assessment.nutrients.count == q.nutrients.count, "seed \(seed)")
            } catch {
                #expect(!error.diagnostics.isEmpty, "seed \(seed)")
                for d in error.diagnostics { #expect(d.location.line >= 1 && !d.message.isEmpty, "seed \(seed): \(d)") }
            }
        }
    }
}
