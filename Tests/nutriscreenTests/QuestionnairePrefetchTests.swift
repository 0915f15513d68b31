import Foundation
import Testing

@testable import Screening
@testable import nutriscreen

@Suite struct QuestionnairePrefetchTests {
    static let questionnaire = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Questionnaires/neuro-nutrition.yaml").path

    @Test func guessesThePathOnlyForCommandsThatLoadAQuestionnaire() {
        let q = Self.questionnaire
        #expect(QuestionnairePrefetch.guessPath(arguments: ["start", "--questionnaire", q]) == q)
        #expect(QuestionnairePrefetch.guessPath(arguments: ["--questionnaire", q, "--new"]) == q)
        #expect(QuestionnairePrefetch.guessPath(arguments: ["report", "--answers", "a.yaml", "--questionnaire=\(q)"]) == q)
        #expect(QuestionnairePrefetch.guessPath(arguments: ["assess", "--questionnaire", q, "--json"]) == q)
        for arguments in [["validate", q], ["resume", "--questionnaire", q], ["start", "--help", "--questionnaire", q], ["--version"]] {
            #expect(QuestionnairePrefetch.guessPath(arguments: arguments) == nil, "\(arguments)")
        }
        #expect(QuestionnairePrefetch.guessPath(arguments: ["start", "--questionnaire", "/no/such/file.yaml"]) == nil)
    }

    @Test func thePrefetchedQuestionnaireIsTheOneALoadGivesAndIsTakenOnce() throws {
        let q = Self.questionnaire
        QuestionnairePrefetch.start(arguments: ["nutriscreen", "start", "--questionnaire", q])
        #expect(QuestionnairePrefetch.take(path: q + ".other") == nil)
        let prefetched = try #require(QuestionnairePrefetch.take(path: q)).get()
        let direct = try QuestionnaireLoader.load(path: q)
        #expect(prefetched.contentHash == direct.contentHash)
        #expect(prefetched.items == direct.items && prefetched.targets == direct.targets && prefetched.triggers == direct.triggers)
        #expect(QuestionnairePrefetch.take(path: q) == nil)
    }
}
