import GRDB

/// A row of `person`.
struct PersonRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "person"
    var id: Int64?
    var name: String
    var nameKey: String
    var birthDate: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
