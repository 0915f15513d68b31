import GRDB

/// The history's tables, built by migrations from the first version on (docs/history.md). A
/// migration, once released, is never changed: a new version of the schema is a new migration.
enum HistorySchema {
    /// `PRAGMA application_id` of a NutriScreen history ("NSHy"), so another program's SQLite
    /// file is never taken for one.
    static let applicationID: Int32 = 0x4E53_4879

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            // A person is known by name and date of birth; `nameKey` is the name as matched
            // (PersonName.key), `birthDate` an ISO date or NULL when none was given.
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("nameKey", .text).notNull()
                t.column("birthDate", .text)
            }
            try db.execute(sql: "CREATE UNIQUE INDEX personIdentity ON person(nameKey, ifnull(birthDate, ''))")
            // One completed screening: when, with which questionnaire, the answers (an answers
            // file, YAML) and the assessment (JSON, docs/assessment-schema.md).
            try db.create(table: "screening") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.column("completed", .text).notNull()
                t.column("questionnaireID", .text).notNull()
                t.column("questionnaireVersion", .text).notNull()
                t.column("contentHash", .text).notNull()
                t.column("triage", .text)
                t.column("answers", .text).notNull()
                t.column("assessment", .text).notNull()
                t.column("assessmentSchemaVersion", .integer).notNull()
                t.column("source", .text).notNull()
                t.column("recorded", .text).notNull()
                t.uniqueKey(["personId", "completed"])
            }
            // Each nutrient's score and band, for listings and charts without reading the JSON.
            try db.create(table: "nutrientScore") { t in
                t.belongsTo("screening", onDelete: .cascade).notNull()
                t.column("nutrientID", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("score", .double).notNull()
                t.column("band", .text).notNull()
                t.primaryKey(["screeningId", "nutrientID"])
            }
        }
        migrator.registerMigration("v2") { db in
            // A row while a `forget` has deleted people but could not yet erase every page of them
            // from the file (another process was reading it): finished at a later open.
            try db.create(table: "unfinishedErase") { t in
                t.column("since", .text).notNull()
            }
        }
        migrator.registerMigration("v3") { db in
            // A screening's answers and assessment, each compressed (Deflate), in a table of their
            // own: a listing reads `screening` and `nutrientScore` only, and the file is a fraction
            // of the plain texts' size. A screening recorded from v3 on keeps '' in
            // `screening.answers` and `screening.assessment`.
            try db.execute(
                sql: """
                    CREATE TABLE screeningContent (
                        screeningId INTEGER PRIMARY KEY NOT NULL REFERENCES screening(id) ON DELETE CASCADE,
                        answers BLOB NOT NULL,
                        assessment BLOB NOT NULL)
                    """)
            // A row while screenings kept before v3 still hold their texts plainly: they are
            // compressed after migrating, a batch to a transaction (HistoryStore.compressEarlier).
            try db.create(table: "unfinishedCompression") { t in
                t.column("since", .text).notNull()
            }
            // `since`: when the last of them was kept (no row when there are none).
            try db.execute(sql: "INSERT INTO unfinishedCompression (since) SELECT max(recorded) FROM screening HAVING count(*) > 0")
        }
        return migrator
    }()

    /// Throws `damaged` when the schema in `db` is not what its applied migrations built: a
    /// table, column or index missing, or tables of migrations its record does not list (the
    /// record emptied). Run before migrating, so the file is left as it was.
    static func checkShape(_ db: Database, path: String) throws {
        let applied = try migrator.appliedMigrations(db)
        let shape = try SchemaShape(db)
        let built = try SchemaShape.expected(upTo: applied.last, of: migrator)
        if let missing = shape.missing(from: built) {
            throw HistoryError.damaged(path: path, detail: "its schema lacks \(missing)")
        }
        let pending = try SchemaShape.expected(upTo: migrator.migrations.last, of: migrator).parts.subtracting(built.parts)
        if let early = pending.filter({ $0.hasPrefix("table ") && $0 != "table grdb_migrations" }).intersection(shape.parts).sorted().first {
            throw HistoryError.damaged(path: path, detail: "its record of migrations does not list the one that made its \(early)")
        }
    }
}
