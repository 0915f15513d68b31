import Foundation
import Testing

@testable import Screening

/// The kept, checked questionnaires: used when they match, ignored when they do not.
@Suite(.serialized) struct QuestionnaireCacheTests {
    /// A private copy of the fixture questionnaire, so a test may edit it.
    static func copyOfFixture(in runner: ProcessRunner) throws -> String {
        let path = runner.state + "/questionnaire.yaml"
        try FileManager.default.copyItem(atPath: ProcessRunner.fixture, toPath: path)
        return path
    }

    static func archives(_ runner: ProcessRunner) -> [String] {
        let folder = runner.cache + "/nutriscreen"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".archive") }.map { folder + "/" + $0 }
    }

    @Test func aCheckedQuestionnaireIsKeptPrivatelyAndUsedNextTime() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.copyOfFixture(in: runner)
        let first = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(first.stdout.contains("Fixture screening"), "\(first.stdout)")
        let archive = try #require(Self.archives(runner).first)
        #expect(Self.archives(runner).count == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: archive)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: runner.cache + "/nutriscreen")[.posixPermissions] as? Int == 0o700)

        // Replace the archive with one whose title differs, sealed for this build and this file:
        // the next run must show that title, so it read the archive rather than the YAML.
        let bytes = try #require(FileManager.default.contents(atPath: archive))
        let build = try Self.build(of: Array(bytes))
        var questionnaire = try QuestionnaireLoader.load(path: path)
        questionnaire.title = "Read from the kept archive"
        try Data(QuestionnaireArchive.encode(questionnaire, build: build)).write(to: URL(fileURLWithPath: archive))
        let second = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(second.stdout.contains("Read from the kept archive"), "\(second.stdout)")
    }

    @Test func anEditedQuestionnaireIsReadAfresh() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.copyOfFixture(in: runner)
        _ = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "title: Fixture screening", with: "title: Edited screening")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(result.stdout.contains("Edited screening") && !result.stdout.contains("Fixture screening"), "\(result.stdout)")
        #expect(Self.archives(runner).count == 1, "one archive per questionnaire path")
    }

    @Test func aDamagedArchiveIsIgnoredAndReplaced() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.copyOfFixture(in: runner)
        let fresh = try runner.run(["assess", "--answers", runner.state + "/none.yaml", "--questionnaire", path])
        #expect(fresh.status == 66)  // no answers file yet; the questionnaire was still checked and kept
        let archive = try #require(Self.archives(runner).first)
        let good = try #require(FileManager.default.contents(atPath: archive))
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: archive))
        let result = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(result.stdout.contains("Fixture screening"))
        let rewritten = try #require(FileManager.default.contents(atPath: archive))
        #expect(rewritten.count == good.count, "the damaged archive is written again")
        #expect(QuestionnaireArchive.decode(Array(rewritten), build: try Self.build(of: Array(rewritten)), contentHash: nil, path: path) != nil)
    }

    /// A file unchanged for a while is trusted by its stamp (device, inode, size, times) without
    /// being read; any change to it, even one that keeps its size and modification time, is seen.
    @Test func aSettledFileIsTrustedByItsStampUntilItChanges() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.copyOfFixture(in: runner)
        Thread.sleep(forTimeInterval: 2.2)  // past the two seconds in which a file counts as changing
        _ = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        let archive = try #require(Self.archives(runner).first)
        let build = try Self.build(of: Array(try #require(FileManager.default.contents(atPath: archive))))
        #expect(!build.hasSuffix("unsettled"), "\(build)")

        // An archive naming a SHA-256 this file does not have: used only because the file's
        // stamp matches, so the file was not read.
        var questionnaire = try QuestionnaireLoader.load(path: path)
        questionnaire.title = "Trusted by its stamp"
        questionnaire.contentHash = String(repeating: "0", count: 64)
        try Data(QuestionnaireArchive.encode(questionnaire, build: build)).write(to: URL(fileURLWithPath: archive))
        let trusted = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(trusted.stdout.contains("Trusted by its stamp"), "\(trusted.stdout)")

        // Edited in place to the same size, its modification time put back: still read afresh.
        var before = stat()
        #expect(stat(path, &before) == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "title: Fixture screening", with: "title: Fixture screaming")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_ino == before.st_ino)
        let result = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(result.stdout.contains("Fixture screaming"), "\(result.stdout)")
    }

    @Test func aBrokenQuestionnaireIsNeverKept() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = runner.state + "/broken.yaml"
        try "id: x\nversion: '1'\nschemaVersion: 1\ntitle: T\nsections: []\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runner.run(["start", "--new", "--questionnaire", path], input: "q\n")
        #expect(result.status == 65)
        #expect(Self.archives(runner).isEmpty)
    }

    /// The build an archive names (after the magic line and the format version).
    static func build(of archive: [UInt8]) throws -> String {
        var reader = ArchiveReader(Array(archive[QuestionnaireArchive.magic.count...]))
        #expect(try reader.unsigned() == QuestionnaireArchive.formatVersion)
        return try reader.string()
    }
}
