import Foundation
import History
import Report
import Screening
import Testing

/// Whose a screening is and the comparison with the person's last one, in the history itself
/// (they were the command line's).
@Suite struct HistoryComparisonTests {
    let fixture = HistoryFixture()

    @Test func aFirstScreeningHasNoComparison() throws {
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let first = try HistoryFixture.screening()
        let owner = try #require(ScreeningOwner(first.assessment))
        #expect(try store.comparison(of: first.assessment, owner: owner, questionnaire: HistoryFixture.questionnaire, now: Date()) == nil)
    }

    @Test func theComparisonIsWithTheSamePersonsLastScreeningBefore() throws {
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let (first, second, third) = (
            try HistoryFixture.screening(), try HistoryFixture.screening(daysLater: 30), try HistoryFixture.screening(daysLater: 60)
        )
        for screening in [first, second] { _ = try store.record(screening) }
        // Someone else of the same name, born on another day, is another person.
        _ = try store.record(try HistoryFixture.screening(born: "1990-01-01", daysLater: 45))
        let owner = ScreeningOwner(name: "Ann Example", birthDate: CalendarDate(iso: "1980-03-14"))
        let comparison = try #require(
            try store.comparison(of: third.assessment, owner: owner, questionnaire: HistoryFixture.questionnaire, now: Date()))
        #expect(comparison.last.completed == second.completed)
        #expect(comparison.current.completed == third.completed)
        #expect(comparison.trend.map(\.occasion.completed) == [first.completed, second.completed, third.completed])
        let stranger = ScreeningOwner(name: "Ann Example", birthDate: CalendarDate(iso: "2001-02-03"))
        #expect(try store.comparison(of: third.assessment, owner: stranger, questionnaire: HistoryFixture.questionnaire, now: Date()) == nil)
    }

    @Test func answersWithoutACompletedTimeAreComparedAsNow() throws {
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let earlier = try HistoryFixture.screening()
        _ = try store.record(earlier)
        var undated = try HistoryFixture.screening(daysLater: 10).assessment
        undated.completed = nil
        let now = earlier.completed.addingTimeInterval(20 * 86_400)
        let owner = try #require(ScreeningOwner(undated))
        let comparison = try #require(try store.comparison(of: undated, owner: owner, questionnaire: HistoryFixture.questionnaire, now: now))
        #expect(comparison.current.completed == now)
        #expect(comparison.last.completed == earlier.completed)
    }

    @Test func anAssessmentWithoutANameHasNoOwner() throws {
        var assessment = try HistoryFixture.screening().assessment
        #expect(ScreeningOwner(assessment) == ScreeningOwner(name: "Ann Example", birthDate: assessment.person.birthDate))
        assessment.person.name = nil
        #expect(ScreeningOwner(assessment) == nil)
    }

    @Test func aNameOneSlipFromSomeoneElsesIsNamed() throws {
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        _ = try store.record(try HistoryFixture.screening(name: "Zelda Quartermain"))
        #expect(try store.nameLike("Zelda Quartermaine") == "Zelda Quartermain")
        #expect(try store.nameLike("zelda quartermain") == nil, "the same person, written another way")
        #expect(try store.nameLike("Bartholomew Ng") == nil)
    }
}
