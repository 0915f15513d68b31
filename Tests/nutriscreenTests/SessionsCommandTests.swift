import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `nutriscreen sessions`: the unfinished screenings listed (whose, started, how far, saved) and
/// discarded, one or all, asking at a terminal and needing --yes elsewhere; never one another
/// process has open.
@Suite(.serialized) struct SessionsCommandTests {
    /// Two unfinished screenings of the basic fixture: Ann's after two answers (at question 3 of
    /// up to 7, as ResumeSummaryTests works out), then Bob's after one (at question 2).
    static func twoSessions(_ runner: ProcessRunner) throws {
        let ann = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Ann Example"], input: "n\n70\nq\n")
        #expect(ann.status == 0, "\(ann.stderr)")
        // Saved a second later: sessions are saved to the second, and the later one comes first.
        usleep(1_100_000)
        let bob = try runner.run(["start", "--new", "--questionnaire", ProcessRunner.fixture, "--name", "Bob Example"], input: "n\nq\n")
        #expect(bob.status == 0, "\(bob.stderr)")
        #expect(runner.sessions().count == 2)
    }

    /// The listed line of the screening numbered `number`.
    static func line(_ number: Int, in listing: String) -> String? {
        listing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("\(number). ") }
    }

    static func names(_ runner: ProcessRunner) -> Set<String> { Set(runner.sessions().compactMap { $0["name"] as? String }) }

    @Test func itListsWhoseWhenAndHowFar() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let empty = try runner.run(["sessions"])
        #expect(empty.status == 0 && empty.stdout.contains("No unfinished screenings in \(runner.state)/nutriscreen."), "\(empty.stdout)")
        try Self.twoSessions(runner)
        let listed = try runner.run(["sessions"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let ann = try #require(Self.line(2, in: listed.stdout), "\(listed.stdout)")
        #expect(ann.hasPrefix("2. Ann Example · started today at "), "\(ann)")
        #expect(ann.contains(" · at question 3 of up to 7 · saved today at "), "\(ann)")
        let bob = try #require(Self.line(1, in: listed.stdout))
        #expect(bob.hasPrefix("1. Bob Example · started today at ") && bob.contains("at question 2 of up to "), "\(bob)")
        #expect(!listed.stdout.contains("another nutriscreen process"))
        #expect(listed.stdout.contains("Continue the latest (1) with: \(ProcessRunner.resolvedExecutable) resume"))
        #expect(listed.stdout.contains("sessions discard NUMBER; or every one with: "), "\(listed.stdout)")
        #expect(try runner.run(["sessions", "list"]).stdout == listed.stdout)
        let spanish = try runner.run(["sessions", "--lang", "es"])
        #expect(spanish.stdout.contains("Cribados sin terminar en "), "\(spanish.stdout)")
        #expect(
            try #require(Self.line(2, in: spanish.stdout)).contains("· en la pregunta 3 de 7 como máximo · guardado hoy a las "), "\(spanish.stdout)")
    }

    /// Not at a terminal, discard needs --yes (exit 64, with the command to run); with it, the
    /// numbered one goes and the other stays; a number that is not listed is exit 66.
    @Test func withoutATerminalItNeedsYes() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try Self.twoSessions(runner)
        let refused = try runner.run(["sessions", "discard", "2"])
        #expect(refused.status == 64 && refused.stderr.contains("add --yes: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("sessions discard 2 --yes"), "\(refused.stderr)")
        #expect(Self.names(runner) == ["Ann Example", "Bob Example"])
        let both = try runner.run(["sessions", "discard", "2", "--all", "--yes"])
        #expect(both.status == 64 && Self.names(runner).count == 2, "\(both.stderr)")
        let missing = try runner.run(["sessions", "discard", "3", "--yes"])
        #expect(missing.status == 66 && missing.stderr.contains("no unfinished screening number 3 (2 now)"), "\(missing.stderr)")
        let annID = try #require(runner.sessions().first { $0["name"] as? String == "Ann Example" }?["id"] as? String)
        let gone = try runner.run(["sessions", "discard", "2", "--yes"])
        #expect(gone.status == 0 && gone.stdout.contains("Discarded screening 2 (Ann Example, started today at "), "\(gone.stdout)")
        #expect(Self.names(runner) == ["Bob Example"])
        let files = try FileManager.default.contentsOfDirectory(atPath: runner.state + "/nutriscreen")
        #expect(files.allSatisfy { !$0.contains(annID) }, "its file and lock are gone: \(files)")
        let all = try runner.run(["sessions", "discard", "--all", "--yes"])
        #expect(all.status == 0 && runner.sessions().isEmpty, "\(all.stderr)")
        let none = try runner.run(["sessions", "discard", "--all", "--yes"])
        #expect(none.status == 66 && none.stderr.contains("no unfinished screening to discard"), "\(none.stderr)")
    }

    /// At a terminal (`script`'s pseudo-terminal) discard asks: anything but yes keeps the
    /// screening (exit 1), yes discards it.
    @Test func atATerminalItAsks() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try Self.twoSessions(runner)
        let command = "\(ProcessRunner.executable) sessions discard --all"
        let kept = try runner.run(["-qec", command, "/dev/null"], input: "n\n", executable: "/usr/bin/script")
        #expect(
            kept.stdout.contains("Discard all 2 unfinished screenings? Their answers cannot be brought back. Type y to discard them:"),
            "\(kept.stdout)")
        #expect(kept.status == 1 && kept.stdout.contains("Nothing was discarded."), "\(kept.stdout)")
        #expect(runner.sessions().count == 2)
        let one = "\(ProcessRunner.executable) sessions discard 1"
        let asked = try runner.run(["-qec", one, "/dev/null"], input: "y\n", executable: "/usr/bin/script")
        #expect(asked.stdout.contains("Discard screening 1 (Bob Example, started today at "), "\(asked.stdout)")
        #expect(asked.status == 0 && Self.names(runner) == ["Ann Example"], "\(asked.stdout)")
    }

    /// A screening whose interview is running in another process is shown as open and is never
    /// discarded (exit 69); the others are.
    @Test func aScreeningOpenElsewhereIsLeftAlone() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try Self.twoSessions(runner)
        let running = try ProcessRunner.Session(runner, ["resume", "--questionnaire", ProcessRunner.fixture])
        running.waitForPrompts(1)
        let listed = try runner.run(["sessions"])
        #expect(try #require(Self.line(1, in: listed.stdout)).hasSuffix(" · open in another nutriscreen process now"), "\(listed.stdout)")
        #expect(Self.line(2, in: listed.stdout)?.contains("another nutriscreen process") == false)
        let all = try runner.run(["sessions", "discard", "--all", "--yes"])
        #expect(all.status == 69, "\(all.stderr)")
        #expect(all.stderr.contains("screening 1 (Bob Example, started today at "), "\(all.stderr)")
        #expect(all.stderr.contains("is open in another nutriscreen process, so it was left alone"), "\(all.stderr)")
        #expect(all.stdout.contains("Discarded screening 2 (Ann Example"), "\(all.stdout)")
        #expect(Self.names(runner) == ["Bob Example"])
        running.type("q")
        #expect(running.finish().status == 0)
        #expect(Self.names(runner) == ["Bob Example"], "quitting saves the open one again")
    }

    /// Starting anew instead of continuing keeps the old screening, and says how to see or
    /// discard it; history forget names the command too.
    @Test func theOtherCommandsPointToIt() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        _ = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: "n\nq\n")
        let anew = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: "n\nq\n")
        #expect(
            anew.stdout.contains(
                "The unfinished screening is kept. See or discard unfinished screenings with: \(ProcessRunner.resolvedExecutable) sessions"),
            "\(anew.stdout)")
        // history forget no longer points here: it deletes the person's sessions itself (ForgetTests).
    }
}
