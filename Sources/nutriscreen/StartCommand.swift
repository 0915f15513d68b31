import ArgumentParser
import Foundation
import Interview
import Localization
import Screening

/// `nutriscreen` / `nutriscreen start`: begins a screening (offering to resume an unfinished one).
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a screening at the terminal (what nutriscreen does with no command).",
        discussion: """
            Asks one question at a time, only those whose answers can still change the result, and saves \
            after every answer. At the end it prints the summary and writes the PDF report with its \
            answers file (in Reports/ unless --out says where); at a terminal with a default printer it then \
            offers to print it (--print prints it without asking, --printer NAME on that printer, --open \
            opens it in your PDF viewer). If you have an unfinished screening of the \
            same questionnaire, it offers to continue it first (--new starts afresh; the unfinished one is kept, \
            and nutriscreen sessions lists and discards those).

            At a question, type a number, or the first words of an answer (y or n for yes or no, 1,3 for \
            several answers, 70 kg for a number); or b to go back, ? to see why we ask, s to skip (optional \
            questions only), r to review and change your answers, q to save and quit. In Spanish (--lang es) \
            the keys are s or n for si or no, a to go back, o to skip, r to review and g to save and quit.

            Examples:
              nutriscreen start
              nutriscreen start --name 'Ann Example' --paper letter
              nutriscreen start --new --out ann.pdf
              nutriscreen start --print
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

    @Option(
        name: .long,
        help: ArgumentHelp("Where to write the PDF (default: a new file in Reports/); its answers file goes beside it.", valueName: "file.pdf"),
        completion: .pdfFile)
    var out: String?

    @OptionGroup var report: ReportOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        try report.check(out: out, language.messages)
        if let name, let problem = AnswersDocument.nameProblem(name, language.messages) {
            throw ValidationError(language.messages.cli.nameOption(problem: problem))
        }
    }

    func run() throws {
        let questionnaire = try QuestionnaireLocator.load(explicit: self.questionnaire, language: language)
        let messages = questionnaire.messages
        let store = SessionStore.standard(environment: ProcessInfo.processInfo.environment)
        let runner = InterviewRunner(questionnaire: questionnaire, store: store, report: report, out: out)
        try runner.prepare()
        if !new, let unfinished = store.latestUnfinished(), unfinished.questionnaireID == questionnaire.id {
            let summary = ResumeSummary(record: unfinished, questionnaire: questionnaire, today: runner.clock.today.day)
            let keys = messages.keys
            runner.console.write(
                summary.text(offer: true, messages, clock: runner.clock) + "\n"
                    + messages.cli.continueOffer(yes: keys.continueSaved[0], no: keys.startNew[0]) + "\n")
            while true {
                runner.console.write("> ")
                guard let reply = runner.console.readLine() else {
                    printError(messages.cli.inputEndedUnchanged(hint: runner.resumeHint))
                    throw ExitStatus.incomplete
                }
                if reply.trimmingCharacters(in: .whitespaces).isEmpty || Messages.isOne(of: keys.continueSaved, reply) {
                    return try runner.run(record: unfinished, resuming: true)
                }
                if Messages.isOne(of: keys.startNew, reply) {
                    let sessions = Invocation.command + " sessions" + runner.languageArgument
                    runner.console.write(messages.sessions.keptUnfinished(command: sessions) + "\n")
                    break
                }
                runner.console.write(messages.cli.continueRetry(yes: keys.continueSaved[0], no: keys.startNew[0]) + "\n")
            }
        }
        try runner.run(record: SessionRecord(questionnaire: questionnaire, name: name, now: runner.clock.now), resuming: false)
    }
}
