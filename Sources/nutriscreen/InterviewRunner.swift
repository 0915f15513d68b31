import ArgumentParser
import Dispatch
import Foundation
import Interview
import PrivateFiles
import Report
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an interview at the terminal: checks before the first question, one process per
/// session, Ctrl-C and other signals, saving, and what happens at the end.
struct InterviewRunner {
    let questionnaire: Questionnaire
    let store: SessionStore
    let report: ReportOptions
    let console = StandardConsole()
    let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)

    /// How to pick the screening up again, with a command that works as typed.
    static var resumeHint: String { "To continue later, run: \(Invocation.command) resume" }
    /// What an interview left before its first answer says: no empty session is written.
    static let nothingSaved = "Nothing was saved yet (no answer was given); there is nothing to resume."

    /// Everything that would otherwise stop the screening after questions were answered, checked
    /// before the first one: where the report goes, `SOURCE_DATE_EPOCH`, and that answers can be
    /// saved. Also clears what killed runs left behind (temporary files, lock files).
    func prepare() throws {
        if report.toStandardOutput {
            throw fail(
                "--out - (standard output) is for nutriscreen report; a screening asks its questions on standard output. Give --out FILE.pdf, or run \(Invocation.command) report --answers FILE --out - afterwards",
                ExitStatus.usage)
        }
        try ReportWriter.checkEnvironment()
        if let out = report.out {
            do {
                try ReportWriter.checkOutput(out, force: report.force)
                try ReportWriter.checkOutput(Self.answersPath(for: out), force: report.force)
            } catch {
                throw fail("\(error.message); nothing was asked", error.code)
            }
        }
        do {
            try store.checkWritable()
        } catch {
            throw fail(
                "cannot save answers in \(store.directory) (\(error.reason)), so the screening was not started. Set XDG_STATE_HOME to a folder you can write to (answers go in $XDG_STATE_HOME/nutriscreen)",
                ExitStatus.cannotCreate)
        }
        store.removeLeftovers()
    }

    /// The answers file that goes with a report.
    static func answersPath(for pdf: String) -> String { PathName.removingExtension(pdf) + ".answers.yaml" }

    /// Runs a new session, or a saved one (`resuming`), to its end. The session is held for
    /// this process first; a saved one is then read again, as another process may have moved it on.
    func run(record: SessionRecord, resuming: Bool) throws {
        let lock: SessionLock
        do {
            lock = try store.lock(record)
        } catch {
            switch error {
            case .busy:
                throw fail(
                    "this screening (\(store.path(of: record))) is open in another nutriscreen process; finish or quit it there first",
                    ExitStatus.sessionInUse)
            case .cannotOpen(let reason):
                throw fail("cannot hold this screening for this process (\(reason)) in \(store.directory)", ExitStatus.cannotCreate)
            }
        }
        var record = record
        var answers = AnswerSet()
        if resuming {
            guard let fresh = store.record(id: record.id), fresh.isResumable else {
                throw fail("that screening was finished in another nutriscreen process meanwhile; nothing to resume", ExitStatus.noInput)
            }
            (record, answers) = reconcile(fresh)
        }

        let saves = SaveState(path: store.path(of: record))
        let signals = Self.exitOnSignals(saves)
        defer { signals.forEach { $0.cancel() } }
        let interviewer = Interviewer(questionnaire: questionnaire, record: record, answers: answers, console: console, style: style) { record in
            do {
                try store.save(record)
                saves.record(success: true)
            } catch {
                saves.record(success: false)
                throw error
            }
        }
        if answers.isEmpty {
            console.write("\(style.bold(questionnaire.title))\n\(questionnaire.description)\n")
        }
        // The name is asked at a terminal; a script passes --name.
        let outcome = interviewer.run(askingForName: !resuming && isatty(STDIN_FILENO) == 1)
        let unsaved = interviewer.lastSaveFailure.map {
            "your answers could not be saved (\($0)), so nothing was kept; check that \(store.directory) can be written"
        }
        switch outcome {
        case .completed(let final):
            let assessment = Assessor(questionnaire: questionnaire, pruning: true, recordsAsked: false).assess(
                final, name: interviewer.record.name, completed: interviewer.record.completed)
            // Kept in the screening history (compared with the person's last screening first);
            // a history that cannot be used is said, and stops nothing.
            let document = AnswersDocument(answers: final, name: interviewer.record.name, completed: interviewer.record.completed)
            let kept = HistoryAccess.standard.keep(
                assessment, document: document, questionnaire: questionnaire, session: store.path(of: interviewer.record))
            console.write("\n" + AssessmentSummary.text(assessment, style: style) + "\n")
            if let comparison = kept.comparison { console.write("\n" + ComparisonSummary.text(comparison, style: style) + "\n") }
            let answersPath = try writeReport(
                assessment, answers: final, record: interviewer.record, saved: unsaved == nil, comparison: kept.comparison)
            if kept.failed { printError(kept.notice(answersPath)) } else { console.write(kept.notice(answersPath) + "\n") }
            lock.releaseAndRemove()
        case .quit:
            if let unsaved { throw fail(unsaved, ExitStatus.cannotCreate) }
            console.write(interviewer.hasSaved ? "Your answers are saved. \(Self.resumeHint)\n" : Self.nothingSaved + "\n")
        case .endOfInput:
            if let unsaved { throw fail("input ended; \(unsaved)", ExitStatus.cannotCreate) }
            let saved = interviewer.hasSaved ? "Your answers are saved. \(Self.resumeHint)" : Self.nothingSaved
            printError("Input ended before the screening was finished. \(saved)")
            throw ExitStatus.incomplete
        case .stoppedAtEmergency:
            console.write("\nYou chose to stop. If this is an emergency, call your local emergency number now.\n")
            if let unsaved { throw fail(unsaved, ExitStatus.cannotCreate) }
            console.write("Your answers are saved; you can finish later with: \(Invocation.command) resume\n")
        }
    }

    /// Writes the answers file and the PDF, and says where they are. Neither replaces a file
    /// without `--force` (checked before the first question too). Returns the answers file's path.
    private func writeReport(
        _ assessment: Assessment, answers: AnswerSet, record: SessionRecord, saved: Bool, comparison: ScreeningComparison?
    ) throws -> String {
        let safe = saved ? " Your answers are safe in \(store.path(of: record))." : ""
        if report.out == nil, !PrivateFile.isFolder("Reports") {
            do { try PrivateFile.makeDirectory("Reports") } catch { throw fail("\(error.description).\(safe)", ExitStatus.cannotCreate) }
        }
        let pdf = report.out ?? Self.unusedPath(stem: "Reports/" + ReportWriter.stem(completed: record.completed ?? Date(), name: record.name))
        let answersPath = Self.answersPath(for: pdf)
        let document = AnswersDocument(answers: answers, name: record.name, completed: record.completed)
        do {
            try PrivateFile.write(Data(document.yaml(for: questionnaire).utf8), to: answersPath, overwrite: report.force)
        } catch {
            throw fail("\(error.description).\(safe)", ExitStatus.cannotCreate)
        }
        try ReportWriter.write(
            assessment, questionnaire: questionnaire, paper: report.paper ?? ReportWriter.defaultPaper(), detail: report.detail, to: pdf,
            force: report.force, comparison: comparison)
        console.write(
            "\nYour report: \(pdf)\nYour answers: \(answersPath) (regenerate the report with: \(Invocation.command) report --answers \(Invocation.shellQuoted(answersPath)) --force)\n"
        )
        return answersPath
    }

    /// `stem.pdf`, or `stem-2.pdf`, … when that PDF or its answers file exists.
    static func unusedPath(stem: String) -> String {
        var candidate = stem + ".pdf"
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) || FileManager.default.fileExists(atPath: answersPath(for: candidate)) {
            candidate = "\(stem)-\(number).pdf"
            number += 1
        }
        return candidate
    }

    /// Whether the latest save worked, read when a signal arrives (on another thread).
    final class SaveState: @unchecked Sendable {
        private let lock = NSLock()
        private var lastSaveSucceeded = true
        let path: String

        init(path: String) { self.path = path }

        func record(success: Bool) {
            lock.lock()
            lastSaveSucceeded = success
            lock.unlock()
        }

        /// What to say when the program is stopped now.
        var stopMessage: String {
            lock.lock()
            defer { lock.unlock() }
            guard access(path, F_OK) == 0 else { return InterviewRunner.nothingSaved }
            let saved = lastSaveSucceeded ? "Your answers so far are saved" : "Your last answer could not be saved; the answers before it are"
            return "\(saved) in \(path).\n\(InterviewRunner.resumeHint)"
        }
    }

    /// Ctrl-C (SIGINT), SIGTERM and SIGHUP: the session is saved after every answer, so say what
    /// is saved and how to resume, and exit 130, 143 or 129.
    private static func exitOnSignals(_ saves: SaveState) -> [any DispatchSourceSignal] {
        let handled: [(Int32, String, ExitCode)] = [
            (SIGINT, "Interrupted", ExitStatus.interrupted), (SIGTERM, "Stopped (SIGTERM)", ExitStatus.terminated),
            (SIGHUP, "The terminal closed (SIGHUP)", ExitStatus.hangUp),
        ]
        return handled.map { number, what, code in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                FileHandle.standardError.write(Data("\n\(what). \(saves.stopMessage)\n".utf8))
                exit(code.rawValue)
            }
            source.resume()
            return source
        }
    }

    /// A saved session's answers against the questionnaire as it is now, saying what changed.
    func reconcile(_ record: SessionRecord) -> (SessionRecord, AnswerSet) {
        var record = record
        let (answers, dropped) = record.answerSet(for: questionnaire)
        if record.contentHash != questionnaire.contentHash {
            console.write(
                "The questionnaire has changed since this screening was saved (version \(record.questionnaireVersion) → \(questionnaire.version)). \(answers.count) answer(s) still fit and are kept"
            )
            console.write(
                dropped.isEmpty ? ".\n" : "; \(dropped.count) no longer fit and will be asked again (\(dropped.joined(separator: ", "))).\n")
            record.contentHash = questionnaire.contentHash
            record.questionnaireVersion = questionnaire.version
        }
        record.status = .inProgress
        record.questionnairePath = URL(fileURLWithPath: questionnaire.path).standardizedFileURL.path
        return (record, answers)
    }
}
