import Foundation
import Testing

@testable import Screening

/// The triage levels as data (`levels:`): declared once, most urgent first, named by every
/// trigger, translated, kept by the archive (issue 23).
@Suite struct TriageLevelTests {
    static let item = """
              - id: a
                type: boolean
                text: A?
        """

    static func questionnaire(levels: String, triggers: String) -> String {
        Fixture.wrapping(items: item, extra: "levels:\n\(levels)\ntriggers:\n\(triggers)")
    }

    static let two = """
          - { id: emergency, headline: H, advice: A }
          - { id: routine, headline: H, advice: A }
        """

    static func trigger(_ urgency: String, extra: String = "") -> String {
        "  - { id: t1, when: a, urgency: \(urgency), message: M, source: S\(extra) }"
    }

    static func messages(_ yaml: String) -> [String] { Fixture.problems(yaml).map { "\($0.location.line):\($0.location.column): \($0.message)" } }

    @Test func aTriggerNamesADeclaredLevel() {
        #expect(Fixture.problems(Self.questionnaire(levels: Self.two, triggers: Self.trigger("routine"))).isEmpty)
        #expect(
            Self.messages(Self.questionnaire(levels: Self.two, triggers: Self.trigger("soon"))) == [
                "16:33: urgency 'soon' is not a declared level; use one of emergency, routine"
            ])
        #expect(
            Self.messages(Self.questionnaire(levels: Self.two, triggers: Self.trigger("emergncy"))) == [
                "16:33: urgency 'emergncy' is not a declared level; did you mean 'emergency'?; use one of emergency, routine"
            ])
        let none = Fixture.wrapping(items: Self.item, extra: "triggers:\n\(Self.trigger("routine"))")
        #expect(Fixture.problems(none).map(\.message) == ["urgency 'routine' names a level, but the questionnaire declares none; add 'levels:'"])
    }

    @Test func levelsAreKnownOnceAndMostUrgentFirst() {
        let unknown = "  - { id: same-day, headline: H, advice: A }\n  - { id: sameday, headline: H, advice: A }"
        #expect(
            Fixture.problems(Self.questionnaire(levels: unknown, triggers: "  []")).map(\.message).contains {
                $0.contains("did you mean 'same_day'?")
            })
        let twice = "  - { id: routine, headline: H, advice: A }\n  - { id: routine, headline: H, advice: A }"
        #expect(Fixture.problems(Self.questionnaire(levels: twice, triggers: "  []")).map(\.message) == ["the level 'routine' is declared twice"])
        let upside = "  - { id: soon, headline: H, advice: A }\n  - { id: same_day, headline: H, advice: A }"
        #expect(
            Self.messages(Self.questionnaire(levels: upside, triggers: "  []")) == [
                "14:11: levels run from the most urgent down (emergency, same_day, urgent, soon, routine): 'same_day' must come before 'soon'"
            ])
        let bare = "  - { id: soon }"
        #expect(Fixture.problems(Self.questionnaire(levels: bare, triggers: "  []")).count == 2, "headline and advice are required")
    }

    @Test func aSignReadsAQuestionAndAnInferredPatternNeedsOne() {
        let noQuestion = Self.trigger("routine", extra: ", sign: \"1 > 0\"")
        #expect(
            Fixture.problems(Self.questionnaire(levels: Self.two, triggers: noQuestion)).map(\.message).contains { $0.contains("reads no question") })
        let noSign = Self.trigger("routine", extra: ", inferred: true")
        #expect(
            Fixture.problems(Self.questionnaire(levels: Self.two, triggers: noSign)).map(\.message) == [
                "an inferred pattern needs the 'sign' it stands for"
            ])
    }

    /// An inferred pattern is gated in its condition, so every reader of the condition agrees.
    @Test func anInferredPatternIsGatedInItsCondition() throws {
        let q = Default.questionnaire
        let gbs = try #require(q.triggers.first { $0.id == "spreading_weakness" })
        #expect(gbs.inferred && gbs.condition.source.contains("not (answered(ws_recent) and not (spreading in ws_recent))"))
        #expect(q.triggers.filter(\.inferred).allSatisfy { $0.sign != nil })
    }

    @Test func theDefaultQuestionnaireDeclaresTheFiveLevelsInBothLanguages() throws {
        let english = Default.questionnaire
        #expect(english.levels.map(\.urgency) == [.emergency, .sameDay, .urgent, .soon, .routine])
        let spanish = DefaultTranslationTests.spanish
        #expect(spanish.levels.map(\.urgency) == english.levels.map(\.urgency))
        for (es, en) in zip(spanish.levels, english.levels) {
            #expect(es.headline != en.headline && es.advice != en.advice && !es.headline.isEmpty && !es.advice.isEmpty)
        }
    }

    @Test func theArchiveKeepsTheLevelsAndTheSigns() throws {
        let q = Default.questionnaire
        let bytes = QuestionnaireArchive.encode(q, build: "test")
        let back = try #require(QuestionnaireArchive.decode(bytes, build: "test", contentHash: q.contentHash, path: q.path))
        #expect(back.levels == q.levels)
        #expect(back.triggers == q.triggers)
    }
}
