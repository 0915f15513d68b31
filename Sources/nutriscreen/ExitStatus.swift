import ArgumentParser
import Foundation
import Localization
import PrivateFiles
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// The exit codes the tool uses (BSD sysexits where one fits; 128 + the signal for signals).
enum ExitStatus {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    /// Another nutriscreen process is running the same session.
    static let sessionInUse = ExitCode(69)
    /// A service the command needs is not there: CUPS, a printer, a PDF viewer (EX_UNAVAILABLE).
    static let unavailable = ExitCode(69)
    static let cannotCreate = ExitCode(73)
    static let incomplete = ExitCode(75)
    static let hangUp = ExitCode(129)
    static let interrupted = ExitCode(130)
    static let terminated = ExitCode(143)
}

/// Writes one line to standard error, control characters escaped so it stays one line.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((Printable.escaped(message) + "\n").utf8))
}

/// Prints `message` on standard error and ends the command with `code`.
func fail(_ message: String, _ code: ExitCode) -> ExitCode {
    printError("nutriscreen: \(message)")
    return code
}

/// Writes `text` and a newline to standard output, each line's control characters escaped (as
/// `printError` does): a name or path from a file, an argument or the history reaches the
/// terminal as text, never as an escape sequence. Ends the command with exit 73 when it cannot be
/// written (a full disk, a closed pipe): output that was lost is never a success.
func printOut(_ text: String, _ messages: Messages) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Printable.escaped)
    try printStyled(lines.joined(separator: "\n"), messages)
}

/// Writes `text` and a newline as it is: text whose every line was escaped before `TextStyle`
/// added its bold and colour (`AssessmentSummary`, `ComparisonSummary`).
func printStyled(_ text: String, _ messages: Messages) throws {
    try writeOut(Data((text + "\n").utf8), messages)
}

/// Writes bytes to standard output; see `printOut`.
func writeOut(_ data: Data, _ messages: Messages) throws {
    do {
        try PrivateFile.write(data, toDescriptor: STDOUT_FILENO, name: messages.cli.standardOutput)
    } catch {
        throw fail(messages.cli.cannotWriteOutput(reason: error.reason(messages)), ExitStatus.cannotCreate)
    }
}
