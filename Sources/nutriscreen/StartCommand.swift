import ArgumentParser
import Foundation
import Interview
import Screening

/// `nutriscreen` / `nutriscreen start`: begins a screening (offering to resume an unfinished one).
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a screening at the terminal (what nutriscreen does with no command).",
        discussion: """
            Asks one question at a time, only those whose answers can still change the result, and saves \
            after every answer. At the end it prints the summary and writes the PDF report with its \
            answers file (in Reports/ unless --out says where). If you have an unfinished screening of the \
            same questionnaire, it offers to continue it first (--new starts afresh).

            At a question, type a number, or the first words of an answer (y or n for yes or no, 1,3 for \
            several answers, 70 kg for a number); or b to go back, ? to see why we ask, s to skip (optional \
            questions only), r to review and change your answers, q to save and quit.

            Examples:
              nutriscreen start
              nutriscreen start --name 'Ann Example' --paper letter
              nutriscreen start --new --out ann.pdf
            """
    )

    @Option(
        name: .long, help: ArgumentHelp("The questionnaire file (default: neuro-nutrition.yaml in Questionnaires/).", valueName: "file"),
        completion: .questionnaireFile)
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Your name, printed on the report (optional).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Start a new screening even if an unfinished one exists.")
    var new = false

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let name, let problem = AnswersDocument.nameProblem(name) { throw ValidationError("--name: \(problem).") }
    }

    func run() throws {
        let questionnaire = try QuestionnaireLocator.load(explicit: self.questionnaire)
        let store = SessionStore.standard(environment: ProcessInfo.processInfo.environment)
        let runner = InterviewRunner(questionnaire: questionnaire, store: store, report: report)
        try runner.prepare()
        if !new, let unfinished = store.latestUnfinished(), unfinished.questionnaireID == questionnaire.id {
            let summary = ResumeSummary(record: unfinished, questionnaire: questionnaire)
            runner.console.write(
                "You have an unfinished \(summary.text()).\nContinue it? Type y to continue or n to start a new one.\n")
            while true {
                runner.console.write("> ")
                guard let reply = runner.console.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else {
                    printError("Input ended. Nothing was changed. \(InterviewRunner.resumeHint)")
                    throw ExitStatus.incomplete
                }
                if ["y", "yes", "1", ""].contains(reply) { return try runner.run(record: unfinished, resuming: true) }
                if ["n", "no", "2"].contains(reply) { break }
                runner.console.write("Please type y or n.\n")
            }
        }
        try runner.run(record: SessionRecord(questionnaire: questionnaire, name: name), resuming: false)
    }
}
