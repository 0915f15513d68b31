import Foundation
import Interview
import Localization
import PrivateFiles
import Report
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Finishes a screening whose every question is answered, in an order that loses nothing if the
/// program is stopped at any instant. The session is saved as finishing (still resumable) before
/// this begins; then the answers file is written (on the disk before it is renamed into place),
/// the history keeps the screening, the report is written, and only then is the session marked
/// completed. Stopped before that, `resume` finishes it again: the history keeps a screening once
/// (the same person and completed time), and a new answers file goes beside the first.
struct ScreeningFinisher {
    let runner: InterviewRunner

    private var questionnaire: Questionnaire { runner.questionnaire }
    private var messages: Messages { runner.messages }
    private var words: Messages.Cli { messages.cli }
    private var console: StandardConsole { runner.console }

    /// Finishes `record` with `answers`. `saved` says whether the session file holds them (its
    /// last save worked), so a failure may point to it and to `resume`.
    func finish(_ answers: AnswerSet, record: SessionRecord, saved: Bool, lock: SessionLock) throws {
        let store = runner.store
        let document = AnswersDocument(answers: answers, name: record.name, completed: record.completed)
        let assessment = Assessor(questionnaire: questionnaire, today: runner.clock.today).assess(document)
        let session = store.path(of: record)
        let safe = saved ? " " + words.answersSafe(path: session, command: Invocation.command + " resume" + runner.languageArgument) : ""
        let report = runner.report
        if runner.out == nil {
            do {
                if let made = try ReportWriter.makeReportsFolder(messages) { console.write(made + "\n") }
            } catch { throw fail(error.message(messages) + "." + safe, ExitStatus.cannotCreate) }
        }
        let stem = ReportWriter.stem(completed: record.completed ?? runner.clock.now, name: record.name)
        let pdf = runner.out ?? Self.unusedPath(stem: ReportWriter.reportsFolder + "/" + stem)
        let answersPath = InterviewRunner.answersPath(for: pdf)
        do {
            try PrivateFile.write(Data(document.yaml(for: questionnaire).utf8), to: answersPath, overwrite: report.force)
        } catch {
            throw fail(error.message(messages) + "." + safe, ExitStatus.cannotCreate)
        }
        // Kept in the screening history (compared with the person's last screening first); a
        // history that cannot be used is said, and stops nothing: the answers file is written.
        let kept = HistoryAccess.standard(messages).keep(assessment, document: document, questionnaire: questionnaire, session: session)
        console.write("\n" + AssessmentSummary.text(assessment, style: runner.style) + "\n")
        if let comparison = kept.comparison {
            console.write("\n" + ComparisonSummary.text(comparison, messages, zone: runner.clock.zone, style: runner.style) + "\n")
        }
        let again = Invocation.command + " report --answers " + Invocation.shellQuoted(answersPath) + runner.languageArgument + " --force"
        do {
            try ReportWriter.write(
                assessment, paper: report.paper ?? ReportWriter.defaultPaper(), detail: report.detail, to: pdf,
                force: report.force, comparison: kept.comparison)
        } catch {
            // The screening is on disk; the report can be written again from its answers file.
            completed(record, lock: lock)
            console.write("\n" + words.yourAnswers(path: answersPath, command: again) + "\n")
            throw error
        }
        completed(record, lock: lock)
        console.write("\n" + words.yourReport(path: pdf) + "\n" + words.yourAnswers(path: answersPath, command: again) + "\n")
        if kept.failed { printError(kept.notice(answersPath)) } else { console.write(kept.notice(answersPath) + "\n") }
        try ReportPrinter.deliver(pdf, printing: report.printing || offerToPrint(), printer: report.printer, open: report.open, messages) {
            console.write($0 + "\n")
        }
    }

    /// At a terminal, with a default printer and no --print: asks whether to print the report.
    private func offerToPrint() -> Bool {
        guard isatty(STDIN_FILENO) == 1, ReportPrinter.hasDefaultPrinter else { return false }
        let yes = messages.answers.yesWords
        console.write("\n" + messages.printing.offer(yes: yes[0]) + "\n> ")
        return console.readLine().map { Messages.isOne(of: yes, $0) } ?? false
    }

    /// Marks the session completed and lets it go. Should the save fail, the session stays
    /// finishing and `resume` finishes it again, which loses nothing.
    private func completed(_ record: SessionRecord, lock: SessionLock) {
        var record = record
        record.status = .completed
        record.updated = runner.clock.now
        try? runner.store.save(record)
        lock.releaseAndRemove()
    }

    /// `stem.pdf`, or `stem-2.pdf`, … when that PDF or its answers file exists.
    static func unusedPath(stem: String) -> String {
        var candidate = stem + ".pdf"
        var number = 2
        while FileManager.default.fileExists(atPath: candidate)
            || FileManager.default.fileExists(atPath: InterviewRunner.answersPath(for: candidate))
        {
            candidate = "\(stem)-\(number).pdf"
            number += 1
        }
        return candidate
    }
}
