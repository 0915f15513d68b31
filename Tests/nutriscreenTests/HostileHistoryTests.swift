import Dispatch
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

    static func mode(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }

    /// A link where the history's file, SQLite's log beside it, or the history's folder goes:
    /// dangling (its target would be created), or to a file of the user's (which would be
    /// chmod-ed and overwritten). Each is refused with the link's path; nothing is made or changed
    /// where it points.
    @Test(arguments: ["history.sqlite", "history.sqlite-wal", "folder"])
    func aLinkAtAHistoryPathIsRefused(at name: String) throws {
        for dangling in [true, false] {
            let runner = ProcessRunner()
            defer { runner.cleanUp() }
            let folder = runner.data + "/nutriscreen"
            let target = runner.state + "/elsewhere"
            if name == "folder" {
                try FileManager.default.createDirectory(atPath: runner.data, withIntermediateDirectories: true)
                if !dangling { try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true) }
                #expect(symlink(target, folder) == 0)
            } else {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                if !dangling {
                    #expect(FileManager.default.createFile(atPath: target, contents: Data()))
                    chmod(target, 0o644)
                }
                #expect(symlink(target, folder + "/" + name) == 0)
            }
            let link = name == "folder" ? folder : folder + "/" + name
            let result = try runner.run(["history", "import", Self.before])
            #expect(result.status == 73, "\(name), dangling \(dangling): \(result.stderr)")
            #expect(result.stderr.contains("\(link) is a symbolic link"), "\(result.stderr)")
            if dangling {
                #expect(!FileManager.default.fileExists(atPath: target), "\(name): the link's target was created")
            } else if name == "folder" {
                #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty, "the history went where the link points")
            } else {
                #expect(FileManager.default.contents(atPath: target) == Data(), "\(name): the user's file was written")
                #expect(Self.mode(target) == 0o644, "\(name): the user's file was chmod-ed")
            }
        }
    }

    /// Folders left open to every user (0777) are made the user's alone before anything private
    /// goes in: the history's, the sessions' and the cache's.
    @Test func theProgramsFoldersAreMadePrivate() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let folders = [runner.data + "/nutriscreen", runner.state + "/nutriscreen", runner.cache + "/nutriscreen"]
        for folder in folders {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            chmod(folder, 0o777)
        }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        let started = try runner.run(
            ["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: "n\n70\n3\nn\n1\n2\ns\n\n")
        #expect(started.status == 0, "\(started.stderr)")
        for folder in folders { #expect(Self.mode(folder) == 0o700, "\(folder) is \(String(Self.mode(folder), radix: 8))") }
    }

    /// The sessions' folder as a link: the interview is refused before its first question.
    @Test func aLinkInPlaceOfTheSessionsFolderIsRefused() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let target = runner.data + "-elsewhere"
        defer { try? FileManager.default.removeItem(atPath: target) }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        #expect(symlink(target, runner.state + "/nutriscreen") == 0)
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: "n\n70\n")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("it is a symbolic link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    static let after = fixtures + "/ann-after-b12.yaml"
    static let traces = ["Ann Example", "ann example", "1991-05-20"]

    /// The traces of Ann still in the history's files.
    static func traces(_ runner: ProcessRunner) -> [String] {
        let bytes = HistoryFiles.searchable(runner.history)
        return traces.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    /// `forget` while another process holds a read transaction: the rows go, the erase cannot
    /// finish, and it says so (exit 69); the next command that opens the history finishes it and
    /// says that, and then nothing of the person is left.
    @Test func aForgetAReaderHoldsUpIsSaidThenFinishedLater() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(
            try runner.run(["history", "import", Self.before, Self.after, ProcessRunner.repository + "/Reports/sample-answers.yaml"]).status == 0)
        let reader = try DatabaseQueue(path: runner.history)
        let reading = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? reader.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM person")
                reading.signal()
                release.wait()
            }
            done.signal()
        }
        reading.wait()
        let forgot = try runner.run(["history", "forget", "--person", "Ann Example", "--yes"])
        #expect(forgot.status == 69, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("Forgot Ann Example"), "\(forgot.stdout)")
        #expect(!forgot.stdout.contains("nothing of them is left"), "no erase is claimed: \(forgot.stdout)")
        #expect(forgot.stderr.contains("the erase is not complete"), "\(forgot.stderr)")
        let meanwhile = try runner.run(["history"])
        #expect(meanwhile.stderr.contains("an earlier forget is still not complete"), "\(meanwhile.stderr)")
        release.signal()
        done.wait()
        try reader.close()
        let later = try runner.run(["history"])
        #expect(later.status == 0)
        #expect(
            later.stderr.contains("an earlier forget is now complete: nothing of the people it deleted is left in \(runner.history)"),
            "\(later.stderr)")
        #expect(Self.traces(runner).isEmpty, "\(Self.traces(runner)) still in the history's files")
        #expect(!later.stdout.contains("Ann Example"))
        #expect(!(try runner.run(["history"])).stderr.contains("forget"), "said once")
    }

    /// `forget` on a disk with little room left, for a range of room: whatever it says is true.
    /// Said forgotten: gone, and no trace left unless it says the erase is incomplete; said that
    /// nothing was written: still there. A small disk of its own (tmpfs) holds the history.
    @Test func forgetOnANearlyFullDiskSaysWhatHappened() throws {
        let vignettes = ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/vignettes"
        let others = try FileManager.default.contentsOfDirectory(atPath: vignettes).filter { $0.hasSuffix(".yaml") }.sorted().prefix(12)
        for room in [0, 65_536, 262_144, 524_288, 1_048_576, 2_097_152] {
            let runner = ProcessRunner()
            defer { runner.cleanUp() }
            try FileManager.default.createDirectory(atPath: runner.data, withIntermediateDirectories: true)
            let mounted = try Tool.run("mount", ["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", runner.data], errors: false)
            try #require(mounted.status == 0, "a small disk of its own (tmpfs, as root): \(mounted.output)")
            defer { _ = try? Tool.run("umount", [runner.data], errors: false) }
            let imported = try runner.run(["history", "import", Self.before, Self.after] + others.map { vignettes + "/" + $0 })
            #expect(imported.status == 0, "\(imported.stderr)")
            // Fill the disk, then free `room` bytes.
            let filler = runner.data + "/filler"
            let handle = try #require(FileHandle(forWritingAtPath: FileManager.default.createFile(atPath: filler, contents: nil) ? filler : ""))
            let block = Data(count: 4096)
            while (try? handle.write(contentsOf: block)) != nil {}
            try handle.truncate(atOffset: max(0, try handle.offset() - UInt64(room)))
            try handle.close()

            let forgot = try runner.run(["history", "forget", "--person", "Ann Example", "--yes"])
            try FileManager.default.removeItem(atPath: filler)
            let listed = try runner.run(["history"])
            let present = listed.stdout.contains("Ann Example")
            if forgot.stdout.contains("Forgot Ann Example") {
                #expect(!present, "room \(room): said forgotten, still listed")
                if forgot.stdout.contains("nothing of them is left") {
                    #expect(Self.traces(runner).isEmpty, "room \(room): said erased: \(Self.traces(runner))")
                }
            } else {
                #expect(forgot.status != 0, "room \(room): \(forgot.stdout)")
                #expect(!forgot.stderr.contains("nothing was written") || present, "room \(room): said nothing was written, but the person is gone")
            }
            _ = try runner.run(["history"])
            if !present {
                #expect(Self.traces(runner).isEmpty, "room \(room): once there is room again the erase is finished: \(Self.traces(runner))")
            }
        }
    }
}
