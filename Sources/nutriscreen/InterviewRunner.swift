import ArgumentParser
import Dispatch
import Foundation
import Interview
import PrivateFiles
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an interview at the terminal: Ctrl-C handling, saving, and what happens at the end.
struct InterviewRunner {
    let questionnaire: Questionnaire
    let store: SessionStore
    let report: ReportOptions
    let console = StandardConsole()
    let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)

    static let resumeHint = "To continue later, run: nutriscreen resume"

    /// Runs the session to its end and returns the exit code for it.
    func run(record: SessionRecord, answers: AnswerSet) throws {
        let interrupt = Self.exitOnInterrupt(
            message: "\nInterrupted. Your answers so far are saved in \(store.path(of: record)).\n\(Self.resumeHint)\n")
        defer { interrupt.cancel() }

        let interviewer = Interviewer(questionnaire: questionnaire, record: record, answers: answers, console: console, style: style) { record in
            try store.save(record)
        }
        if answers.isEmpty {
            console.write("\(style.bold(questionnaire.title))\n\(questionnaire.description)\n")
        }
        switch interviewer.run() {
        case .completed(let final):
            let assessment = Assessor(questionnaire: questionnaire, pruning: true).assess(
                final, name: interviewer.record.name, completed: interviewer.record.completed)
            console.write("\n" + AssessmentSummary.text(assessment, style: style) + "\n")
            try writeReport(assessment, answers: final, record: interviewer.record)
        case .quit:
            console.write("Your answers are saved. \(Self.resumeHint)\n")
        case .endOfInput:
            printError("Input ended before the screening was finished. Your answers are saved. \(Self.resumeHint)")
            throw ExitStatus.incomplete
        case .stoppedAtEmergency:
            console.write(
                "\nYou chose to stop. If this is an emergency, call your local emergency number now.\nYour answers are saved; you can finish later with: nutriscreen resume\n"
            )
        }
    }

    /// Writes the answers file and the PDF, and says where they are.
    private func writeReport(_ assessment: Assessment, answers: AnswerSet, record: SessionRecord) throws {
        let stem = ReportWriter.stem(completed: record.completed ?? Date(), name: record.name)
        let pdf = report.out ?? "Reports/\(stem).pdf"
        let answersPath = ((pdf as NSString).deletingPathExtension) + ".answers.yaml"
        if report.out == nil, !FileManager.default.fileExists(atPath: "Reports") {
            do { try PrivateFile.makeDirectory("Reports") } catch {
                throw fail("\(error.description). Your answers are safe in \(store.path(of: record)).", ExitStatus.cannotCreate)
            }
        }
        let document = AnswersDocument(answers: answers, name: record.name, completed: record.completed)
        do {
            try PrivateFile.write(Data(document.yaml(for: questionnaire).utf8), to: answersPath, overwrite: true)
        } catch {
            throw fail("\(error.description). Your answers are safe in \(store.path(of: record)).", ExitStatus.cannotCreate)
        }
        try ReportWriter.write(assessment, questionnaire: questionnaire, paper: report.paper ?? ReportWriter.defaultPaper(), to: pdf, force: true)
        console.write(
            "\nYour report: \(pdf)\nYour answers: \(answersPath) (regenerate the report with: nutriscreen report --answers \(answersPath) --force)\n")
    }

    /// Ctrl-C: the session is already saved after every answer, so say how to resume and exit 130.
    private static func exitOnInterrupt(message: String) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            FileHandle.standardError.write(Data(message.utf8))
            exit(ExitStatus.interrupted.rawValue)
        }
        source.resume()
        return source
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
        record.questionnairePath = URL(fileURLWithPath: questionnaire.path).standardizedFileURL.path
        return (record, answers)
    }
}
