import Foundation
import Localization
import PrivateFiles
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Sends a written report to a printer through CUPS (`lp`), or opens it in the desktop's PDF
/// viewer (`xdg-open`), and says plainly when there is no CUPS, no printer or no viewer. The PDF
/// goes to `lp` on its standard input, so the print queue, which others may see, holds neither
/// the file's name (it carries the person's) nor the person's name: only "NutriScreen report".
enum ReportPrinter {
    /// Why a report was not printed or opened: always exit 69 (EX_UNAVAILABLE), the PDF stays written.
    typealias Failure = ReportWriter.Failure

    /// Prints the PDF at `path` when `printing` (on `printer`, else the default printer) and opens
    /// it when `open`, saying each through `say`; a failure is said on standard error, and ends
    /// the command with exit 69 once both were tried.
    static func deliver(_ path: String, printing: Bool, printer: String?, open: Bool, _ messages: Messages, say: (String) -> Void) throws {
        var failure: Failure?
        if printing {
            do { say(try print(path, printer: printer, messages)) } catch {
                printError("nutriscreen: " + error.message)
                failure = error
            }
        }
        if open {
            do { say(try self.open(path, messages)) } catch {
                printError("nutriscreen: " + error.message)
                failure = error
            }
        }
        if let failure { throw failure.code }
    }

    /// Prints the PDF at `path` on `printer` (the user's default printer when nil) and says
    /// where it went.
    static func print(_ path: String, printer: String?, _ messages: Messages) throws(Failure) -> String {
        let words = messages.printing
        guard let lp = program(named: "lp") else { throw Failure(message: words.noCUPS(path: path), code: ExitStatus.unavailable) }
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: words.refused(path: path, reason: messages.files.permissionDenied), code: ExitStatus.unavailable)
        }
        defer { try? input.close() }
        let destination = printer.map { ["-d", $0] } ?? []
        let result = run(lp, destination + ["-t", words.jobTitle], input: input)
        guard result.status == 0 else {
            let said = result.said
            let message: String
            if !schedulerRuns() {
                message = words.notRunning(path: path)
            } else if said.contains("No default destination") {
                message = words.noDefaultPrinter(path: path)
            } else if let printer, said.contains("does not exist") {
                message = words.noSuchPrinter(path: path, printer: Printable.quoted(printer))
            } else {
                message = words.refused(path: path, reason: said.isEmpty ? "exit \(result.status)" : said)
            }
            throw Failure(message: message, code: ExitStatus.unavailable)
        }
        // "request id is office-12 (0 file(s))": the job, and the printer before its number.
        let job = result.said.components(separatedBy: "request id is ").dropFirst().first?.split(separator: " ").first.map(String.init) ?? ""
        let queue = job.split(separator: "-").dropLast().joined(separator: "-")
        return words.sent(printer: queue.isEmpty ? (printer ?? "") : queue, job: job)
    }

    /// Whether an offer to print makes sense: CUPS is here and has a default printer for the user.
    static var hasDefaultPrinter: Bool {
        guard let lpstat = program(named: "lpstat") else { return false }
        let result = run(lpstat, ["-d"], input: nil)
        return result.status == 0 && result.said.contains("destination: ")
    }

    /// Opens the PDF at `path` with the desktop's viewer. xdg-open may stay until the viewer
    /// closes, so it is given two seconds to fail and otherwise left to show the report.
    static func open(_ path: String, _ messages: Messages) throws(Failure) -> String {
        let words = messages.printing
        guard let opener = program(named: "xdg-open") else { throw Failure(message: words.noViewer(path: path), code: ExitStatus.unavailable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(message: words.noViewer(path: path), code: ExitStatus.unavailable) }
        let deadline = Clock.system.now.addingTimeInterval(2)
        while process.isRunning, Clock.system.now < deadline { usleep(20_000) }
        if !process.isRunning, process.terminationStatus != 0 {
            throw Failure(message: words.viewerFailed(path: path, code: String(process.terminationStatus)), code: ExitStatus.unavailable)
        }
        return words.opened(path: path)
    }

    /// Whether the CUPS scheduler answers (`lpstat -r`).
    private static func schedulerRuns() -> Bool {
        guard let lpstat = program(named: "lpstat") else { return false }
        let result = run(lpstat, ["-r"], input: nil)
        return result.said.contains("scheduler is running")
    }

    /// The first executable `name` on PATH.
    static func program(named name: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Runs a CUPS command in the C locale (its words are read here), with `input` or nothing on
    /// its standard input, and returns its exit status and what it wrote (both streams, which
    /// are a line or two).
    private static func run(_ executable: String, _ arguments: [String], input: FileHandle?) -> (status: Int32, said: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C"]) { $1 }
        process.standardInput = input ?? FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return (127, "\(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
