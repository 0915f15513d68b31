import GRDB

/// A row of `screening`.
struct ScreeningRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "screening"
    var id: Int64?
    var personId: Int64
    /// ISO-8601, UTC, to the second.
    var completed: String
    var questionnaireID: String
    var questionnaireVersion: String
    var contentHash: String
    /// The urgency of the triage, or nil when no see-a-doctor warning fired.
    var triage: String?
    var answers: String
    var assessment: String
    var assessmentSchemaVersion: Int
    var source: String
    var recorded: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
