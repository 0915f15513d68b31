import Foundation
import GRDB
import Screening
import Testing

@testable import History

/// A screening's answers and assessment are kept compressed (migration v3), a listing never reads
/// them, and a history of the old form (plain texts in `screening`) is still read and compressed
/// at its first open that can write, a batch at a time, going on after a kill.
@Suite struct CompressionTests {
    /// A history of the form v2 left (plain texts in `screening`) with `count` screenings of Ann,
    /// a day apart; returns what was kept.
    private func oldHistory(_ fixture: HistoryFixture, count: Int, upTo migration: String = "v2") throws -> [NewScreening] {
        try FileManager.default.createDirectory(atPath: fixture.folder, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try HistorySchema.migrator.migrate(queue, upTo: "v2")
        let base = try HistoryFixture.screening()
        let kept = try (0..<count).map { day in try HistoryFixture.screening(daysLater: Double(day)) }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO person (id, name, nameKey, birthDate) VALUES (1, 'Ann Example', 'ann example', '1980-03-14')")
            for (index, screening) in kept.enumerated() {
                let assessment = screening.assessment
                try db.execute(
                    sql: """
                        INSERT INTO screening (id, personId, completed, questionnaireID, questionnaireVersion, contentHash, triage, answers,
                        assessment, assessmentSchemaVersion, source, recorded) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)
                        """,
                    arguments: [
                        index + 1, ISO8601.format(screening.completed), assessment.questionnaire.id, assessment.questionnaire.version,
                        assessment.questionnaire.contentHash, assessment.triage.level?.rawValue, screening.answers, assessment.json(),
                        assessment.schemaVersion, ISO8601.format(base.completed),
                    ])
                for (position, nutrient) in assessment.nutrients.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO nutrientScore (screeningId, nutrientID, position, name, score, band) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [index + 1, nutrient.id, position, nutrient.name, nutrient.score, nutrient.band.rawValue])
                }
            }
        }
        if migration != "v2" { try HistorySchema.migrator.migrate(queue, upTo: migration) }
        try queue.close()
        return kept
    }

    private func number(_ store: HistoryStore, _ sql: String) throws -> Int {
        try store.queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// Records `screening` and gives its id.
    private func added(_ screening: NewScreening, to store: HistoryStore) throws -> Int64 {
        guard case .added(let id) = try store.record(screening) else { throw HistoryError.failed(path: store.path, reason: .sqlite("not added")) }
        return id
    }

    /// Screening `id` of `store` holds the answers and assessment `screening` was kept with.
    private func expectComesBack(_ screening: NewScreening, as id: Int64, from store: HistoryStore) throws {
        let back = try #require(try store.screening(id: id))
        #expect(back.answers == screening.answers)
        #expect(back.assessment == screening.assessment)
    }

    private func size(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
    }

    @Test func aScreeningIsKeptCompressedAndComesBackAsItWas() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let new = try HistoryFixture.screening()
        let id = try added(new, to: store)
        #expect(try number(store, "SELECT count(*) FROM screening WHERE answers = '' AND assessment = ''") == 1, "no plain text in the row")
        let json = new.assessment.json()
        let stored = try number(store, "SELECT length(assessment) FROM screeningContent")
        #expect(stored > 0 && stored * 4 < json.utf8.count, "the assessment keeps in \(stored) bytes of \(json.utf8.count)")
        try expectComesBack(new, as: id, from: store)
    }

    @Test func anOldHistoryIsMigratedAndCompressedInBatchesAndReadsTheSame() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        // More than two batches, so the last one is partial.
        let count = HistoryStore.compressionBatch * 2 + 7
        let kept = try oldHistory(fixture, count: count)
        let before = size(fixture.path)
        let store = try fixture.open()
        #expect(try number(store, "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v3'") == 1)
        #expect(try number(store, "SELECT count(*) FROM screening WHERE answers <> '' OR assessment <> ''") == 0, "every row compressed")
        #expect(try number(store, "SELECT count(*) FROM screeningContent") == count)
        #expect(try number(store, "SELECT count(*) FROM unfinishedCompression") == 0, "the compression is recorded as finished")
        #expect(size(fixture.path) * 3 < before, "rebuilt without the freed pages: \(size(fixture.path)) bytes, \(before) before")
        for (index, screening) in kept.enumerated() { try expectComesBack(screening, as: Int64(index + 1), from: store) }
        let person = try #require(try store.people().first)
        #expect(try store.screenings(of: person).map(\.completed) == kept.map(\.completed))
        #expect(try store.queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    /// A kill during the compression: some rows compressed, the rest plain, the record still
    /// there. Both kinds read; the next open compresses the rest.
    @Test func aCompressionCutShortIsReadAndFinishedAtTheNextOpen() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let kept = try oldHistory(fixture, count: 6, upTo: "v3")
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.write { db in
            for id in 1...3 {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT answers, assessment FROM screening WHERE id = ?", arguments: [id]))
                try ScreeningContentRecord(screeningId: Int64(id), answers: row["answers"], assessment: row["assessment"]).insert(db)
                try db.execute(sql: "UPDATE screening SET answers = '', assessment = '' WHERE id = ?", arguments: [id])
            }
        }
        #expect(try queue.read { db in try HistoryStore.hasUnfinishedCompression(db) })
        try queue.close()
        let store = try fixture.open()
        #expect(try number(store, "SELECT count(*) FROM screeningContent") == 6)
        #expect(try number(store, "SELECT count(*) FROM unfinishedCompression") == 0)
        for (index, screening) in kept.enumerated() {
            #expect(try store.screening(id: Int64(index + 1))?.assessment == screening.assessment)
        }
    }

    /// A row kept plainly (not yet compressed) is read as it is.
    @Test func aRowNotYetCompressedIsReadAsItIs() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let new = try HistoryFixture.screening()
        let id = try added(new, to: store)
        try store.queue.write { db in
            try db.execute(sql: "DELETE FROM screeningContent")
            try db.execute(
                sql: "UPDATE screening SET answers = ?, assessment = ? WHERE id = ?", arguments: [new.answers, new.assessment.json(), id])
        }
        try expectComesBack(new, as: id, from: store)
    }

    /// Compressed texts that do not inflate are damage, located at the screening; a listing,
    /// which never reads them, is untouched.
    @Test func damagedCompressedTextsAreNamedAndTheListingStillWorks() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        let id = try added(try HistoryFixture.screening(), to: store)
        try store.queue.write { db in
            try db.execute(sql: "UPDATE screeningContent SET assessment = x'100000000102'")
        }
        #expect(throws: HistoryError.damaged(path: fixture.path, detail: "screening #\(id): a compressed text does not inflate (zlib -3)")) {
            try store.screening(id: id)
        }
        let person = try #require(try store.people().first)
        #expect(try store.screenings(of: person).map(\.id) == [id])
    }

    /// What a listing reads, by the tables and columns of every statement it runs (GRDB's
    /// region of each): never a screening's answers or assessment.
    @Test func aListingReadsNeitherTheAnswersNorTheAssessment() throws {
        let fixture = HistoryFixture()
        defer { fixture.cleanUp() }
        let store = try fixture.open()
        for day in [0.0, 30] { _ = try store.record(try HistoryFixture.screening(daysLater: day)) }
        let person = try #require(try store.people().first)
        let statements = Statements()
        store.queue.inDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.add(statement.sql) }
            }
        }
        let listed = try store.screenings(of: person)
        _ = try store.earlier(name: "Ann Example", birthDate: nil, before: Date.distantFuture, limit: 4)
        store.queue.inDatabase { db in db.trace(options: .statement, nil) }
        #expect(listed.count == 2)
        #expect(!statements.all.isEmpty)
        let (regions, everything) = try store.queue.read { db in
            (
                try statements.all.map { try db.makeStatement(sql: $0).databaseRegion.description },
                try db.makeStatement(sql: "SELECT * FROM screening").databaseRegion.description
            )
        }
        /// Whether a region reads a screening's texts (or the whole of `screening`).
        func readsTexts(_ region: String) -> Bool {
            ["screeningContent", "answers", "assessment,", "assessment)", "screening(*)"].contains { region.contains($0) }
        }
        #expect(readsTexts(everything), "the check sees a read of every column (as the old listing's): \(everything)")
        for region in regions { #expect(!readsTexts(region), "\(region)") }
    }

    private final class Statements: @unchecked Sendable {
        private let lock = NSLock()
        private var sql: [String] = []
        func add(_ text: String) {
            lock.lock()
            sql.append(text)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return sql
        }
    }
}
