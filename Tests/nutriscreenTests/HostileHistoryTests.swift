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
}
