import GRDB

/// A row of `nutrientScore`: one nutrient of one screening.
struct NutrientScoreRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "nutrientScore"
    var screeningId: Int64
    var nutrientID: String
    /// The nutrient's place in the assessment (most likely first).
    var position: Int
    var name: String
    var score: Double
    var band: String
}
