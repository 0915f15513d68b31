import ArgumentParser
import Dispatch
import Exports
import Foundation
import History
import Localization
import PrivateFiles
import Report
import ReportPDF
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Reports every answers file in a folder, on all cores, with progress, naming each failure
/// without stopping the others.
struct BatchReporter {
    let questionnaire: Questionnaire
    let paper: PaperSize
    let detail: ReportDetail
    let force: Bool
    /// Where to find each person's earlier screenings; nil to leave the comparison out.
    let history: HistoryAccess?

    /// One file that could not be reported.
    struct Failure: Sendable {
        var file: String
        /// One line: `file:line:col: message` for a bad answers file, `nutriscreen: …` otherwise.
        var message: String
        var code: Int32
    }

    /// Results shared between worker threads.
    private final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var done = 0
        private(set) var failures: [Failure] = []
        /// Said after the bar, not through it: a file's report written without its comparison.
        private(set) var warnings: [String] = []
        let total: Int
        let onTerminal: Bool
        let messages: Messages
        private var lastShown = -1

        init(total: Int, onTerminal: Bool, messages: Messages) {
            self.total = total
            self.onTerminal = onTerminal
            self.messages = messages
        }

        func finish(_ failure: Failure?) {
            lock.lock()
            defer { lock.unlock() }
            done += 1
            if let failure { failures.append(failure) }
            show()
        }

        func warn(_ warning: String) {
            lock.lock()
            defer { lock.unlock() }
            warnings.append(warning)
        }

        /// A bar on a terminal; on a pipe, a plain count every tenth of the way.
        private func show() {
            if onTerminal {
                let width = 30
                let filled = total == 0 ? width : done * width / total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let failed = failures.isEmpty ? "" : " " + messages.cli.batchFailed(count: failures.count)
                FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)\(failed)".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            } else {
                let step = max(1, total / 10)
                if done == total || done / step != lastShown {
                    lastShown = done / step
                    FileHandle.standardError.write(Data((messages.cli.batchDone(done: done, total: total) + "\n").utf8))
                }
            }
        }
    }

    func run(answersDir: String, outDir: String) throws {
        let messages = questionnaire.messages
        let words = messages.cli
        guard PrivateFile.isFolder(answersDir) else { throw fail(words.answersDirNotFolder(folder: answersDir), ExitStatus.noInput) }
        guard PrivateFile.isFolder(outDir) else { throw fail(words.outDirMissing(folder: outDir), ExitStatus.cannotCreate) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: answersDir)) ?? [])
            .filter { [".yaml", ".yml", ".json"].contains(where: $0.hasSuffix) && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { throw fail(words.noAnswersFiles(folder: answersDir), ExitStatus.noInput) }

        // The history is opened once, for reading; when it cannot be, the reports go without comparisons.
        var store: HistoryStore?
        if let history {
            do { store = try HistoryStore.open(at: history.path, creating: false).map(history.said) } catch {
                printError("nutriscreen: " + messages.history.reportsWithout(problem: error.message(messages)))
            }
        }
        let outputs = Self.outputNames(names)
        for shared in Dictionary(grouping: names.filter { outputs[$0] == $0 + ".pdf" }, by: PathName.removingExtension).values {
            printError(
                "nutriscreen: "
                    + words.sharedName(
                        files: shared.sorted().joined(separator: ", "), reports: shared.sorted().map { outputs[$0]! }.joined(separator: ", ")))
        }
        let progress = Progress(total: names.count, onTerminal: isatty(STDERR_FILENO) == 1, messages: messages)
        let questionnaire = questionnaire
        let paper = paper
        let detail = detail
        let force = force
        let history = store.flatMap { store in self.history.map { ($0, store) } }
        // One assessor (and its relevance tables) for every file.
        let today = Clock.system.today
        let assessor = Assessor(questionnaire: questionnaire, today: today)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let file = answersDir + "/" + names[index]
            let output = outDir + "/" + outputs[names[index]]!
            progress.finish(
                Self.report(
                    file, to: output, questionnaire: questionnaire, assessor: assessor, paper: paper, detail: detail, force: force,
                    history: history, warn: progress.warn))
        }

        for warning in progress.warnings.sorted() { printError(warning) }
        let failures = progress.failures.sorted { $0.file < $1.file }
        for failure in failures { printError(failure.message) }
        try printOut(words.batchSummary(files: names.count, written: names.count - failures.count, folder: outDir, failed: failures.count), messages)
        if let worst = failures.map(\.code).min() { throw ExitCode(worst) }
    }

    /// Each answers file's PDF: `visit.pdf` for `visit.yaml`, or, when that would be another
    /// file's too (`visit.yaml`, `visit.yml`, `visit.json`: three people), its whole name,
    /// `visit.yaml.pdf`, so no report takes another's place. Whole names never clash (a folder
    /// holds each once), so switching the clashing ones until none clash ends.
    static func outputNames(_ names: [String]) -> [String: String] {
        var whole: Set<String> = []
        while true {
            let outputs = Dictionary(uniqueKeysWithValues: names.map { ($0, (whole.contains($0) ? $0 : PathName.removingExtension($0)) + ".pdf") })
            let clashing = Dictionary(grouping: names) { outputs[$0]! }.values.filter { $0.count > 1 }.joined().filter { !whole.contains($0) }
            guard !clashing.isEmpty else { return outputs }
            whole.formUnion(clashing)
        }
    }

    /// One file: load, assess, render, write. Returns the failure, if any.
    private static func report(
        _ file: String, to output: String, questionnaire: Questionnaire, assessor: Assessor, paper: PaperSize, detail: ReportDetail, force: Bool,
        history: (HistoryAccess, HistoryStore)?, warn: (String) -> Void
    ) -> Failure? {
        let document: AnswersDocument
        do {
            document = try AnswersFile.load(path: file, questionnaire: questionnaire, today: assessor.today)
        } catch {
            let words = questionnaire.messages.cli
            let first = error.diagnostics.first.map { $0.description(questionnaire.messages) } ?? "\(file):1:1: cannot read the answers file"
            let more = error.diagnostics.count > 1 ? " " + words.moreProblems(count: error.diagnostics.count - 1) : ""
            return Failure(file: file, message: first + more, code: (error.unreadable ? ExitStatus.noInput : ExitStatus.dataError).rawValue)
        }
        for note in document.notes { warn(note.description) }
        let assessment = assessor.assess(document)
        var comparison: ScreeningComparison?
        if let (access, store) = history, let owner = ScreeningOwner(assessment) {
            do {
                comparison = try store.comparison(of: assessment, owner: owner, questionnaire: questionnaire, now: access.clock.now)
            } catch {
                warn("nutriscreen: " + questionnaire.messages.history.fileReportWithout(file: file, problem: error.message(questionnaire.messages)))
            }
        }
        do {
            try ReportWriter.produce(
                assessment, paper: paper, detail: detail, to: output, force: force, comparison: comparison)
            return nil
        } catch {
            return Failure(file: file, message: "nutriscreen: \(file): \(error.message)", code: error.code.rawValue)
        }
    }
}
