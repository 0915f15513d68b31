import Foundation
import GRDB
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The moment after the last answer: the program is stopped (kill -9, SIGTERM, SIGHUP) while it
/// finishes (answers file, history, report). At every instant either the session still resumes,
/// or the screening is complete on disk (its answers file written and the history keeping it);
/// never neither. A session left finishing is finished by `resume`, kept once.
@Suite(.serialized) struct FinishingKillTests {
    static let kills = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_KILLS"] ?? "") ?? 8
    /// The basic fixture's interview; its last line (Enter at the review) finishes it.
    static let answers = ["n", "70", "3", "n", "1", "2", "s"]

    /// Answers files in the runner's Reports folder.
    static func answersFiles(_ runner: ProcessRunner) -> [String] {
        let folder = runner.state + "/Reports"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".answers.yaml") }.map {
            folder + "/" + $0
        }
    }

    static func screenings(_ runner: ProcessRunner) -> Int {
        guard FileManager.default.fileExists(atPath: runner.history), let queue = try? DatabaseQueue(path: runner.history) else { return 0 }
        return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM screening") }) ?? 0
    }

    /// The screening complete on disk: an answers file that names the person, and the history keeping it.
    static func completeOnDisk(_ runner: ProcessRunner) -> Bool {
        let named = answersFiles(runner).contains { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("name: \"Pat Finish\"") == true }
        return named && screenings(runner) == 1
    }

    @Test func stoppingTheProgramWhileItFinishesLosesNothing() throws {
        var landed = (resumable: 0, complete: 0)
        for round in 0..<Self.kills {
            let runner = ProcessRunner()
            defer { runner.cleanUp() }
            let session = try ProcessRunner.Session(runner, ["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Finish"])
            for (index, answer) in Self.answers.enumerated() {
                session.type(answer)
                session.waitForPrompts(index + 2)
            }
            session.type("")
            // Somewhere between the last answer and the end of finishing (a debug build takes
            // about half a second to write the report).
            usleep(UInt32.random(in: 0...400_000))
            let signal = [SIGKILL, SIGTERM, SIGHUP][round % 3]
            kill(session.process.processIdentifier, signal)
            _ = session.finish()
            let resumable = runner.sessions().contains { $0["status"] as? String != "completed" }
            let complete = Self.completeOnDisk(runner)
            #expect(resumable || complete, "round \(round), signal \(signal): the session no longer resumes, and the screening is not on disk")
            if resumable { landed.resumable += 1 } else { landed.complete += 1 }
            // A session left finishing is finished by resume, with no question asked again (one
            // stopped before the Enter was read shows its review, and Enter finishes it), and
            // kept once in the history.
            let resumed = try runner.run(["resume"], input: "\n")
            if resumable {
                #expect(resumed.status == 0, "round \(round): \(resumed.stderr)")
                #expect(Self.completeOnDisk(runner), "round \(round): resume finished it")
                #expect(!runner.sessions().contains { $0["status"] as? String != "completed" })
            } else {
                #expect(resumed.status == 66, "round \(round): nothing to resume: \(resumed.stderr)")
            }
            #expect(Self.screenings(runner) == 1, "round \(round): kept once")
        }
        #expect(landed.resumable + landed.complete == Self.kills)
    }

    /// A full disk where the answers file goes: the message names the session file and `resume`,
    /// and `resume` then finishes the screening from it, once there is room.
    @Test func aFullDiskForTheAnswersFileLeavesASessionThatResumeFinishes() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let disk = runner.state + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mounted = try Tool.run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk], errors: false)
        try #require(mounted.status == 0, "a small disk of its own (tmpfs, as root): \(mounted.output)")
        defer { _ = try? Tool.run("umount", [disk], errors: false) }
        try FileManager.default.createDirectory(atPath: disk + "/Reports", withIntermediateDirectories: true)
        let filler = disk + "/filler"
        #expect(FileManager.default.createFile(atPath: filler, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: filler))
        while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
        try handle.close()

        let started = try runner.run(
            ["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Finish"], input: Self.answers.joined(separator: "\n") + "\n\n",
            directory: disk)
        #expect(started.status == 73, "\(started.stderr)")
        #expect(started.stderr.contains("No space left on device"), "\(started.stderr)")
        let session = try #require(runner.sessions().first)
        let sessionPath = runner.state + "/nutriscreen/session-\(session["id"] as? String ?? "").json"
        #expect(started.stderr.contains("Your answers are safe in \(sessionPath); to finish the screening from them, run: "), "\(started.stderr)")
        #expect(started.stderr.contains(" resume"), "\(started.stderr)")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: disk + "/Reports")).contains { $0.hasSuffix(".answers.yaml") })

        try FileManager.default.removeItem(atPath: filler)
        let resumed = try runner.run(["resume"], input: "", directory: disk)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("stopped while it was being finished"), "\(resumed.stdout)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: disk + "/Reports")
        #expect(reports.contains { $0.hasSuffix(".answers.yaml") } && reports.contains { $0.hasSuffix(".pdf") }, "\(reports)")
        #expect(Self.screenings(runner) == 1)
    }
}
