import Foundation
import Testing

/// `nutriscreen report` and the report written at the end of an interview.
@Suite(.serialized) struct ReportCommandTests {
    static let sample = ProcessRunner.repository + "/Reports/sample-answers.yaml"

    private func mode(_ path: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int }

    @Test func writesAPrivatePDFAndNeverOverwritesWithoutForce() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/report.pdf"
        let first = try runner.run(["report", "--answers", Self.sample, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == out)
        #expect(mode(out) == 0o600)
        #expect(FileManager.default.contents(atPath: out)?.prefix(5) == Data("%PDF-".utf8))
        let again = try runner.run(["report", "--answers", Self.sample, "--out", out])
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists; choose another name or pass --force"))
        let forced = try runner.run(["report", "--answers", Self.sample, "--out", out, "--force", "--paper", "letter"])
        #expect(forced.status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runner.state).filter { $0.hasPrefix(".report.pdf.") }
        #expect(leftovers.isEmpty, "temporary files left behind: \(leftovers)")
    }

    /// Two runs a while apart, with the date fixed by SOURCE_DATE_EPOCH, write the same bytes.
    @Test func aFixedDateGivesTheSameBytes() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let date = ["SOURCE_DATE_EPOCH": "1700000000"]
        var outputs: [Data] = []
        for name in ["one.pdf", "two.pdf"] {
            let result = try runner.run(["report", "--answers", Self.sample, "--out", runner.state + "/" + name], environment: date)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try #require(FileManager.default.contents(atPath: runner.state + "/" + name)))
            Thread.sleep(forTimeInterval: 1.1)
        }
        #expect(outputs[0] == outputs[1])
        let info = try ProcessRunner.output(of: "pdfinfo", [runner.state + "/one.pdf"])
        #expect(info.contains("CreationDate:    Tue Nov 14 22:13:20 2023 UTC"), "\(info)")
    }

    /// libqpdf (and gnutls with it) is loaded only when a report is packed, never at start-up.
    @Test func libqpdfIsNotLinked() throws {
        let libraries = try ProcessRunner.output(of: "ldd", [ProcessRunner.executable])
        #expect(libraries.contains("libcairo"), "\(libraries)")
        #expect(!libraries.contains("libqpdf") && !libraries.contains("libgnutls"), "\(libraries)")
    }

    @Test func aMissingOrUnwritableFolderIsAClearErrorWithExit73() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let missing = try runner.run(["report", "--answers", Self.sample, "--out", "/nonexistent/folder/r.pdf"])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("the folder /nonexistent/folder does not exist"))
        let locked = runner.state + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        if getuid() != 0 {
            let denied = try runner.run(["report", "--answers", Self.sample, "--out", locked + "/r.pdf"])
            #expect(denied.status == 73)
            #expect(denied.stderr.contains("cannot write"))
        }
        // A folder that refuses new files, even for root.
        let readOnly = try runner.run(["report", "--answers", Self.sample, "--out", "/proc/nutriscreen-test.pdf"])
        #expect(readOnly.status == 73)
        #expect(readOnly.stderr.contains("cannot write /proc/nutriscreen-test.pdf"))
        #expect(readOnly.stderr.contains("does not accept new files"))
        let full = try runner.run(["report", "--answers", Self.sample, "--out", "/dev/full", "--force"])
        #expect(full.status == 73, "\(full.stderr)")
        #expect(full.stderr.contains("cannot write /dev/full: it is a pipe or a device, not a regular file"))
        #expect(!full.stderr.contains("Fatal error"))
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial, "a device is never replaced")
    }

    @Test func theDefaultNameComesFromTheAnswersFileIntoReports() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try FileManager.default.createDirectory(atPath: runner.state + "/Reports", withIntermediateDirectories: true)
        let result = try runner.run(["report", "--answers", Self.sample])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: runner.state + "/Reports/sample-answers.pdf"))
    }

    @Test func theInterviewEndsByWritingTheReportAndItsAnswers() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"], input: "n\n70\n3\nn\n1\n2\ns\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: runner.state + "/Reports")
        let pdf = try #require(reports.first { $0.hasSuffix("-pat-piped.pdf") })
        let answers = try #require(reports.first { $0.hasSuffix("-pat-piped.answers.yaml") })
        #expect(result.stdout.contains("Your report: Reports/\(pdf)"))
        #expect(mode(runner.state + "/Reports/" + pdf) == 0o600)
        #expect(mode(runner.state + "/Reports/" + answers) == 0o600)
        let again = try runner.run([
            "report", "--answers", runner.state + "/Reports/" + answers, "--questionnaire", ProcessRunner.fixture, "--out",
            runner.state + "/again.pdf",
        ])
        #expect(again.status == 0, "the saved answers regenerate the report: \(again.stderr)")
    }
}

@Suite struct BatchReportTests {
    @Test func aFolderIsReportedAndOneBadFileDoesNotStopTheOthers() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let input = runner.state + "/in"
        let output = runner.state + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let vignettes = ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/vignettes"
        let names = try FileManager.default.contentsOfDirectory(atPath: vignettes).filter { $0.hasSuffix(".yaml") }
        for name in names { try FileManager.default.copyItem(atPath: vignettes + "/" + name, toPath: input + "/" + name) }
        try "age: 7\n".write(toFile: input + "/broken.yaml", atomically: true, encoding: .utf8)
        let result = try runner.run(["report", "--answers-dir", input, "--out-dir", output])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(input)/broken.yaml:1:6: age: 7 is outside the allowed range"), "file:line:col, one line")
        #expect(result.stderr.contains("\(names.count + 1)/\(names.count + 1) done"), "plain counts when not on a terminal")
        #expect(result.stdout.contains("\(names.count + 1) answers files: \(names.count) reports written"))
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == names.count)
        for pdf in pdfs {
            #expect((try FileManager.default.attributesOfItem(atPath: output + "/" + pdf))[.posixPermissions] as? Int == 0o600)
        }
        // Run again: without --force every file already exists, and that is reported, not hidden.
        let again = try runner.run(["report", "--answers-dir", input, "--out-dir", output])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already exists"))
        let usage = try runner.run(["report", "--answers-dir", input])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--answers-dir needs --out-dir"))
    }

    @Test func foldersThatAreMissingOrFilesAreNamed() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let file = runner.state + "/answers.yaml"
        try "age: 70\n".write(toFile: file, atomically: true, encoding: .utf8)
        let notAFolder = try runner.run(["report", "--answers-dir", file, "--out-dir", runner.state])
        #expect(notAFolder.status == 66)
        #expect(notAFolder.stderr.contains("\(file) is not a folder"))
        let noOutput = try runner.run(["report", "--answers-dir", runner.state, "--out-dir", runner.state + "/missing"])
        #expect(noOutput.status == 73)
        #expect(noOutput.stderr.contains("cannot write into \(runner.state)/missing: the folder does not exist"))
        let outputIsAFile = try runner.run(["report", "--answers", file, "--out", file + "/report.pdf"])
        #expect(outputIsAFile.status == 73)
        #expect(outputIsAFile.stderr.contains("the folder \(file) does not exist"))
    }
}
