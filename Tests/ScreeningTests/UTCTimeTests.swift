import Foundation
import PropertyBased
import Testing

@testable import Screening

@Suite struct UTCTimeTests {
    @Test func formatsTheFixedShapes() throws {
        let time = UTCTime(Date(timeIntervalSince1970: 1_772_359_200))
        #expect(time == UTCTime(year: 2026, month: 3, day: 1, hour: 10))
        #expect(time.iso8601 == "2026-03-01T10:00:00Z")
        #expect(time.compact == "20260301T100000Z")
        #expect(time.fileStamp == "20260301-100000")
        #expect(UTCTime(Date(timeIntervalSince1970: -1)).iso8601 == "1969-12-31T23:59:59Z")
        #expect(UTCTime(Date(timeIntervalSince1970: 951_782_400)).iso8601 == "2000-02-29T00:00:00Z")
    }

    @Test func parsesWhatAnswersFilesCarry() {
        let moment = Date(timeIntervalSince1970: 1_767_323_045)  // 2026-01-02T03:04:05Z
        #expect(ISO8601.parse("2026-01-02T03:04:05Z") == moment)
        #expect(ISO8601.parse("2026-01-02T03:04:05.5Z") == moment.addingTimeInterval(0.5))
        #expect(ISO8601.parse("2026-01-02T04:04:05+01:00") == moment)
        #expect(ISO8601.parse("2026-01-01T22:04:05-05:00") == moment)
        #expect(ISO8601.parse("2026-01-02") == Date(timeIntervalSince1970: 1_767_312_000))
        for bad in [
            "", "2026", "2026-13-01", "2026-02-30", "2026-01-02T24:00:00Z", "2026-01-02T03:04:05", "2026-01-02T03:04:05Zjunk", "26-01-02",
            "2026-01-02T03:04Z", "2026-01-02T03:04:05.",
        ] {
            #expect(ISO8601.parse(bad) == nil, "\(bad)")
        }
    }

    /// Agrees with Foundation's Gregorian calendar from 1600 to 9999 (it turns Julian before 1582), and round-trips.
    @Test func agreesWithFoundationsCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        await propertyCheck(count: 1000, input: Gen.int(in: -11_676_096_000...253_402_300_799)) { seconds in
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let time = UTCTime(date)
            let c = calendar.dateComponents([.era, .year, .month, .day, .hour, .minute, .second], from: date)
            let year = c.era == 0 ? 1 - c.year! : c.year!
            let expected = UTCTime(year: year, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!)
            #expect(time == expected, "\(seconds)")
            #expect(time.date == date)
            #expect(ISO8601.parse(time.iso8601) == date)
        }
    }
}
