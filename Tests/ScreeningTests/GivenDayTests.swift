import Foundation
import Screening
import TestSupport
import Testing

/// The core judges every date by the day and the zone it is given (`Today`), never by the
/// machine's clock: an age, a completion time's day, and a date in an answers file.
@Suite struct GivenDayTests {
    static let questionnaire = Default.questionnaire
    /// 1 March 2026, 23:30 UTC: already 2 March two hours east of UTC.
    static let lateEvening = Date(timeIntervalSince1970: 1_772_407_800)
    static let twoHoursEast = Zone { _ in (7_200, "EET") }
    static let bornSecondOfMarch = Fixture.answers(["birth_date": .string("1958-03-02")], in: questionnaire)

    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func aCompletionTimeFallsOnItsDayInTheGivenZone() {
        let today = Self.day("2026-12-07")
        let inUTC = Assessor(questionnaire: Self.questionnaire, today: Today(day: today, zone: .utc))
            .assess(Self.bornSecondOfMarch, completed: Self.lateEvening)
        let inTheEast = Assessor(questionnaire: Self.questionnaire, today: Today(day: today, zone: Self.twoHoursEast))
            .assess(Self.bornSecondOfMarch, completed: Self.lateEvening)
        #expect(inUTC.person.age == 67, "still 1 March in UTC: the day before the birthday")
        #expect(inTheEast.person.age == 68, "already 2 March two hours east: the birthday")
    }

    @Test func answersWithoutACompletionTimeAreJudgedOnTheGivenDay() {
        func age(on iso: String) -> Int? {
            Assessor(questionnaire: Self.questionnaire, today: Today(day: Self.day(iso), zone: .utc)).assess(Self.bornSecondOfMarch).person.age
        }
        #expect(age(on: "2026-03-01") == 67)
        #expect(age(on: "2026-03-02") == 68)
    }

    @Test func anAnswersFileIsCheckedOnTheGivenDay() throws {
        let data = Data("birth_date: 2030-01-01\n".utf8)
        func read(on iso: String) throws(DiagnosticList) -> AnswersDocument {
            try AnswersDocument.parse(
                data, file: "dated.yaml", questionnaire: Self.questionnaire, today: Today(day: Self.day(iso), zone: .utc))
        }
        #expect(throws: DiagnosticList.self) { try read(on: "2029-12-31") }
        let read = try read(on: "2030-01-02")
        #expect(read.answers["birth_date"] == .date(Self.day("2030-01-01")))
    }
}
