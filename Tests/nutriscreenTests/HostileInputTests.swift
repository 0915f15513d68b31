import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 10's hand-made cases, run through the real executable: each once crashed, hung, lied
/// or lost something.
@Suite(.serialized) struct HostileOutputTests {
    static let sample = ProcessRunner.repository + "/Reports/sample-answers.yaml"
    static let fixture = ProcessRunner.fixture
    static let complete = "n\n70\n3\nn\n1\n2\ns\n\n"
    static let crashes = ["Fatal error", "Illegal instruction", "Segmentation", "Stack dump", "backtrace"]

    private func expectNoCrash(_ result: ProcessRunner.Result, _ what: String) {
        #expect(![132, 134, 139, -1].contains(result.status), "\(what): exit \(result.status)")
        for crash in Self.crashes { #expect(!result.stderr.contains(crash), "\(what): \(crash)") }
    }

    @Test func oneCharacterOutputNamesWriteTheReport() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let short = try runner.run(["report", "--answers", Self.sample, "--out", "x"])
        expectNoCrash(short, "--out x")
        #expect(short.status == 0, "\(short.stderr)")
        #expect(FileManager.default.contents(atPath: runner.state + "/x")?.prefix(5) == Data("%PDF-".utf8))
        let standardOutput = try runner.run(["report", "--answers", Self.sample, "--out", "-"])
        expectNoCrash(standardOutput, "--out -")
        #expect(standardOutput.status == 0, "\(standardOutput.stderr)")
        #expect(standardOutput.stdout.hasPrefix("%PDF-"), "the PDF goes to standard output")
        #expect(standardOutput.stdout.contains("%%EOF"))
        #expect(!FileManager.default.fileExists(atPath: runner.state + "/-"))

        let interview = try runner.run(["start", "--questionnaire", Self.fixture, "--out", "y"], input: Self.complete)
        expectNoCrash(interview, "start --out y")
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("Your report: y\n"))
        #expect(FileManager.default.fileExists(atPath: runner.state + "/y.answers.yaml"))
    }

    @Test func standardOutputIsForReportOnlyAndAnEmptyNameIsAUsageError() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let interview = try runner.run(["start", "--questionnaire", Self.fixture, "--out", "-"], input: Self.complete)
        #expect(interview.status == 64, "\(interview.stderr)")
        #expect(interview.stderr.contains("--out - (standard output) is for nutriscreen report"))
        #expect(!interview.stdout.contains("How old are you?"), "refused before the first question")
        let empty = try runner.run(["report", "--answers", Self.sample, "--out", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("--out needs a file name"))
        #expect(!empty.stderr.contains("'.'") && !empty.stderr.contains(" . "), "\(empty.stderr)")
    }

    @Test func pipesAndDevicesAreRefusedAsOutputWithoutBlocking() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let fifo = runner.state + "/fifo.pdf"
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try runner.run(["report", "--answers", Self.sample, "--out", fifo, "--force"], timeout: 30)
        #expect(piped.status == 73, "a pipe with no reader must not hang: \(piped.stderr)")
        #expect(piped.stderr.contains("it is a pipe or a device, not a regular file"))
        let device = try runner.run(["report", "--answers", Self.sample, "--out", "/dev/null", "--force"], timeout: 30)
        #expect(device.status == 73, "\(device.stderr)")
        let interview = try runner.run(["start", "--questionnaire", Self.fixture, "--out", fifo], input: Self.complete, timeout: 30)
        #expect(interview.status == 73, "\(interview.stderr)")
        #expect(!interview.stdout.contains("How old are you?"), "refused before the first question")

        // Standard output that cannot take the PDF is a failure, not a silent success.
        let full = try fullStandardOutput(runner, ["report", "--answers", Self.sample, "--out", "-"])
        #expect(full.status == 73)
        #expect(full.stderr.contains("No space left on device"), "\(full.stderr)")
        let assess = try fullStandardOutput(runner, ["assess", "--answers", Self.sample])
        #expect(assess.status == 73, "output lost on a full disk: \(assess.stderr)")
        #expect(assess.stderr.contains("cannot write to standard output"))
        let export = try fullStandardOutput(runner, ["export", "--answers", Self.sample])
        #expect(export.status == 73, "the FHIR bundle lost on a full disk: \(export.stderr)")
        #expect(export.stderr.contains("cannot write to standard output"))
    }

    /// Runs with standard output on /dev/full.
    private func fullStandardOutput(_ runner: ProcessRunner, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = runner.process(arguments)
        let stderr = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }

    @Test(arguments: ["nan", "inf", "1e20", "9223372036854775807", "-99999999999", "253402300800", "12abc"])
    func anOutOfRangeSourceDateEpochIsAClearError(_ value: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let report = try runner.run(["report", "--answers", Self.sample, "--out", "r.pdf"], environment: ["SOURCE_DATE_EPOCH": value])
        expectNoCrash(report, value)
        #expect(report.status == 64, "\(value): \(report.stderr)")
        #expect(report.stderr.contains("SOURCE_DATE_EPOCH is '\(value)'; it must be a whole number of seconds from 0 to 253402300799"))
        #expect(!FileManager.default.fileExists(atPath: runner.state + "/r.pdf"))
        let interview = try runner.run(["start", "--questionnaire", Self.fixture], input: Self.complete, environment: ["SOURCE_DATE_EPOCH": value])
        #expect(interview.status == 64, "\(value): checked before the first question: \(interview.stderr)")
        #expect(!interview.stdout.contains("How old are you?"))
    }

    @Test func theEdgesOfTheSourceDateEpochRangeWork() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        for value in ["0", "253402300799"] {
            let report = try runner.run(["report", "--answers", Self.sample, "--out", "r\(value).pdf"], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(report.status == 0, "\(value): \(report.stderr)")
        }
        let info = try PDFText.info(runner.state + "/r253402300799.pdf")
        #expect(info.contains("9999-12-31T23:59:59Z"), "a well-formed CreationDate in the year 9999: \(info)")
    }

    @Test func anInterviewNeverReplacesAReportWithoutForce() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let pdf = runner.state + "/mine.pdf"
        try Data("not to be lost".utf8).write(to: URL(fileURLWithPath: pdf))
        let refused = try runner.run(["start", "--questionnaire", Self.fixture, "--out", pdf], input: Self.complete)
        #expect(refused.status == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("\(pdf) already exists; choose another name or pass --force"))
        #expect(!refused.stdout.contains("How old are you?"), "refused before the first question")
        #expect(FileManager.default.contents(atPath: pdf) == Data("not to be lost".utf8))

        // The answers file beside it counts too, and resume checks the same way.
        try FileManager.default.removeItem(atPath: pdf)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: runner.state + "/mine.answers.yaml"))
        _ = try runner.run(["start", "--questionnaire", Self.fixture], input: "n\nq\n")
        let resumed = try runner.run(["resume", "--out", pdf], input: "70\n3\nn\n1\n2\ns\n\n")
        #expect(resumed.status == 73, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("mine.answers.yaml already exists"))
        #expect(FileManager.default.contents(atPath: runner.state + "/mine.answers.yaml") == Data("kept".utf8))
        let forced = try runner.run(["resume", "--out", pdf, "--force"], input: "70\n3\nn\n1\n2\ns\n\n")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.contents(atPath: pdf)?.prefix(5) == Data("%PDF-".utf8))
    }

    @Test func aPipeOrDeviceWhereTheArchiveGoesIsNeverOpened() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let questionnaire = runner.state + "/q.yaml"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: questionnaire)
        _ = try runner.run(["start", "--new", "--questionnaire", questionnaire], input: "q\n")
        let archive = try #require(QuestionnaireCacheTests.archives(runner).first)
        try FileManager.default.removeItem(atPath: archive)
        #expect(mkfifo(archive, 0o600) == 0)
        let piped = try runner.run(["start", "--new", "--questionnaire", questionnaire], input: "q\n", timeout: 30)
        #expect(piped.status == 0, "a pipe where the archive goes must not hang: \(piped.status) \(piped.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: archive)[.type] as? FileAttributeType == .typeRegular, "replaced by a file")

        try FileManager.default.removeItem(atPath: archive)
        try FileManager.default.createSymbolicLink(atPath: archive, withDestinationPath: "/dev/zero")
        let device = try runner.run(["start", "--new", "--questionnaire", questionnaire], input: "q\n", timeout: 30)
        #expect(device.status == 0, "a link to a device is not read: \(device.status) \(device.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: archive)[.type] as? FileAttributeType == .typeRegular)
    }
}

/// Input files that are not files, or too large to read.
@Suite struct HostileInputFileTests {
    @Test func pipesDevicesAndFoldersAreRefusedAsInputWithoutBlocking() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let fifo = runner.state + "/fifo.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        for (arguments, what) in [
            (["assess", "--answers", fifo], "a pipe as answers"), (["validate", fifo], "a pipe as questionnaire"),
            (["assess", "--answers", "/dev/zero"], "a device as answers"), (["assess", "--answers", runner.state], "a folder as answers"),
            (["start", "--questionnaire", fifo], "a pipe as questionnaire"),
        ] {
            let result = try runner.run(arguments, timeout: 30)
            #expect(result.status == 66, "\(what): \(result.status) \(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(what): \(result.stderr)")
        }
        let folder = try runner.run(["assess", "--answers", runner.state])
        #expect(folder.stderr.contains("\(runner.state):1:1: cannot read the answers file: it is a folder, not a file"), "\(folder.stderr)")
        let missing = try runner.run(["validate", "/nonexistent/q.yaml"])
        #expect(missing.status == 66, "a missing file is exit 66, as documented")
    }

    @Test func theSizeLimitIsCheckedBeforeReading() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let sparse = runner.state + "/sparse.yaml"
        let fd = open(sparse, O_CREAT | O_WRONLY, 0o600)
        #expect(ftruncate(fd, 1 << 30) == 0)
        close(fd)
        let before = Self.childrenPeakMemory()
        let result = try runner.run(["validate", sparse], timeout: 60)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(sparse):1:1: the file is 1073741824 bytes; the largest accepted is 4194304"))
        let peak = Self.childrenPeakMemory()
        #expect(peak < max(before, 200 << 20), "peak memory of the check: \(peak >> 20) MiB")
    }

    /// The largest resident size of any finished child process so far, in bytes.
    static func childrenPeakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
