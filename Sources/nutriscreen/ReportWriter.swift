import ArgumentParser
import Foundation
import PrivateFiles
import ReportPDF
import Screening

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

    /// The creation date: `SOURCE_DATE_EPOCH` if set, else the completion time, else now.
    static func creationDate(completed: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        if let completed, let date = ISO8601.parse(completed) { return date }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
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

    /// Renders and writes the PDF, or says why not. Prints nothing, so batches can collect failures.
    static func produce(_ assessment: Assessment, questionnaire: Questionnaire, paper: PaperSize, to path: String, force: Bool) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !PrivateFile.isFolder(directory) {
            throw Failure(
                message: "cannot write \(path): the folder \(directory) does not exist; create it or choose another --out",
                code: ExitStatus.cannotCreate)
        }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw Failure(message: "\(path) already exists; choose another name or pass --force to replace it", code: ExitStatus.cannotCreate)
        }
        let data: Data
        do {
            data = try ReportPDF.ReportRenderer.pdf(
                assessment, questionnaire: questionnaire, paper: paper, creator: "NutriScreen \(NutriScreen.version)",
                created: creationDate(completed: assessment.completed))
        } catch {
            throw Failure(message: "cannot draw the report for \(path): \(error)", code: ExitCode.failure)
        }
        do {
            try PrivateFile.write(data, to: path, overwrite: force)
        } catch {
            throw Failure(message: error.description, code: ExitStatus.cannotCreate)
        }
    }

    /// Renders and writes the PDF; prints a clear message and throws the exit code on failure.
    static func write(_ assessment: Assessment, questionnaire: Questionnaire, paper: PaperSize, to path: String, force: Bool) throws {
        do {
            try produce(assessment, questionnaire: questionnaire, paper: paper, to: path, force: force)
        } catch {
            throw fail(error.message, error.code)
        }
    }
}
