import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Without `--out`, `report` and `start` both write into `Reports/`, make it (0700) when it is
/// missing, and say where.
@Suite struct ReportsFolderTests {
    @Test func reportWithoutOutMakesReportsAndSaysWhere() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let answers = runner.state + "/ann.yaml"
        try FileManager.default.copyItem(atPath: ReportCommandTests.sample, toPath: answers)
        let result = try runner.run(["report", "--answers", answers])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = runner.state + "/Reports"
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        #expect(
            result.stderr.contains("Made the folder \(folder) for your reports (only you can open it).")
                || result.stderr.contains("Made the folder \(real) for your reports"), "\(result.stderr)")
        #expect(result.stdout.contains("Reports/ann.pdf"), "\(result.stdout)")
        var info = stat()
        #expect(stat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(FileManager.default.contents(atPath: folder + "/ann.pdf")?.prefix(5) == Data("%PDF-".utf8))

        // The folder is there now: nothing more is said.
        let again = try runner.run(["report", "--answers", answers, "--force"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("Made the folder"), "\(again.stderr)")

        let elsewhere = runner.state + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        // A bad answers file is said, and leaves no new folder behind.
        try "answers: [\n".write(toFile: elsewhere + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try runner.run(["report", "--answers", "bad.yaml"], directory: elsewhere)
        #expect(bad.status != 0 && bad.stderr.contains("bad.yaml"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/Reports"))
        let spanish = try runner.run(["report", "--answers", answers, "--lang", "es"], directory: elsewhere)
        #expect(spanish.stderr.contains("Se ha creado la carpeta"), "\(spanish.stderr)")
    }

    @Test func startWithoutOutMakesReportsAndSaysWhere() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            ["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Folder"], input: "n\n70\n3\nn\n1\n2\ns\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("/Reports for your reports (only you can open it)."), "\(result.stdout)")
        var info = stat()
        #expect(stat(runner.state + "/Reports", &info) == 0 && info.st_mode & 0o777 == 0o700)
    }
}
