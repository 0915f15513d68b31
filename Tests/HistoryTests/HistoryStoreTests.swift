import Foundation
import GRDB
import Localization
import Screening
import Testing

@testable import History

#if canImport(Glibc)
    import Glibc
#endif

/// The history's database: migrations, round trips, people, duplicates, forgetting, and what goes
/// wrong (a newer program's file, a damaged one, a full disk, a second writer).
@Suite struct HistoryStoreTests {
    /// The first column of every row of `sql`, as text.
    private func texts(_ store: HistoryStore, _ sql: String) throws -> [String] {
        try store.queue.read { db in try String.fetchAll(db, sql: sql) }
    }

    /// The number `sql` gives.
    private func number(_ store: HistoryStore, _ sql: String) throws -> Int? {
        try store.queue.read { db in try Int.fetchOne(db, sql: sql) }
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func aNewHistoryIsBuiltByItsMigrationsFromNothing() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        #expect(try HistoryStore.open(at: fixture.path, creating: false) == nil, "reading creates nothing")
        #expect(!FileManager.default.fileExists(atPath: fixture.folder))
        let store = try fixture.open()
        #expect(try texts(store, "SELECT identifier FROM grdb_migrations") == ["v1", "v2", "v3"])
        #expect(try number(store, "PRAGMA application_id") == Int(HistorySchema.applicationID))
        #expect(try texts(store, "PRAGMA journal_mode") == ["wal"])
        #expect(try number(store, "PRAGMA secure_delete") == 1)
        #expect(
            try texts(store, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") == [
                "grdb_migrations", "nutrientScore", "person", "screening", "screeningContent", "unfinishedCompression", "unfinishedErase",
            ])
        _ = try store.record(try HistoryFixture.screening())
        #expect(mode(fixture.folder) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            #expect(mode(fixture.path + suffix) == 0o600, "history.sqlite\(suffix) is \(String(mode(fixture.path + suffix), radix: 8))")
        }
        // An empty file (as a crash right after creating it leaves) is migrated too.
        let empty = HistoryFixture()
        defer { empty.cleanUp() }
        try FileManager.default.createDirectory(atPath: empty.folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        #expect(try empty.open().people().isEmpty)
    }

    @Test func aScreeningComesBackAsItWasRecorded() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let new = try HistoryFixture.screening(source: .interview)
        guard case .added(let id) = try store.record(new) else {
            Issue.record("not added")
            return
        }
        let stored = try #require(try store.screening(id: id))
        #expect(stored.assessment == new.assessment)
        #expect(stored.answers == new.answers)
        #expect(stored.entry.completed == new.completed)
        #expect(stored.entry.person.name == "Ann Example")
        #expect(stored.entry.person.birthDate == CalendarDate(year: 1980, month: 3, day: 14))
        #expect(stored.entry.questionnaireVersion == HistoryFixture.questionnaire.version)
        #expect(stored.entry.contentHash == HistoryFixture.questionnaire.contentHash)
        #expect(stored.entry.triage == new.assessment.triage.level)
        #expect(stored.entry.source == .interview)
        #expect(stored.entry.flagged.map(\.id) == new.assessment.flaggedNutrients.map(\.id))
        #expect(stored.entry.flagged.map(\.score) == new.assessment.flaggedNutrients.map(\.score))
        #expect(!stored.entry.flagged.isEmpty, "the vegan vignette flags vitamin B12")
        // Reopened, the same.
        #expect(try HistoryStore.open(at: fixture.path, creating: false)?.screening(id: id) == stored)
        #expect(try store.screening(id: id + 1) == nil)
    }

    /// Phosphate and copper are kept and come back like every other nutrient.
    @Test func phosphateAndCopperComeBackFromTheHistory() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        _ = try store.record(try HistoryFixture.screening("../coverage-vignettes/bypass-copper"))
        _ = try store.record(try HistoryFixture.screening("../coverage-vignettes/anorexia-eating-again", daysLater: 30))
        let person = try #require(try store.people().first)
        let entries = try store.screenings(of: person)
        #expect(entries.count == 2)
        #expect(entries.map { $0.flagged.contains { $0.id == "copper" && $0.band == .likely } } == [true, false])
        #expect(entries.map { $0.flagged.contains { $0.id == "phosphate" && $0.band == .likely } } == [false, true])
        #expect(entries.allSatisfy { Set($0.scores.map(\.id)) == Set(HistoryFixture.questionnaire.nutrients.map(\.id)) })
    }

    @Test func theSameScreeningIsRecordedOnce() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let new = try HistoryFixture.screening()
        guard case .added(let id) = try store.record(new) else {
            Issue.record("not added")
            return
        }
        #expect(try store.record(new) == .duplicate(id))
        // The same person and moment with other answers is the same screening too.
        #expect(try store.record(try HistoryFixture.screening("statin-cramps")) == .duplicate(id))
        let person = try #require(try store.people().first)
        #expect(try store.screenings(of: person).count == 1)
    }

    @Test func aPersonIsKnownByNameAndDateOfBirth() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        _ = try store.record(try HistoryFixture.screening(name: "Ann Example", born: "1980-03-14"))
        _ = try store.record(try HistoryFixture.screening(name: "ann  example", born: "1980-03-14", daysLater: 30))
        #expect(try store.people().count == 1, "case and spaces do not make another person")
        _ = try store.record(try HistoryFixture.screening(name: "Ann Example", born: "1991-07-01", daysLater: 60))
        let people = try store.people(named: "ANN EXAMPLE")
        #expect(people.map(\.birthDate?.iso) == ["1980-03-14", "1991-07-01"], "another date of birth is another person")
        #expect(try store.screenings(of: people[0]).count == 2)
        #expect(try store.people(named: "Ann Example", born: CalendarDate(iso: "1991-07-01")).count == 1)
        // With two people of that name, a screening without a date of birth belongs to neither.
        _ = try store.record(try HistoryFixture.screening(name: "Ann Example", born: nil, daysLater: 90))
        #expect(try store.people(named: "Ann Example").count == 3)

        // One person of a name: a screening without a date of birth is theirs, and a later one
        // with it gives them their date of birth.
        _ = try store.record(try HistoryFixture.screening(name: "Bo Other", born: nil))
        _ = try store.record(try HistoryFixture.screening(name: "Bo Other", born: "1970-01-02", daysLater: 10))
        _ = try store.record(try HistoryFixture.screening(name: "Bo Other", born: nil, daysLater: 20))
        let bo = try store.people(named: "bo other")
        #expect(bo.count == 1)
        #expect(bo.first?.birthDate?.iso == "1970-01-02")
        #expect(try store.screenings(of: bo[0]).count == 3)
    }

    @Test func earlierScreeningsComeOldestFirstBeforeTheOneCompared() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        for day in [0.0, 30, 60, 90, 120, 150] { _ = try store.record(try HistoryFixture.screening(daysLater: day)) }
        let base = try HistoryFixture.screening().completed
        let earlier = try store.earlier(
            name: "Ann Example", birthDate: CalendarDate(iso: "1980-03-14"), before: base.addingTimeInterval(150 * 86_400), limit: 4)
        #expect(earlier.map(\.completed) == [30.0, 60, 90, 120].map { base.addingTimeInterval($0 * 86_400) })
        // Each with every nutrient's score, as the chart reads them without the assessment.
        let vegan = try HistoryFixture.screening().assessment
        #expect(earlier.allSatisfy { $0.scores.map(\.id) == vegan.nutrients.map(\.id) && $0.scores.map(\.score) == vegan.nutrients.map(\.score) })
        #expect(earlier.last?.flagged.map(\.id) == vegan.flaggedNutrients.map(\.id))
        #expect(try store.earlier(name: "Ann Example", birthDate: nil, before: base, limit: 4).isEmpty, "nothing before the first")
        #expect(try store.earlier(name: "Someone Else", birthDate: nil, before: Date(), limit: 4).isEmpty)
    }

    @Test func forgettingLeavesNoTraceInTheFiles() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        for day in [0.0, 30, 60] { _ = try store.record(try HistoryFixture.screening(name: "Zelda Quartermain", born: "1966-06-16", daysLater: day)) }
        _ = try store.record(try HistoryFixture.screening("statin-cramps", name: "Bo Other", born: "1970-01-02"))
        // The name was written: in the file or its log.
        #expect(fixture.bytes().range(of: Data("Zelda Quartermain".utf8)) != nil)

        let zelda = try store.people(named: "zelda quartermain")
        let report = try store.forget(zelda.map(\.id), now: Date())
        #expect(report.people.count == 1)
        #expect(report.people.first?.screenings == 3)
        #expect(report.people.first?.first == (try HistoryFixture.screening().completed))
        #expect(report.erased)
        let bytes = fixture.bytes()
        for trace in ["Zelda Quartermain", "zelda quartermain", "Zelda", "1966-06-16"] {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "'\(trace)' is still in the history's files")
        }
        #expect(try store.people().map(\.name) == ["Bo Other"])
        #expect(try store.screenings(of: try store.people()[0]).count == 1)
        #expect(try texts(store, "PRAGMA integrity_check") == ["ok"])
        #expect(try number(store, "SELECT count(*) FROM nutrientScore WHERE screeningId NOT IN (SELECT id FROM screening)") == 0)
    }

    @Test func aHistoryFromANewerProgramIsReadButNeverChanged() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.open().record(try HistoryFixture.screening())
        let other = try DatabaseQueue(path: fixture.path)
        try other.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-from-the-future')") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let store = try fixture.open()
        #expect(!store.isWritable)
        #expect(try store.people().count == 1, "it is still read")
        #expect(throws: HistoryError.newerVersion(path: fixture.path)) { try store.record(try HistoryFixture.screening(daysLater: 1)) }
        #expect(throws: HistoryError.newerVersion(path: fixture.path)) { try store.forget([1], now: Date()) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == before)
        #expect(HistoryError.newerVersion(path: fixture.path).message(.english).contains("newer NutriScreen"))
        #expect(HistoryError.newerVersion(path: fixture.path).message(Messages(.es)).contains("versión más reciente de NutriScreen"))
    }

    @Test func aDamagedFileIsNamedAndLeftAsItIs() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        try FileManager.default.createDirectory(atPath: fixture.folder, withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        #expect(FileManager.default.createFile(atPath: fixture.path, contents: garbage))
        #expect {
            _ = try HistoryStore.open(at: fixture.path, creating: true)
        } throws: { error in
            guard case .damaged(let path, _) = error as? HistoryError else { return false }
            return path == fixture.path
        }
        #expect(FileManager.default.contents(atPath: fixture.path) == garbage)

        // Another program's SQLite file is not taken for a history.
        let foreign = HistoryFixture()
        defer { foreign.cleanUp() }
        try FileManager.default.createDirectory(atPath: foreign.folder, withIntermediateDirectories: true)
        try DatabaseQueue(path: foreign.path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect(throws: HistoryError.damaged(path: foreign.path, detail: "it is an SQLite file of another program")) {
            _ = try HistoryStore.open(at: foreign.path, creating: true)
        }

        // A history killed during its first migration holds only GRDB's record of migrations:
        // it is ours, and the next open migrates it.
        let interrupted = HistoryFixture()
        defer { interrupted.cleanUp() }
        try FileManager.default.createDirectory(atPath: interrupted.folder, withIntermediateDirectories: true)
        try DatabaseQueue(path: interrupted.path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        let resumed = try #require(try HistoryStore.open(at: interrupted.path, creating: false))
        #expect(try resumed.people().isEmpty)
    }

    @Test func aFullDiskLeavesTheHistoryAsItWas() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        _ = try store.record(try HistoryFixture.screening())
        // SQLite says SQLITE_FULL when the file may not grow: as a full disk does.
        try store.queue.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        #expect(throws: HistoryError.full(path: fixture.path)) {
            try store.record(try HistoryFixture.screening("older-metformin-ppi", daysLater: 30))
        }
        #expect(try texts(store, "PRAGMA integrity_check") == ["ok"])
        #expect(try number(store, "SELECT count(*) FROM screening") == 1)
        #expect(try number(store, "SELECT count(*) FROM nutrientScore") == HistoryFixture.questionnaire.nutrients.count)
        try store.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        #expect(try store.record(try HistoryFixture.screening(daysLater: 30)) == .added(2), "room again: it is added")
    }

    @Test func aSecondWriterWaitsItsTurn() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let other = try #require(try HistoryStore.open(at: fixture.path, creating: false))
        let held = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    held.signal()
                    usleep(600_000)
                    return .commit
                }
            }
            done.signal()
        }
        held.wait()
        let start = Date()
        #expect(try store.record(try HistoryFixture.screening()) == .added(1))
        #expect(Date().timeIntervalSince(start) > 0.4, "it waited for the other writer")
        done.wait()
    }
}
