import Foundation
import GRDB
import Testing

@testable import History

/// A history whose file is whole but whose schema is not: a table dropped, a column gone, the
/// record of migrations emptied. Each is damaged (not a history this program can use as it is),
/// named, and left as it was.
@Suite struct DamagedHistoryTests {
    /// Records one screening, changes the file with `damage` as another program would, then opens it.
    private func openAfter(_ damage: String) throws -> (HistoryFixture, Result<HistoryStore?, HistoryError>, Data) {
        let fixture = HistoryFixture()
        _ = try fixture.open().record(try HistoryFixture.screening())
        let other = try DatabaseQueue(path: fixture.path)
        try other.writeWithoutTransaction { db in try db.execute(sql: damage) }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        let result = Result { () throws(HistoryError) in try HistoryStore.open(at: fixture.path, creating: false) }
        return (fixture, result, before)
    }

    @Test(arguments: [
        "DROP TABLE nutrientScore", "DROP TABLE screening", "DELETE FROM grdb_migrations", "ALTER TABLE screening DROP COLUMN source",
        "DROP INDEX personIdentity", "DROP TABLE screeningContent",
    ])
    func aDamagedSchemaIsNamedAsDamaged(damage: String) throws {
        let (fixture, result, before) = try openAfter(damage)
        defer { fixture.cleanUp() }
        guard case .failure(.damaged(let path, let detail)) = result else {
            Issue.record("\(damage): opened as \(result)")
            return
        }
        #expect(path == fixture.path)
        #expect(!detail.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path)) == before, "\(damage): the file was changed")
    }
}
