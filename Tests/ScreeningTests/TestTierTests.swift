import Foundation
import Testing

@testable import Screening

/// Each test of the catalogue says its tier as data: first-line, or only if the first results
/// are abnormal.
@Suite struct TestTierTests {
    @Test func anUnknownTierIsALocatedError() throws {
        let text = try String(contentsOfFile: Default.path, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("tier: if_abnormal") && !$0.hasPrefix("#") }) + 1
        let problems = Fixture.problems(text.replacingOccurrences(of: "    tier: if_abnormal\n", with: "    tier: if_abnormall\n"))
        let problem = try #require(problems.first)
        #expect(problem.location.line == line)
        #expect(problem.message.hasPrefix("unknown tier 'if_abnormall'; did you mean 'if_abnormal'?"), "\(problem.message)")
    }

    @Test func theCatalogueKeepsTheTiersOfNICE() {
        let q = Default.questionnaire
        let later = Set(q.tests.filter { $0.tier == .ifAbnormal }.map(\.id))
        #expect(later.isSuperset(of: ["mma", "if_antibodies", "pth", "fit", "copper"]), "\(later)")
        #expect(later.isDisjoint(with: ["fbc", "serum_b12", "folate", "ferritin", "u_and_e", "hba1c", "tsh", "vitamin_d"]), "\(later)")
        let copy = QuestionnaireArchive.decode(QuestionnaireArchive.encode(q, build: "test"), build: "test", contentHash: q.contentHash, path: q.path)
        #expect(copy?.tests == q.tests)
    }
}
