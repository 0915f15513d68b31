import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a newcomer trips over at the command line: help that offers what the command refuses,
/// a choice refused for its case, and hints that name a long build path instead of the way the
/// program was started.
@Suite struct ConventionsTests {
    static let answers = ProcessRunner.repository + "/Tests/ReportPDFTests/Fixtures/ann-before-b12.yaml"

    /// `start` and `resume` refuse `--out -`, so their help does not offer it; `report`'s does.
    @Test func onlyReportOffersStandardOutput() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        for command in ["start", "resume"] {
            let help = try runner.run([command, "--help"]).stdout
            #expect(help.contains("--out <file.pdf>"), "\(command): \(help)")
            #expect(!help.contains("standard output") && !help.contains("- for"), "\(command) --help offers --out -: \(help)")
        }
        #expect(try runner.run(["report", "--help"]).stdout.contains("- for standard output"))
        let refused = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--out", "-"])
        #expect(refused.status == 64 && refused.stderr.contains("--out - (standard output) is for nutriscreen report"), "\(refused.stderr)")
    }

    /// `--paper A4`, `--detail FULL` and `--lang ES` are read as a4, full and es.
    @Test func choicesAreReadInAnyCase() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/ann.pdf"
        let result = try runner.run(["report", "--answers", Self.answers, "--paper", "A4", "--detail", "FULL", "--lang", "ES", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try ProcessRunner.output(of: "pdfinfo", [out])
        #expect(info.contains("595.276 x 841.89 pts (A4)"), "\(info)")
        let letter = try runner.run(["report", "--answers", Self.answers, "--paper", "Letter", "--out", runner.state + "/l.pdf"])
        let letterInfo = try ProcessRunner.output(of: "pdfinfo", [runner.state + "/l.pdf"])
        #expect(letter.status == 0 && letterInfo.contains("612 x 792 pts (letter)"), "\(letterInfo)")
        let wrong = try runner.run(["report", "--answers", Self.answers, "--paper", "A5", "--out", runner.state + "/x.pdf"])
        #expect(wrong.status == 64 && wrong.stderr.contains("a4"), "\(wrong.stderr)")
    }

    /// Run through scripts/screen, the hints name scripts/screen as typed (the script says so in
    /// NUTRISCREEN_COMMAND), not the build's path; a NUTRISCREEN_COMMAND that names nothing that
    /// can be run is passed over.
    @Test func hintsNameTheWayTheProgramWasStarted() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let fake = runner.fakeSwift()
        let screen = try runner.run(
            ["scripts/screen", "--questionnaire", ProcessRunner.fixture], input: "n\n", directory: ProcessRunner.repository,
            environment: ["SWIFT": fake], executable: "/bin/bash")
        #expect(screen.status == 75)
        #expect(screen.stderr.contains("Your answers are saved. To continue later, run: scripts/screen resume\n"), "\(screen.stderr)")
        let listed = try runner.run(["sessions"], environment: ["NUTRISCREEN_COMMAND": fake])
        #expect(listed.stdout.contains("Continue the latest (1) with: \(fake) resume"), "\(listed.stdout)")
        let nothing = try runner.run(["sessions"], environment: ["NUTRISCREEN_COMMAND": runner.state + "/no-such-script"])
        #expect(nothing.stdout.contains("Continue the latest (1) with: \(ProcessRunner.resolvedExecutable) resume"), "\(nothing.stdout)")
    }
}
