import ArgumentParser
import Foundation
import Localization
import PrivateFiles
import Report
import ReportPDF
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a report PDF (and optionally its answers) privately and atomically.
enum ReportWriter {
    /// The paper size from the locale: Letter where glibc's LC_PAPER would say so, else A4.
    static func defaultPaper(environment: [String: String] = ProcessInfo.processInfo.environment) -> PaperSize {
        let locale = ["LC_ALL", "LC_PAPER", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let territory = locale.split(separator: ".").first?.split(separator: "_").dropFirst().first.map(String.init) ?? ""
        if ["US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "PA", "SV", "DO", "NI"].contains(territory) { return .letter }
        if !territory.isEmpty { return .a4 }
        if let configured = try? String(contentsOfFile: "/etc/papersize", encoding: .utf8), configured.lowercased().contains("letter") {
            return .letter
        }
        return .a4
    }

    /// `--out -`: standard output.
    static let standardOutput = "-"

    /// Where `start` and `report` write when no `--out` names the file.
    static let reportsFolder = "Reports"

    /// Makes `Reports/` (0700, only the user can open it) when it is missing, as both `start` and
    /// `report` write there without `--out`; returns the words that say so, or nil when it was there.
    static func makeReportsFolder(_ messages: Messages) throws(PrivateFile.WriteError) -> String? {
        guard !PrivateFile.isFolder(reportsFolder) else { return nil }
        try PrivateFile.makeDirectory(reportsFolder)
        let here = FileManager.default.currentDirectoryPath
        return messages.cli.madeReportsFolder(folder: Printable.escaped(here + "/" + reportsFolder))
    }

    /// What `SOURCE_DATE_EPOCH` may be: whole seconds from 1970 to the end of 9999, so the PDF's
    /// dates keep four-digit years.
    static let epochRange: ClosedRange<Int64> = 0...253_402_300_799

    /// The creation date `SOURCE_DATE_EPOCH` fixes, nil when it is unset or empty.
    static func fixedCreationDate(environment: [String: String] = ProcessInfo.processInfo.environment, _ messages: Messages) throws(Failure)
        -> Date?
    {
        guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
        guard let seconds = Int64(text), epochRange.contains(seconds) else {
            throw Failure(
                message: messages.cli.badEpoch(
                    value: Printable.quoted(text), lowest: String(epochRange.lowerBound), highest: String(epochRange.upperBound)),
                code: ExitStatus.usage)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Checks `SOURCE_DATE_EPOCH` before any work; prints a clear message and exits 64 when it is wrong.
    static func checkEnvironment(_ messages: Messages) throws {
        do { _ = try fixedCreationDate(messages) } catch { throw fail(error.message, error.code) }
    }

    /// The creation date: `SOURCE_DATE_EPOCH` if set (checked before), else the completion time, else now.
    static func creationDate(completed: Date?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let fixed = try? fixedCreationDate(environment: environment, .english) { return fixed }
        if let completed { return completed }
        return Date(timeIntervalSince1970: Clock.system.now.timeIntervalSince1970.rounded(.down))
    }

    /// A file name stem such as `nutriscreen-20260301-100000-ann-example`.
    static func stem(completed: Date, name: String?) -> String {
        let slug = (name ?? "").lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "nutriscreen-\(UTCTime(completed).fileStamp)" + (slug.isEmpty ? "" : "-\(slug.prefix(40))")
    }

    /// Why a report could not be written, and the exit code that goes with it.
    struct Failure: Error {
        var message: String
        var code: ExitCode
    }

    /// Why `path` cannot take the report, before any work: its folder is missing, it is a pipe,
    /// device or folder, or it exists and `force` is off. Standard output (`-`) always can.
    static func checkOutput(_ path: String, force: Bool, _ messages: Messages) throws(Failure) {
        guard path != standardOutput else { return }
        let directory = PathName.parent(of: path)
        let words = messages.cli
        if !directory.isEmpty, !PrivateFile.isFolder(directory) {
            throw Failure(message: words.noOutputFolder(path: path, folder: directory), code: ExitStatus.cannotCreate)
        }
        if let problem = PrivateFile.problem(writing: path) {
            let reason = PrivateFile.WriteError(path: path, problem: problem).reason(messages)
            throw Failure(message: words.cannotWriteOutputFile(path: path, reason: reason), code: ExitStatus.cannotCreate)
        }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw Failure(message: messages.files.exists(path: path), code: ExitStatus.cannotCreate)
        }
    }

    /// Renders and writes the PDF (to standard output for `-`), or says why not. Prints nothing
    /// else, so batches can collect failures.
    static func produce(
        _ assessment: Assessment, paper: PaperSize, detail: ReportDetail = .short, to path: String, force: Bool,
        comparison: ScreeningComparison? = nil
    ) throws(Failure) {
        let messages = Messages(assessment.language)
        try checkOutput(path, force: force, messages)
        let data: Data
        do {
            data = try ReportPDF.ReportRenderer.pdf(
                assessment, paper: paper, detail: detail, creator: "NutriScreen \(NutriScreen.version)",
                created: creationDate(completed: assessment.completed), zone: .system, comparison: comparison)
        } catch {
            throw Failure(message: messages.cli.cannotDraw(path: path, reason: "\(error)"), code: ExitCode.failure)
        }
        do {
            if path == standardOutput {
                try PrivateFile.write(data, toDescriptor: STDOUT_FILENO, name: messages.cli.standardOutput)
            } else {
                try PrivateFile.write(data, to: path, overwrite: force)
            }
        } catch {
            throw Failure(message: error.message(messages), code: ExitStatus.cannotCreate)
        }
    }

    /// Renders and writes the PDF; prints a clear message and throws the exit code on failure.
    static func write(
        _ assessment: Assessment, paper: PaperSize, detail: ReportDetail = .short, to path: String, force: Bool,
        comparison: ScreeningComparison? = nil
    ) throws {
        do {
            try produce(assessment, paper: paper, detail: detail, to: path, force: force, comparison: comparison)
        } catch {
            throw fail(error.message, error.code)
        }
    }
}
