import Foundation
import Testing

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
        state = NSTemporaryDirectory() + "nutriscreen-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["XDG_STATE_HOME"] = state
        env["XDG_CACHE_HOME"] = cache
        env["NO_COLOR"] = "1"
        env["HOME"] = state
        env.removeValue(forKey: "NUTRISCREEN_QUESTIONNAIRES")
        return env
    }

    func process(_ arguments: [String], directory: String? = nil, adding variables: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.environment = environment.merging(variables) { _, added in added }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? state)
        return process
    }

    /// Runs to the end with `input` on standard input, with `variables` added to the environment.
    func run(_ arguments: [String], input: String = "", directory: String? = nil, adding variables: [String: String] = [:]) throws -> Result {
        let process = process(arguments, directory: directory, adding: variables)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
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

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: state)
        try? FileManager.default.removeItem(atPath: cache)
    }

    /// The standard output of a tool on the path (pdfinfo, ldd…), run to its end.
    static func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    /// Writes a temporary file and returns its path.
    static func temporaryFile(_ contents: String, suffix: String = ".yaml") -> String {
        let path = NSTemporaryDirectory() + "nutriscreen-" + UUID().uuidString + suffix
        FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
        return path
    }
}
