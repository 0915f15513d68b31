import ArgumentParser
import Dispatch
import Foundation
import Interview
import Localization
import PrivateFiles
import Report
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an interview at the terminal: checks before the first question, one process per
/// session, Ctrl-C and other signals, saving, and what happens at the end; in the
/// questionnaire's language.
struct InterviewRunner {
    let questionnaire: Questionnaire
    let store: SessionStore
    let report: ReportOptions
    /// `--out`: where the PDF goes (its answers file beside it); nil for a new file in Reports/.
    let out: String?
    let console = StandardConsole()
    /// The interview's clock, in the system's zone.
    let clock = Clock.system
    let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)

    /// The program's words, in the questionnaire's language.
    var messages: Messages { questionnaire.messages }
    private var words: Messages.Cli { messages.cli }

    /// How to pick the screening up again, with a command that works as typed (the language
    /// too, when it is not the environment's).
    var resumeHint: String { words.resumeHint(command: Invocation.command + " resume" + languageArgument) }
    /// What an interview left before its first answer says: no empty session is written.
    var nothingSaved: String { words.nothingSaved }

    /// ` --lang es` when the screening's language is not the one the environment gives, so a
    /// command in a hint continues in the same language.
    var languageArgument: String { LanguageOption.argument(for: questionnaire.language) }

    /// Everything that would otherwise stop the screening after questions were answered, checked
    /// before the first one: where the report goes, `SOURCE_DATE_EPOCH`, and that answers can be
    /// saved. Also clears what killed runs left behind (temporary files, lock files).
    func prepare() throws {
        if out == ReportWriter.standardOutput { throw fail(words.interviewToStandardOutput(command: Invocation.command), ExitStatus.usage) }
        try ReportWriter.checkEnvironment(messages)
        if let out {
            do {
                try ReportWriter.checkOutput(out, force: report.force, messages)
                try ReportWriter.checkOutput(Self.answersPath(for: out), force: report.force, messages)
            } catch {
                throw fail(words.nothingAsked(problem: error.message), error.code)
            }
        }
        do {
            try store.checkWritable()
        } catch {
            throw fail(words.cannotSaveAnswers(folder: store.directory, reason: error.reason(messages)), ExitStatus.cannotCreate)
        }
        store.removeLeftovers(now: clock.now)
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
            case .busy: throw fail(words.sessionBusy(path: store.path(of: record)), ExitStatus.sessionInUse)
            case .cannotOpen(let reason): throw fail(words.cannotHoldSession(reason: reason, folder: store.directory), ExitStatus.cannotCreate)
            }
        }
        var record = record
        var answers = AnswerSet()
        if resuming {
            guard let fresh = store.record(id: record.id), fresh.isResumable else {
                throw fail(words.finishedElsewhere, ExitStatus.noInput)
            }
            (record, answers) = reconcile(fresh)
            // Stopped while it was being finished: finished now, nothing asked again (unless the
            // questionnaire changed since, when its review is shown again).
            if fresh.status == .finishing, fresh.contentHash == questionnaire.contentHash {
                console.write(words.finishingAgain + "\n")
                return try ScreeningFinisher(runner: self).finish(answers, record: record, saved: true, lock: lock)
            }
        }

        let saves = SaveState(path: store.path(of: record), messages: messages, resumeHint: resumeHint)
        let signals = Self.exitOnSignals(saves, messages)
        defer { for signal in signals { signal.cancel() } }
        let interviewer = Interviewer(questionnaire: questionnaire, record: record, answers: answers, console: console, style: style, clock: clock) {
            (record) throws(PrivateFile.WriteError) in
            do throws(PrivateFile.WriteError) {
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
        let unsaved = interviewer.lastSaveFailure.map { words.notKept(reason: $0, folder: store.directory) }
        switch outcome {
        case .completed(let final):
            try ScreeningFinisher(runner: self).finish(final, record: interviewer.record, saved: unsaved == nil, lock: lock)
        case .quit:
            if let unsaved { throw fail(unsaved, ExitStatus.cannotCreate) }
            console.write((interviewer.hasSaved ? words.answersSaved(hint: resumeHint) : nothingSaved) + "\n")
        case .endOfInput:
            if let unsaved { throw fail(words.inputEndedUnsaved(problem: unsaved), ExitStatus.cannotCreate) }
            printError(words.inputEnded(saved: interviewer.hasSaved ? words.answersSaved(hint: resumeHint) : nothingSaved))
            throw ExitStatus.incomplete
        case .stoppedAtEmergency:
            console.write("\n" + words.stoppedAtEmergency + "\n")
            if let unsaved { throw fail(unsaved, ExitStatus.cannotCreate) }
            console.write(words.finishLater(command: Invocation.command + " resume" + languageArgument) + "\n")
        }
    }

    /// Whether the latest save worked, read when a signal arrives (on another thread).
    final class SaveState: @unchecked Sendable {
        private let lock = NSLock()
        private var lastSaveSucceeded = true
        let path: String
        let messages: Messages
        let resumeHint: String

        init(path: String, messages: Messages, resumeHint: String) {
            self.path = path
            self.messages = messages
            self.resumeHint = resumeHint
        }

        func record(success: Bool) {
            lock.lock()
            lastSaveSucceeded = success
            lock.unlock()
        }

        /// What to say when the program is stopped now.
        var stopMessage: String {
            lock.lock()
            defer { lock.unlock() }
            let words = messages.cli
            guard access(path, F_OK) == 0 else { return words.nothingSaved }
            return (lastSaveSucceeded ? words.savedSoFar(path: path) : words.lastNotSaved(path: path)) + "\n" + resumeHint
        }
    }

    /// Ctrl-C (SIGINT), SIGTERM and SIGHUP: the session is saved after every answer, so say what
    /// is saved and how to resume, and exit 130, 143 or 129.
    private static func exitOnSignals(_ saves: SaveState, _ messages: Messages) -> [any DispatchSourceSignal] {
        let words = messages.cli
        let handled: [(Int32, String, ExitCode)] = [
            (SIGINT, words.interrupted, ExitStatus.interrupted), (SIGTERM, words.terminated, ExitStatus.terminated),
            (SIGHUP, words.hangUp, ExitStatus.hangUp),
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
        let (answers, dropped) = record.answerSet(for: questionnaire, today: clock.today.day)
        if record.contentHash != questionnaire.contentHash {
            let (old, new) = (record.questionnaireVersion, questionnaire.version)
            console.write(
                (dropped.isEmpty
                    ? words.questionnaireChanged(old: old, new: new, kept: answers.count)
                    : words.questionnaireChangedAskAgain(
                        old: old, new: new, kept: answers.count, dropped: dropped.count, ids: dropped.joined(separator: ", "))) + "\n")
            record.contentHash = questionnaire.contentHash
            record.questionnaireVersion = questionnaire.version
        }
        record.status = .inProgress
        record.questionnairePath = URL(fileURLWithPath: questionnaire.path).standardizedFileURL.path
        return (record, answers)
    }
}
