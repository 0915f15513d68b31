import ArgumentParser
import Foundation

/// The exit codes the tool uses (BSD sysexits where one fits).
enum ExitStatus {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let incomplete = ExitCode(75)
    static let interrupted = ExitCode(130)
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints `message` on standard error and ends the command with `code`.
func fail(_ message: String, _ code: ExitCode) -> ExitCode {
    printError("nutriscreen: \(message)")
    return code
}
