import Foundation
import GRDB
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The history commands against what an outside tester did to the history: its schema damaged by
/// another program, links in place of its file or folder, a reader holding it during `forget`, a
/// full disk.
@Suite(.serialized) struct HostileHistoryTests {
    static let fixtures = ProcessRunner.repository + "/Tests/ReportPDFTests/Fixtures"
    static let before = fixtures + "/ann-before-b12.yaml"

    @Test(arguments: ["DROP TABLE screening", "DELETE FROM grdb_migrations"])
    func aDamagedSchemaExits65(damage: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        try DatabaseQueue(path: runner.history).writeWithoutTransaction { db in try db.execute(sql: damage) }
        for command in [["history"], ["history", "import", Self.before], ["history", "forget", "--person", "Ann Example", "--yes"]] {
            let result = try runner.run(command)
            #expect(result.status == 65, "\(damage), \(command): \(result.stderr)")
            #expect(result.stderr.contains("\(runner.history) is damaged or is not a NutriScreen history"), "\(result.stderr)")
        }
    }
}
