import Foundation
import GRDB
import PrivateFiles
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// The private screening history: one SQLite file (through GRDB) at
/// `$XDG_DATA_HOME/nutriscreen/history.sqlite`, mode 0600 in a 0700 folder, in WAL mode, its
/// schema built by migrations (`HistorySchema`). Every write is one transaction, so a crash, a
/// full disk or a second process never leaves half of one; deleted rows are overwritten
/// (`secure_delete`) and `forget` copies the log into the file and empties it, or, when another
/// process keeps it from that, remembers the erase and finishes it at a later open.
public struct HistoryStore: Sendable {
    public let path: String
    /// Why the history can be read but not changed (written by a newer NutriScreen, or a file or
    /// folder this user cannot write): what a write throws. Nil when it can be written.
    public let readOnly: HistoryError?
    /// False for a history that is read, never changed (see `readOnly`).
    public var isWritable: Bool { readOnly == nil }
    /// What became of an erase an earlier `forget` left unfinished, tried again by this open; nil
    /// when there was none.
    public let erase: ForgetReport.Erase?
    let queue: DatabaseQueue

    /// How long a process waits for another that holds the history, in seconds.
    public static let wait: TimeInterval = 5

    /// The history's file for this user, by the XDG base-directory convention.
    public static func standardPath(environment: [String: String]) -> String {
        UserFolders.data(environment: environment) + "/nutriscreen/history.sqlite"
    }

    private init(path: String, readOnly: HistoryError?, queue: DatabaseQueue) {
        self.path = path
        self.readOnly = readOnly
        self.queue = queue
        erase = readOnly == nil && (try? Self.hasUnfinishedErase(queue)) == true ? (Self.finishErase(queue) ? .finished : .unfinished) : nil
    }

    /// Opens the history at `path`, bringing its schema up to date. When the file is missing it
    /// is created (0600, its folder 0700) if `creating`, else there is no history yet (nil).
    public static func open(at path: String, creating: Bool) throws(HistoryError) -> HistoryStore? {
        let exists = try isPresent(path)
        guard exists || creating else { return nil }
        return try opening(path, exists: exists)
    }

    /// Opens the history at `path`, creating it (0600, its folder 0700) when it is missing.
    public static func create(at path: String) throws(HistoryError) -> HistoryStore {
        try opening(path, exists: isPresent(path))
    }

    /// The history's file and SQLite's files beside it.
    static func files(_ path: String) -> [String] { [path, path + "-wal", path + "-shm", path + "-journal"] }

    /// Whether the history's file exists; a symbolic link in place of it or of SQLite's files
    /// beside it (even a dangling one) is refused, never followed.
    private static func isPresent(_ path: String) throws(HistoryError) -> Bool {
        var info = stat()
        for file in files(path) where lstat(file, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw .cannotOpen(path: path, reason: .link(file))
        }
        return lstat(path, &info) == 0
    }

    private static func opening(_ path: String, exists: Bool) throws(HistoryError) -> HistoryStore {
        let folder = PathName.folder(of: path)
        do { try PrivateFile.makePrivateFolder(folder) } catch {
            throw .cannotOpen(path: path, reason: error.problem == .isLink ? .link(folder) : .folder(error.problem, path: folder))
        }
        let lock = try FolderLock(folder: folder, wait: wait, path: path)
        defer { lock.release() }
        if !exists {
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 || errno == EEXIST else {
                throw .cannotOpen(path: path, reason: .system(errno))
            }
            if fd >= 0 { close(fd) }
        }
        // Checked again under the lock: a link put in place meanwhile is refused too.
        _ = try isPresent(path)
        // SQLite gives its -wal and -shm files the database's mode.
        for file in files(path) where access(file, F_OK) == 0 { chmod(file, 0o600) }

        var configuration = Configuration()
        configuration.busyMode = .timeout(wait)
        configuration.label = "history"
        configuration.prepareDatabase { db in
            // Deleted rows are overwritten, temporary data (VACUUM's copy) stays in memory, and
            // a commit is on the disk before it returns.
            try db.execute(
                sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let (known, superseded, complete) = try queue.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // Not yet stamped: new, or killed during its first migration (GRDB records
                // migrations in a table of its own first); anything else is another program's.
                let tables =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%'") ?? 0
                return (
                    id == HistorySchema.applicationID || (id == 0 && tables == 0), try HistorySchema.migrator.hasBeenSuperseded(db),
                    try HistorySchema.migrator.hasCompletedMigrations(db)
                )
            }
            guard known else { throw HistoryError.damaged(path: path, detail: "it is an SQLite file of another program") }
            if !superseded {
                try queue.read { db in try HistorySchema.checkShape(db, path: path) }
                if !complete { try HistorySchema.migrator.migrate(queue) }
                // Screenings kept before v3 are compressed once, under the folder's lock; a
                // failure leaves them readable as they are, and the next open goes on.
                if try queue.read(hasUnfinishedCompression) { _ = try? compressEarlier(queue) }
            }
            return HistoryStore(path: path, readOnly: superseded ? .newerVersion(path: path) : nil, queue: queue)
        } catch {
            let failure = HistoryError(error, path: path)
            // A history this user can read but not write (its folder made read-only, say) is
            // still read: listed, shown and compared with; a write then says why it cannot be.
            if exists, case .cannotOpen(_, .notWritable) = failure, let store = try? reading(path, because: failure) { return store }
            throw failure
        }
    }

    /// The history at `path` opened for reading only, when it cannot be written (`failure`).
    private static func reading(_ path: String, because failure: HistoryError) throws -> HistoryStore? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(wait)
        configuration.label = "history"
        // Without write access SQLite cannot make the shared-memory file WAL readers need, so the
        // file is read as immutable: nothing else may change it, which this user cannot anyway.
        let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
        let queue = try DatabaseQueue(path: uri, configuration: configuration)
        let usable = try queue.read { db in
            guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == HistorySchema.applicationID else { return false }
            if try HistorySchema.migrator.hasBeenSuperseded(db) { return true }
            guard try HistorySchema.migrator.hasCompletedMigrations(db) else { return false }
            try HistorySchema.checkShape(db, path: path)
            return true
        }
        return usable ? HistoryStore(path: path, readOnly: failure, queue: queue) : nil
    }

    // MARK: Writing

    /// What `record` did.
    public enum Recorded: Sendable, Equatable {
        /// Added as screening `id`.
        case added(Int64)
        /// The person already has a screening completed at that moment (screening `id`): nothing was added.
        case duplicate(Int64)
    }

    /// Records a completed screening, in one transaction: its person (found, or added), the
    /// screening and its nutrients' scores.
    public func record(_ screening: NewScreening) throws(HistoryError) -> Recorded {
        try writing { db in
            var person = try Self.person(db, name: screening.name, birthDate: screening.birthDate, creating: true)!
            let completed = ISO8601.format(screening.completed)
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM screening WHERE personId = ? AND completed = ?", arguments: [person.id, completed])
            {
                return (.duplicate(existing), .rollback)
            }
            if person.birthDate == nil, let birthDate = screening.birthDate {
                person.birthDate = birthDate.iso
                try person.update(db)
            }
            let assessment = screening.assessment
            var row = ScreeningRecord(
                id: nil, personId: person.id!, completed: completed, questionnaireID: assessment.questionnaire.id,
                questionnaireVersion: assessment.questionnaire.version, contentHash: assessment.questionnaire.contentHash,
                triage: assessment.triage.level?.rawValue, answers: "", assessment: "", assessmentSchemaVersion: assessment.schemaVersion,
                source: screening.source.rawValue, recorded: ISO8601.format(screening.recorded))
            try row.insert(db)
            try ScreeningContentRecord(screeningId: row.id!, answers: screening.answers, assessment: assessment.json()).insert(db)
            for (position, nutrient) in assessment.nutrients.enumerated() {
                try NutrientScoreRecord(
                    screeningId: row.id!, nutrientID: nutrient.id, position: position, name: nutrient.name, score: nutrient.score,
                    band: nutrient.band.rawValue
                ).insert(db)
            }
            return (.added(row.id!), .commit)
        }
    }

    /// Deletes the people with these ids and every screening of theirs (their pages overwritten
    /// as they are freed), then copies the write-ahead log into the file and empties it, so
    /// nothing of them is left in either. Memory stays bounded whatever the history's size
    /// (nothing is copied whole). When another process's reading keeps the log from being
    /// emptied, the erase is remembered in the same transaction as the deletion and finished at a
    /// later open; the report says which. A failure thrown here means nothing was deleted.
    /// `now` is the time it is, kept with an unfinished erase.
    public func forget(_ ids: [Int64], now: Date) throws(HistoryError) -> ForgetReport {
        let people = try writing { db -> ([ForgetReport.Forgotten], Database.TransactionCompletion) in
            var forgotten: [ForgetReport.Forgotten] = []
            for id in ids {
                guard let person = try PersonRecord.fetchOne(db, key: id) else { continue }
                let span = try Row.fetchOne(
                    db, sql: "SELECT count(*) AS n, min(completed) AS first, max(completed) AS last FROM screening WHERE personId = ?",
                    arguments: [id])
                forgotten.append(
                    ForgetReport.Forgotten(
                        person: HistoryPerson(person), screenings: span?["n"] ?? 0, first: (span?["first"] as String?).flatMap(ISO8601.parse),
                        last: (span?["last"] as String?).flatMap(ISO8601.parse)))
                _ = try PersonRecord.deleteOne(db, key: id)
            }
            if !forgotten.isEmpty, try !Self.hasUnfinishedErase(db) {
                try db.execute(sql: "INSERT INTO unfinishedErase (since) VALUES (?)", arguments: [ISO8601.format(now)])
            }
            return (forgotten, .commit)
        }
        // The deletion is kept: from here on a failure leaves the erase to a later open.
        return ForgetReport(people: people, erased: people.isEmpty || Self.finishErase(queue))
    }

    /// Whether a `forget` left its erase unfinished.
    public func unfinishedErase() throws(HistoryError) -> Bool {
        try reading { db in try Self.hasUnfinishedErase(db) }
    }

    private static func hasUnfinishedErase(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM unfinishedErase") ?? 0 > 0
    }

    private static func hasUnfinishedErase(_ queue: DatabaseQueue) throws -> Bool {
        try queue.read { db in try hasUnfinishedErase(db) }
    }

    /// Empties the write-ahead log into the file, then clears the record of an unfinished erase
    /// (and empties the log of that too); false when another process kept the log from emptying,
    /// or the disk failed, so the record stays for the next open.
    private static func finishErase(_ queue: DatabaseQueue) -> Bool {
        (try? queue.writeWithoutTransaction { db in
            guard try checkpoint(db) else { return false }
            try db.execute(sql: "DELETE FROM unfinishedErase")
            _ = try checkpoint(db)
            return true
        }) ?? false
    }

    /// Copies the write-ahead log into the file and truncates it to nothing; false when a reader
    /// in another process kept it from finishing.
    static func checkpoint(_ db: Database) throws -> Bool {
        let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        return (result?[0] as Int?) == 0
    }

    /// Runs `body` in one immediate transaction (the write lock taken at its start, so it waits
    /// for another writer rather than failing halfway); refused for a newer program's history.
    private func writing<T>(_ body: @escaping (Database) throws -> (T, Database.TransactionCompletion)) throws(HistoryError) -> T {
        if let readOnly { throw readOnly }
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, completion) = try body(db)
                    result = value
                    return completion
                }
                return result!
            }
        } catch {
            throw HistoryError(error, path: path)
        }
    }
}
