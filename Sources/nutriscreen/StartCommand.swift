import ArgumentParser
import Foundation
import Interview
import Screening

/// `nutriscreen` / `nutriscreen start`: begins a screening (offering to resume an unfinished one).
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a screening at the terminal (the default command)."
    )

    @Option(name: .long, help: ArgumentHelp("The questionnaire file (default: Questionnaires/neuro-nutrition.yaml).", valueName: "file"))
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
            let date = ISO8601.format(unfinished.updated)
            runner.console.write(
                "You have an unfinished screening (last answered \(date), \(unfinished.answers.count) answers).\nContinue it? Type y to continue or n to start a new one.\n"
            )
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
