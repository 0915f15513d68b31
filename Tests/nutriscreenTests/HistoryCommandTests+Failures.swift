import Dispatch
import Foundation
import GRDB
import Screening
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What goes wrong with the history: a damaged or locked history, one from a newer program, two
/// processes at once, kill -9 while writing.
extension HistoryCommandTests {
    @Test func aDamagedHistoryStopsNothingButIsNamed() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try FileManager.default.createDirectory(atPath: runner.data + "/nutriscreen", withIntermediateDirectories: true)
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(FileManager.default.createFile(atPath: runner.history, contents: garbage))
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: Self.interview)
        #expect(result.status == 0, "the screening completes: \(result.stderr)")
        #expect(result.stdout.contains("Your report: Reports/"))
        #expect(result.stderr.contains("nutriscreen: not kept in your screening history: the screening history \(runner.history) is damaged"))
        #expect(result.stderr.contains("Your answers are safe in \(runner.state)/nutriscreen/session-"))
        #expect(result.stderr.contains("history import Reports/"))
        #expect(FileManager.default.contents(atPath: runner.history) == garbage, "left as it was")
        #expect(runner.sessions().first?["status"] as? String == "completed", "the answers stay in the session folder")
        let listed = try runner.run(["history"])
        #expect(listed.status == 65)
        #expect(listed.stderr.contains("is damaged or is not a NutriScreen history"))
        let out = runner.state + "/r.pdf"
        let report = try runner.run(["report", "--answers", Self.after, "--out", out])
        #expect(report.status == 0)
        #expect(report.stderr.contains("the report is written without the comparison with earlier screenings"))
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func aHistoryFromANewerProgramIsNotWritten() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        try Self.database(runner).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-a-newer-nutriscreen')") }
        let result = try runner.run(["history", "import", Self.after])
        #expect(result.status == 73)
        #expect(result.stderr.contains("was written by a newer NutriScreen; this version reads it but will not change it"), "\(result.stderr)")
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == 1)
        #expect(try runner.run(["history", "forget", "--person", "Ann Example"]).status == 73)
        let listed = try runner.run(["history"])
        #expect(listed.status == 0 && listed.stdout.contains("Ann Example"), "it is still read")
        let interview = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: Self.interview)
        #expect(interview.status == 0)
        #expect(interview.stderr.contains("newer NutriScreen"))
    }

    @Test func aLockedHistoryMakesTheScreeningWaitThenSaySo() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let database = try Self.database(runner)
        DispatchQueue.global().async {
            try? database.inTransaction(.immediate) { _ in
                held.signal()
                release.wait()
                return .commit
            }
            finished.signal()
        }
        held.wait()
        let start = Date()
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: Self.interview)
        let imported = try runner.run(["history", "import", Self.after])
        release.signal()
        finished.wait()
        #expect(Date().timeIntervalSince(start) >= 9, "each waited before giving up")
        #expect(result.status == 0, "the screening completes: \(result.stderr)")
        #expect(result.stdout.contains("Your report: Reports/"))
        #expect(result.stderr.contains("is in use by another nutriscreen process (waited 5 seconds)"), "\(result.stderr)")
        #expect(imported.status == 69)
        #expect(try runner.run(["history", "import", Self.after]).status == 0, "free again")
    }

    @Test func twoProcessesAtOnceBothKeepTheirScreenings() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let files = try Self.vignetteFiles()
        let halves = [Array(files.prefix(files.count / 2)), Array(files.dropFirst(files.count / 2))]
        // Both start on a history that does not exist yet: one builds it, the other waits.
        let processes = halves.map { runner.process(["history", "import"] + $0) }
        for process in processes {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == files.count)
        #expect(try Self.integrity(runner) == ["ok"])
    }

    @Test func killingAnImportAnywhereLeavesTheHistoryConsistent() throws {
        // Killed anywhere in the time a whole import takes on this machine now (about 1.5 s of a
        // debug build, much longer while other tests load the machine; most of it writing).
        let files = Array(try Self.vignetteFiles().prefix(24))
        let nutrients = try QuestionnaireLoader.load(path: ProcessRunner.repository + "/Questionnaires/neuro-nutrition.yaml").nutrients.count
        let timing = ProcessRunner()
        let start = Date()
        #expect(try timing.run(["history", "import"] + files).status == 0)
        let whole = Date().timeIntervalSince(start)
        timing.cleanUp()
        var midway = 0
        for round in 0..<Self.kills {
            let runner = ProcessRunner()
            defer { runner.cleanUp() }
            try runner.killMidway(["history", "import"] + files, after: UInt32(whole * 100_000)...UInt32(whole * 950_000))
            guard FileManager.default.fileExists(atPath: runner.history) else { continue }
            #expect(try Self.integrity(runner) == ["ok"], "round \(round)")
            // Killed before the schema's migration committed (one transaction): at most GRDB's own
            // record of migrations, none of ours half made; the next import migrates.
            if try Self.count(runner, "SELECT count(*) FROM sqlite_master WHERE name = 'screening'") == 1 {
                // Each screening whole: with every nutrient's score, or not there at all.
                #expect(
                    try Self.count(
                        runner,
                        "SELECT count(*) FROM screening WHERE (SELECT count(*) FROM nutrientScore WHERE screeningId = screening.id) != \(nutrients)")
                        == 0, "round \(round)")
                if (1..<files.count).contains(try Self.count(runner, "SELECT count(*) FROM screening")) { midway += 1 }
            } else {
                #expect(
                    try Self.count(runner, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%'") == 0,
                    "round \(round): half a schema")
            }
            let again = try runner.run(["history", "import"] + files)
            #expect(again.status == 0, "round \(round): \(again.stderr)")
            #expect(try Self.count(runner, "SELECT count(*) FROM screening") == files.count, "round \(round)")
        }
        #expect(midway > 0, "no kill landed while the import was writing")
    }
}
