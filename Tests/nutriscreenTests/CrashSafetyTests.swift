import Foundation
import Screening
import TestSupport
import Testing

/// Kill -9 at many points, interrupted report writes, and no network use.
@Suite(.serialized) struct CrashSafetyTests {
    static let kills = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_KILLS"] ?? "") ?? 8
    static let questionnaire = ProcessRunner.repository + "/Questionnaires/neuro-nutrition.yaml"
    /// Valid answers for the first questions of the default screening: "None of these" to both
    /// warning-sign lists, a date of birth (which answers the age too), male, no symptoms of
    /// either kind, then the first option. It stays shorter than the questions this path asks
    /// (about 33), so every line answers a question.
    static let script = ["10", "8", "14 March 1980", "2", "15", "15"] + Array(repeating: "1", count: 24)

    /// Reads from a pipe until `text` has appeared `count` times, or the deadline passes.
    private func readUntil(_ handle: FileHandle, occurrences count: Int, of text: String, buffer: inout String, deadline: Date) {
        while buffer.components(separatedBy: text).count - 1 < count, Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
        }
    }

    @Test func killingTheInterviewAnywhereKeepsEveryAcknowledgedAnswer() throws {
        for round in 0..<Self.kills {
            let runner = ProcessRunner()
            defer { runner.cleanUp() }
            let process = runner.process(["start", "--questionnaire", Self.questionnaire])
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let target = Int.random(in: 1..<Self.script.count - 1)
            var screen = ""
            var acknowledged = 0
            for (index, answer) in Self.script.enumerated() {
                stdin.fileHandleForWriting.write(Data((answer + "\n").utf8))
                if index == target {
                    // Kill at a random moment while this answer is being saved (or just after).
                    usleep(UInt32.random(in: 0...3000))
                    break
                }
                // The next prompt means the answer was saved: it is acknowledged.
                readUntil(stdout.fileHandleForReading, occurrences: index + 2, of: "\n> ", buffer: &screen, deadline: Date().addingTimeInterval(10))
                acknowledged = index + 1
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let sessions = runner.sessions()
            #expect(sessions.count == 1, "round \(round): the session file must always be readable")
            let saved = sessions.first?["answers"] as? [String: Any] ?? [:]
            #expect(saved.count >= acknowledged, "round \(round): \(saved.count) saved, \(acknowledged) acknowledged")
            if acknowledged >= 3 {
                #expect(saved["birth_date"] as? String == "1980-03-14", "round \(round)")
                #expect(saved["age"] as? Int == CalendarDate(year: 1980, month: 3, day: 14)!.years(until: Today.machine.day), "round \(round)")
            }
            let resumed = try runner.run(["resume"], input: "")
            #expect(resumed.status == 75, "round \(round): resume loads the session, then input ends: \(resumed.stderr)")
            // The age is worked out from the date of birth, not asked.
            let asked = saved.count - (saved["birth_date"] != nil ? 1 : 0)
            #expect(resumed.stdout.contains("question \(asked + 1) of up to") || asked >= 12, "round \(round)")
            let after = runner.sessions().first?["answers"] as? [String: Any] ?? [:]
            #expect(after.count == saved.count, "round \(round): resuming lost answers")
        }
    }

    @Test func aKilledReportWriteLeavesNoPartialPDF() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/killed.pdf"
        for round in 0..<Self.kills {
            try? FileManager.default.removeItem(atPath: out)
            try runner.killMidway(
                ["report", "--answers", ProcessRunner.repository + "/Reports/sample-answers.yaml", "--out", out, "--force"], after: 0...250_000)
            if FileManager.default.fileExists(atPath: out) {
                #expect(try Tool.run("qpdf", ["--check", out]).status == 0, "round \(round): a partial PDF was left at the output path")
            }
        }
    }

    /// A report, and keeping screenings in the history (SQLite), open no socket to a network.
    @Test(arguments: [
        ["report", "--answers", ProcessRunner.repository + "/Reports/sample-answers.yaml", "--out", "net.pdf"],
        ["history", "import", ProcessRunner.repository + "/Reports/sample-answers.yaml"],
    ])
    func theToolOpensNoNetworkConnection(command: [String]) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let log = runner.state + "/strace.log"
        let traced = try Tool.run(
            "strace", ["-f", "-qq", "-e", "trace=socket,connect", "-o", log, ProcessRunner.executable] + command,
            environment: runner.environment, directory: runner.state)
        #expect(traced.status == 0, "\(traced.output)")
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!calls.contains("AF_INET"), "\(calls)")
        #expect(!calls.contains("AF_INET6"))
    }
}
