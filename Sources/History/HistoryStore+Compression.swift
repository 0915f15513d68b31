import Foundation
import GRDB

/// Screenings kept before migration v3 hold their answers and assessment as plain text in
/// `screening`; the first open that can write compresses them into `screeningContent`, a batch
/// at a time, then rebuilds the file without the pages they freed (docs/history.md).
extension HistoryStore {
    /// How many screenings one transaction compresses: memory stays bounded (about 100 × 120 KB)
    /// whatever the history's size.
    static let compressionBatch = 100

    /// Whether screenings kept before v3 are still to be compressed.
    static func hasUnfinishedCompression(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM unfinishedCompression") ?? 0 > 0
    }

    /// Compresses every screening still kept as plain text, `compressionBatch` to a transaction
    /// (a kill or a full disk keeps every batch done, and the next open goes on), then rebuilds
    /// the file (VACUUM, its temporary copy in a file, not in memory) and clears the record of
    /// the unfinished compression. Returns how many it compressed; throws when it could not
    /// finish, leaving the record for the next open.
    static func compressEarlier(_ queue: DatabaseQueue) throws -> Int {
        var last: Int64 = 0
        var compressed = 0
        while true {
            let batch = try queue.write { db -> Int in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, answers, assessment FROM screening WHERE id > ? AND assessment <> '' ORDER BY id LIMIT ?",
                    arguments: [last, compressionBatch])
                for row in rows {
                    let id: Int64 = row["id"]
                    try ScreeningContentRecord(screeningId: id, answers: row["answers"], assessment: row["assessment"]).insert(
                        db, onConflict: .replace)
                    try db.execute(sql: "UPDATE screening SET answers = '', assessment = '' WHERE id = ?", arguments: [id])
                    last = id
                }
                return rows.count
            }
            compressed += batch
            if batch < compressionBatch { break }
        }
        try queue.writeWithoutTransaction { db in
            // VACUUM copies the whole file: in a temporary file, so memory stays bounded.
            try db.execute(sql: "PRAGMA temp_store = FILE")
            defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
            if compressed > 0 { try db.execute(sql: "VACUUM") }
            try db.execute(sql: "DELETE FROM unfinishedCompression")
            _ = try checkpoint(db)
        }
        return compressed
    }
}
