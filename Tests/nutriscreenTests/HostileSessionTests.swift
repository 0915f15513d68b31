import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

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
