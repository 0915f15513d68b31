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

/// Saving, sessions and signals: never a false "saved", never two writers.
@Suite(.serialized) struct HostileSessionTests {
    static let fixture = ProcessRunner.fixture

    @Test func aStateFolderThatCannotBeWrittenRefusesToStart() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let blocker = runner.state + "/blocker"
        try Data().write(to: URL(fileURLWithPath: blocker))
        for state in [blocker, "/proc/nutriscreen-state"] {
            for input in ["q\n", "", "n\n70\nq\n"] {
                let result = try runner.run(["start", "--questionnaire", Self.fixture], input: input, environment: ["XDG_STATE_HOME": state])
                #expect(result.status == 73, "\(state): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("cannot save answers in \(state)/nutriscreen"), "\(result.stderr)")
                #expect(result.stderr.contains("XDG_STATE_HOME"))
                #expect(!result.stdout.contains("How old are you?") && !result.stdout.contains("Urgent symptoms"), "no question is asked")
                #expect(!(result.stdout + result.stderr).contains("answers are saved"), "never a save that failed")
            }
        }
    }

    @Test func aSaveThatFailsMidwayIsNeverCalledSaved() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let session = try ProcessRunner.Session(runner, ["start", "--questionnaire", Self.fixture])
        session.waitForPrompts(1)
        session.type("n")
        session.waitForPrompts(2)
        // The state folder goes away and a file takes its place: the next save cannot work.
        let folder = runner.state + "/nutriscreen"
        try FileManager.default.removeItem(atPath: folder)
        try Data().write(to: URL(fileURLWithPath: folder))
        session.type("70")
        session.waitForPrompts(3)
        session.type("q")
        let end = session.finish()
        #expect(end.status == 73, "\(end.stderr)")
        #expect(end.stderr.contains("your answers could not be saved"), "\(end.stderr)")
        #expect(!(session.screen + end.stderr).contains("Your answers are saved"), "never a save that failed")
    }

    @Test func interruptingBeforeAnyAnswerNamesNoSessionFile() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let session = try ProcessRunner.Session(runner, ["start", "--questionnaire", Self.fixture])
        session.waitForPrompts(1)
        kill(session.process.processIdentifier, SIGINT)
        let end = session.finish(closingInput: false)  // input left open: the signal, not its end, stops the run
        #expect(end.status == 130)
        #expect(end.stderr.contains("Nothing was saved yet"), "\(end.stderr)")
        #expect(!end.stderr.contains("session-"), "no session file exists to name: \(end.stderr)")
        #expect(runner.sessions().isEmpty)
    }

    @Test func inputEndingBeforeAnyAnswerLeavesNoEmptySession() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        for input in ["", "q\n"] {
            let result = try runner.run(["start", "--questionnaire", Self.fixture], input: input)
            #expect(result.status == (input.isEmpty ? 75 : 0), "\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("Nothing was saved yet"), "\(result.stdout)\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("Your answers are saved"))
            #expect(runner.sessions().isEmpty, "no empty session is left to resume")
        }
    }

    @Test(arguments: [(SIGTERM, Int32(143), "Stopped (SIGTERM)"), (SIGHUP, Int32(129), "The terminal closed (SIGHUP)")])
    func terminateAndHangUpSaveAndSaySo(_ signal: Int32, _ status: Int32, _ words: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let session = try ProcessRunner.Session(runner, ["start", "--questionnaire", Self.fixture])
        session.waitForPrompts(1)
        session.type("n")
        session.waitForPrompts(2)
        kill(session.process.processIdentifier, signal)
        // Input stays open: the signal alone must end the run (closing input too would race it).
        let end = session.finish(closingInput: false)
        #expect(end.reason == .exit && end.status == status, "\(end.reason) \(end.status)")
        #expect(end.stderr.contains("\(words). Your answers so far are saved in \(runner.state)/nutriscreen/session-"), "\(end.stderr)")
        #expect(end.stderr.contains(ProcessRunner.resumeHint))
        #expect((runner.sessions().first?["answers"] as? [String: Any])?.count == 1)
    }

    @Test func aSecondProcessOnTheSameSessionIsTurnedAway() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        _ = try runner.run(["start", "--questionnaire", Self.fixture], input: "n\nq\n")
        let first = try ProcessRunner.Session(runner, ["resume"])
        first.waitForPrompts(1)
        let second = try runner.run(["resume"], input: "70\n3\nq\n")
        #expect(second.status == 69, "\(second.stderr)")
        #expect(second.stderr.contains("is open in another nutriscreen process; finish or quit it there first"))
        first.type("70")
        first.waitForPrompts(2)
        first.type("q")
        let end = first.finish()
        #expect(end.status == 0, "\(end.stderr)")
        let answers = runner.sessions().first?["answers"] as? [String: Any]
        #expect(answers?["age"] as? Int == 70, "the first process's answers are not overwritten")
        #expect(answers?.count == 2)
        let third = try runner.run(["resume"], input: "3\nq\n")
        #expect(third.status == 0, "free again once the first has ended: \(third.stderr)")
    }

    @Test func temporariesOfKilledSavesAreRemovedOnTheNextStart() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let folder = runner.state + "/nutriscreen"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stale = [".session-20260101T000000Z-1.json.AbC123", ".session-20260101T000000Z-2.json.zz9Y8x"]
        for name in stale { try Data("{".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        // A session another process holds: its save may be under way, so its temporary stays.
        let busy = ".session-20260101T000000Z-3.json.Q1w2E3"
        try Data("{".utf8).write(to: URL(fileURLWithPath: folder + "/" + busy))
        let lock = open(folder + "/.session-20260101T000000Z-3.lock", O_CREAT | O_RDWR, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let other = "notes.json.AbC123"
        try Data().write(to: URL(fileURLWithPath: folder + "/" + other))
        // Lock files: of a session that never saved an answer (gone, once a minute old), of a
        // saved session (kept), and one just made (kept: its process may be about to lock it).
        let orphan = ".session-20260101T000000Z-4.lock"
        let saved = ".session-20260101T000000Z-5.lock"
        let fresh = ".session-20260101T000000Z-6.lock"
        for name in [orphan, saved, fresh] { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/session-20260101T000000Z-5.json"))
        let old = Date().addingTimeInterval(-3600)
        for name in [orphan, saved] { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + name) }
        let result = try runner.run(["start", "--new", "--questionnaire", Self.fixture], input: "q\n")
        #expect(result.status == 0, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        for name in stale { #expect(!left.contains(name), "\(name) left behind") }
        #expect(left.contains(busy), "a held session's temporary is left alone")
        #expect(left.contains(other), "only temporaries of sessions are touched")
        #expect(!left.contains(orphan), "the lock of a session that never saved is removed")
        #expect(left.contains(saved) && left.contains(fresh))
    }

    @Test func hintsNameACommandThatWorksAsTyped() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let elsewhere = try runner.run(["start", "--questionnaire", Self.fixture], input: "n\n", environment: ["PATH": "/usr/bin:/bin"])
        #expect(elsewhere.stderr.contains(ProcessRunner.resumeHint), "the absolute path when nutriscreen is not on PATH: \(elsewhere.stderr)")
        let folder = URL(fileURLWithPath: ProcessRunner.resolvedExecutable).deletingLastPathComponent().path
        let onPath = try runner.run(["resume"], input: "", environment: ["PATH": "\(folder):/usr/bin:/bin"])
        #expect(onPath.stderr.contains("To continue later, run: nutriscreen resume"), "\(onPath.stderr)")
        // Another program called nutriscreen earlier on PATH: the hint must not send you there.
        let decoy = runner.state + "/bin"
        try FileManager.default.createDirectory(atPath: decoy, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: decoy + "/nutriscreen", contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        )
        let shadowed = try runner.run(["resume"], input: "", environment: ["PATH": "\(decoy):\(folder):/usr/bin:/bin"])
        #expect(shadowed.stderr.contains(ProcessRunner.resumeHint), "\(shadowed.stderr)")
    }

    @Test func controlCharactersTypedAtAPromptAreShownEscaped() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        // omnivore skips the B12 question; the medicines question is a multiChoice, notes is free text.
        let result = try runner.run(
            ["start", "--questionnaire", Self.fixture], input: "n\n70\n1\n\u{1B}[41mred\u{7}\n3\nfine\u{1}text\nfine\nq\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            !result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}") && !result.stdout.contains("\u{1}"), "nothing typed is echoed raw")
        #expect(result.stdout.contains("'\\u{1B}[41mred\\u{7}' matches none of the answers, or more than one"), "\(result.stdout)")
        #expect(result.stdout.contains("Please type plain text: 'fine\\u{1}text' holds a control character"))
        let answers = runner.sessions().first?["answers"] as? [String: Any]
        #expect(answers?["notes"] as? String == "fine")
        let named = try runner.run(["start", "--new", "--questionnaire", Self.fixture, "--name", "Ann\u{1B}[2J"], input: "q\n")
        #expect(named.status == 64)
        #expect(named.stderr.contains("'Ann\\u{1B}[2J' holds a control character"), "\(named.stderr)")
        #expect(!named.stderr.contains("\u{1B}"))
    }
}

/// What reaches the PDF.
@Suite struct HostileReportTextTests {
    @Test func aRightToLeftOverrideInTheNameReordersNothingAroundIt() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let answers = runner.state + "/bidi.yaml"
        try
            "name: \"Ann \\u202eSmith\"\ncompleted: 2026-01-31T09:30:00Z\nsudden_weakness: false\nage: 70\ndiet: vegan\nb12_supplement: false\nmedicines: [none]\n"
            .write(toFile: answers, atomically: true, encoding: .utf8)
        let result = try runner.run(["report", "--questionnaire", ProcessRunner.fixture, "--answers", answers, "--out", "bidi.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try PDFText.extract(runner.state + "/bidi.pdf")
        let lines = text.split(separator: "\n").map(String.init)
        let running = try #require(lines.first { $0.contains("NutriScreen screening summary") })
        #expect(running.contains("· completed 31 January 2026, 09:30 UTC"), "the running header reads left to right: \(running)")
        let facts = try #require(lines.first { $0.contains("Name:") })
        #expect(facts.contains(": 70 years"), "\(facts)")
        #expect(lines.contains { $0.contains("Completed: 31 January 2026, 09:30 UTC") }, "\(text.prefix(600))")
        #expect(!text.contains("CTU") && !text.contains("yraunaJ"), "nothing outside the name is reversed")
    }
}

/// Reads a PDF's text with poppler's pdftotext.
enum PDFText {
    static func extract(_ path: String) throws -> String { try poppler(["pdftotext", "-layout", path, "-"]) }

    /// pdfinfo's report, dates in ISO form.
    static func info(_ path: String) throws -> String { try poppler(["pdfinfo", "-isodates", path]) }

    private static func poppler(_ arguments: [String]) throws -> String {
        try Tool.run(arguments[0], Array(arguments.dropFirst()), errors: false).output
    }
}

/// The README's commands on a machine without make, and its exit-code table.
@Suite struct QuickStartTests {
    static let repository = ProcessRunner.repository

    @Test func theQuickStartCommandsAreScriptsThatNeedNoMake() throws {
        let readme = try String(contentsOfFile: Self.repository + "/README.md", encoding: .utf8)
        let quickStart = try #require(readme.components(separatedBy: "## Quick start").dropFirst().first?.components(separatedBy: "\n## ").first)
        let block = try #require(quickStart.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { $0.split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? "" }
        #expect(commands == ["scripts/screen", "scripts/test"], "\(commands)")
        for script in ["scripts/screen", "scripts/test", "scripts/install-deps", "scripts/install", ".ci/run"] {
            let path = Self.repository + "/" + script
            #expect(FileManager.default.isExecutableFile(atPath: path), "\(script) is executable")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains("make ") }, "\(script) runs without make")
        }
        let ci = try String(contentsOfFile: Self.repository + "/.ci/run", encoding: .utf8)
        #expect(ci.split(separator: "\n").last == "scripts/test", "CI runs the README's test command")
    }

    @Test func scriptsScreenPassesTheProgramsExitCodeThrough() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        // A stand-in for swift: builds nothing, and names the folder of the executable under test.
        let fake = runner.state + "/swift"
        let folder = URL(fileURLWithPath: ProcessRunner.executable).deletingLastPathComponent().path
        #expect(
            FileManager.default.createFile(
                atPath: fake, contents: Data("#!/bin/sh\ncase \"$*\" in *--show-bin-path*) echo '\(folder)' ;; esac\nexit 0\n".utf8),
                attributes: [.posixPermissions: 0o755]))
        let process = runner.process([Self.repository + "/scripts/screen", "--questionnaire", ProcessRunner.fixture])
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository + "/scripts/screen", "--questionnaire", ProcessRunner.fixture]
        process.environment = runner.environment.merging(["SWIFT": fake]) { $1 }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data("n\n".utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 75, "input ended early: the program's 75, not a wrapper's own code")
    }

    @Test func everyExitCodeIsDocumentedInTheReadmeAndTheHelp() throws {
        let readme = try String(contentsOfFile: Self.repository + "/README.md", encoding: .utf8)
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let help = try runner.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let help1 = help.replacingOccurrences(of: "  ", with: " ")
        for (code, words) in [
            ("64", "usage"), ("65", "invalid"), ("66", "missing"), ("69", "another nutriscreen process"), ("73", "cannot be written"),
            ("75", "input ended"), ("129", "SIGHUP"), ("130", "Ctrl-C"), ("143", "SIGTERM"),
        ] {
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `\(code)`") }
            #expect(row?.contains(words) == true, "README's exit-code table: \(code) (\(words))")
            #expect(help1.contains("\(code) "), "--help names \(code)")
        }
    }
}
