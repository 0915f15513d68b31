import GRDB

/// What a history's schema holds, as the program relies on it: each table, its columns (name,
/// type, not null, key) and each index with its columns. The history's file is compared with the
/// shape its applied migrations build, so a table dropped, a column removed or the record of
/// migrations emptied by another program is found as damage before any use, never met halfway
/// through a command as an SQL error.
struct SchemaShape: Equatable {
    /// One line per table, column and index, such as `column person.name TEXT notnull`.
    let parts: Set<String>

    /// The shape of the schema in `db`, without SQLite's own tables.
    init(_ db: Database) throws {
        var parts: Set<String> = []
        let objects = try Row.fetchAll(
            db, sql: "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'")
        for object in objects {
            let (type, name, table): (String, String, String) = (object["type"], object["name"], object["tbl_name"])
            if type == "table" {
                parts.insert("table \(name)")
                for column in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [name]) {
                    let (column, kind, notNull, key): (String, String, Bool, Int) = (column["name"], column["type"], column["notnull"], column["pk"])
                    parts.insert("column \(name).\(column) \(kind)\(notNull ? " notnull" : "")\(key > 0 ? " key" : "")")
                }
            } else {
                let columns = try String.fetchAll(db, sql: "SELECT ifnull(name, '(expression)') FROM pragma_index_info(?)", arguments: [name])
                parts.insert("index \(name) on \(table)(\(columns.joined(separator: ", ")))")
            }
        }
        self.parts = parts
    }

    /// What `expected` holds that this shape lacks, in words ("table screening, column
    /// screening.source TEXT notnull"); nil when nothing is missing (more is allowed).
    func missing(from expected: SchemaShape) -> String? {
        let missing = expected.parts.subtracting(parts)
        return missing.isEmpty ? nil : missing.sorted().joined(separator: ", ")
    }

    /// The shape the first migrations up to `last` build in an empty database (none: empty).
    static func expected(upTo last: String?, of migrator: DatabaseMigrator) throws -> SchemaShape {
        let queue = try DatabaseQueue()
        if let last { try migrator.migrate(queue, upTo: last) }
        return try queue.read { db in try SchemaShape(db) }
    }
}
