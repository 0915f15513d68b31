import Dispatch
import Foundation
import GRDB
import Testing

@testable import History

/// `forget` when it cannot finish at once: another process reading the history keeps the old
/// pages in its file. The deletion is then said to be incomplete, remembered in the history, and
/// finished at a later open, until nothing of the person is left.
@Suite struct ForgetTests {
    private static let traces = ["Zelda Quartermain", "zelda quartermain", "1966-06-16"]

    private func traces(in fixture: HistoryFixture) -> [String] {
        let bytes = fixture.bytes()
        return Self.traces.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    /// A history with Zelda (three screenings) and Bo, the log copied into the file.
    private func history() throws -> (HistoryFixture, HistoryStore) {
        let fixture = HistoryFixture()
        let store = try fixture.open()
        for day in [0.0, 30, 60] { _ = try store.record(try HistoryFixture.screening(name: "Zelda Quartermain", born: "1966-06-16", daysLater: day)) }
        _ = try store.record(try HistoryFixture.screening("statin-cramps", name: "Bo Other", born: "1970-01-02"))
        return (fixture, store)
    }

    @Test func aForgetThatAReaderKeepsFromFinishingIsSaidAndFinishedAtTheNextOpen() throws {
        let (fixture, store) = try history()
        defer { fixture.cleanUp() }
        // Another process's read transaction, begun before the deletion and held through it.
        let reader = try DatabaseQueue(path: fixture.path)
        let reading = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM screening")
                reading.signal()
                release.wait()
            }
            done.signal()
        }
        reading.wait()
        let report = try store.forget(try store.people(named: "Zelda Quartermain").map(\.id), now: Date())
        #expect(report.people.count == 1)
        #expect(!report.erased, "the erase cannot be complete while the reader holds the old pages")
        #expect(try store.people().map(\.name) == ["Bo Other"], "the rows are deleted all the same")
        #expect(try store.unfinishedErase(), "the history remembers that the erase is not finished")

        // A later open while the reader still reads: still unfinished, and said so.
        let meanwhile = try fixture.open()
        #expect(meanwhile.erase == .unfinished)

        release.signal()
        done.wait()
        try reader.close()
        let later = try fixture.open()
        #expect(later.erase == .finished, "the next open finishes it")
        #expect(traces(in: fixture).isEmpty, "\(traces(in: fixture)) still in the history's files")
        #expect(!(try later.unfinishedErase()))
        #expect(try fixture.open().erase == nil, "once finished, nothing more to say")
        #expect(try later.people().map(\.name) == ["Bo Other"])
    }

    @Test func aForgetWithNoReaderErasesAtOnce() throws {
        let (fixture, store) = try history()
        defer { fixture.cleanUp() }
        let report = try store.forget(try store.people(named: "Zelda Quartermain").map(\.id), now: Date())
        #expect(report.erased)
        #expect(traces(in: fixture).isEmpty, "\(traces(in: fixture)) still in the history's files")
        #expect(!(try store.unfinishedErase()))
        #expect(try fixture.open().erase == nil)
    }
}
