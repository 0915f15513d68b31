import Foundation

/// Runs a program on the path (qpdf, pdftotext, pdfinfo, python3, strace…) to its end: the one
/// way tests call the tools they check NutriScreen's files with.
public enum Tool {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output, with standard error after it when `errors` was asked for.
        public var output: String
    }

    /// Runs `tool` (a name looked up on the path, or an absolute path) with `arguments`, in
    /// `directory` when given; the output holds standard error too unless `errors` is false.
    public static func run(
        _ tool: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        errors: Bool = true
    ) throws -> Result {
        let process = Process()
        if tool.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
        }
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = errors ? pipe : FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
