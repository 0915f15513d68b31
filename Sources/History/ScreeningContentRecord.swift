import Foundation
import GRDB

/// A row of `screeningContent` (migration v3): a screening's answers file and assessment JSON,
/// each compressed (`Deflate`), apart from the row a listing reads.
struct ScreeningContentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "screeningContent"
    var screeningId: Int64
    var answers: Data
    var assessment: Data

    init(screeningId: Int64, answers: String, assessment: String) {
        self.screeningId = screeningId
        self.answers = Deflate.compress(answers)
        self.assessment = Deflate.compress(assessment)
    }
}
