import Dispatch
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `nutriscreen` executable as a person or a script would.
struct ProcessRunner {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let fixture = repository + "/Tests/ScreeningTests/Fixtures/basic.yaml"

    /// The executable next to the test bundle.
    static var executable: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("nutriscreen").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repository + "/.build/debug/nutriscreen"
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A private state folder for sessions, removed by the caller.
    let state: String

    init() {
        // A child that exits early must never take the test process down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        state = NSTemporaryDirectory() + "nutriscreen-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = state
        env["XDG_CACHE_HOME"] = cache
        env["XDG_DATA_HOME"] = data
        env["NO_COLOR"] = "1"
        env["HOME"] = state
        env.removeValue(forKey: "NUTRISCREEN_QUESTIONNAIRES")
        env.removeValue(forKey: "NUTRISCREEN_COMMAND")
        // English unless a test asks for another language: the machine's locale must not choose.
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] { env.removeValue(forKey: variable) }
        return env
    }

    /// `executable` (the built nutriscreen unless told) with this runner's environment.
    func process(_ arguments: [String], directory: String? = nil, executable: String = Self.executable) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? state)
        return process
    }

    /// The executable with every link resolved: what hints name when `nutriscreen` is not on PATH.
    static var resolvedExecutable: String { URL(fileURLWithPath: executable).resolvingSymlinksInPath().path }

    /// The hint an interview prints when the executable is not on PATH.
    static var resumeHint: String { "To continue later, run: \(resolvedExecutable) resume" }

    /// Runs to the end with `input` on standard input; `environment` adds to or replaces
    /// variables. A run still going after `timeout` seconds is killed and reported with status -1
    /// (a hang must fail the test, never the suite). `executable` runs another program (a
    /// script, a shell) the same way.
    func run(
        _ arguments: [String], input: String = "", directory: String? = nil, environment extra: [String: String] = [:], timeout: Double = 120,
        executable: String = Self.executable
    ) throws -> Result {
        let process = process(arguments, directory: directory, executable: executable)
        process.environment = environment.merging(extra) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isOut) in [(stdout.fileHandleForReading, true), (stderr.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        process.waitUntilExit()
        killer.cancel()
        _ = group.wait(timeout: .now() + 10)
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Result(
            status: killed ? -1 : process.terminationStatus, stdout: String(decoding: collected.out, as: UTF8.self),
            stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// Starts `arguments` (output thrown away), and kills it with SIGKILL after a random number of
    /// microseconds in `delay`, waiting for its end.
    func killMidway(_ arguments: [String], after delay: ClosedRange<UInt32>) throws {
        let process = process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(UInt32.random(in: delay))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Output read on other threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data()
        private(set) var err = Data()
        func set(_ data: Data, isOut: Bool) {
            lock.lock()
            if isOut { out = data } else { err = data }
            lock.unlock()
        }
    }

    /// An interview left running, driven line by line.
    final class Session {
        let process: Process
        private let stdin = Pipe()
        private let stdout = Pipe()
        private let stderr = Pipe()
        private(set) var screen = ""

        init(_ runner: ProcessRunner, _ arguments: [String], environment extra: [String: String] = [:]) throws {
            process = runner.process(arguments)
            process.environment = runner.environment.merging(extra) { $1 }
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stderr
            try process.run()
        }

        func type(_ line: String) { stdin.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        /// Reads the screen until it shows `count` prompts in all (or 20 s pass).
        func waitForPrompts(_ count: Int) {
            let deadline = Date().addingTimeInterval(20)
            while screen.components(separatedBy: "\n> ").count - 1 < count, Date() < deadline {
                let data = stdout.fileHandleForReading.availableData
                if data.isEmpty { break }
                screen += String(decoding: data, as: UTF8.self)
            }
        }

        /// Ends input, waits for the end, and returns the exit status and what went to standard error.
        func finish(closingInput: Bool = true) -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
            if closingInput { try? stdin.fileHandleForWriting.close() }
            let rest = stdout.fileHandleForReading.readDataToEndOfFile()
            screen += String(decoding: rest, as: UTF8.self)
            let err = stderr.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, process.terminationReason, String(decoding: err, as: UTF8.self))
        }
    }

    /// The saved session files, decoded as JSON objects.
    func sessions() -> [[String: Any]] {
        let folder = state + "/nutriscreen"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
    }

    /// Where checked questionnaires are kept between runs (outside `state`, which tests expect
    /// to hold only what a command wrote for the person).
    var cache: String { state + "-cache" }

    /// Where the screening history goes (outside `state`, like the cache).
    var data: String { state + "-data" }

    /// The screening history's file.
    var history: String { data + "/nutriscreen/history.sqlite" }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: state)
        try? FileManager.default.removeItem(atPath: cache)
        try? FileManager.default.removeItem(atPath: data)
    }

    /// The standard output of a tool on the path (pdfinfo, ldd…), run to its end.
    static func output(of tool: String, _ arguments: [String]) throws -> String {
        try Tool.run(tool, arguments, errors: false).output
    }

    /// A stand-in for swift in this runner's folder, for running scripts/screen: it builds
    /// nothing, and names the folder of the executable under test as the build's.
    func fakeSwift() -> String {
        let fake = state + "/swift"
        let folder = URL(fileURLWithPath: Self.executable).deletingLastPathComponent().path
        #expect(
            FileManager.default.createFile(
                atPath: fake, contents: Data("#!/bin/sh\ncase \"$*\" in *--show-bin-path*) echo '\(folder)' ;; esac\nexit 0\n".utf8),
                attributes: [.posixPermissions: 0o755]))
        return fake
    }

    /// Writes a temporary file and returns its path.
    static func temporaryFile(_ contents: String, suffix: String = ".yaml") -> String {
        let path = NSTemporaryDirectory() + "nutriscreen-" + UUID().uuidString + suffix
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8)), "cannot write \(path)")
        return path
    }
}
