import ArgumentParser
import Foundation
import Interview
import Localization
import Screening

/// `nutriscreen resume`: continues the latest unfinished screening.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue the latest unfinished screening where you left off.",
        discussion: """
            Picks up the screening saved most recently at the question you left, with every answer you \
            gave. If its questionnaire has changed since, the answers that still fit are kept and the others \
            are asked again.

            Examples:
              nutriscreen resume
              nutriscreen resume --out ann.pdf --force
            """
    )

    @Option(
        name: .long, help: ArgumentHelp("Use this questionnaire file instead of the one the session was started with.", valueName: "file"),
        completion: .questionnaireFile)
    var questionnaire: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Where to write the PDF (default: a new file in Reports/); its answers file goes beside it.", valueName: "file.pdf"),
        completion: .pdfFile)
    var out: String?

    @OptionGroup var report: ReportOptions

    @OptionGroup var language: LanguageOption

    func validate() throws { try report.check(out: out, language.messages) }

    func run() throws {
        let words = language.messages.cli
        let store = SessionStore.standard(environment: ProcessInfo.processInfo.environment)
        let (sessions, unreadable) = store.all()
        for path in unreadable { printError("nutriscreen: " + words.unreadableSession(path: path)) }
        guard let record = sessions.first(where: \.isResumable) else {
            throw fail(words.nothingToResume(folder: store.directory, command: Invocation.command + " start"), ExitStatus.noInput)
        }
        let path = questionnaire ?? (FileManager.default.fileExists(atPath: record.questionnairePath) ? record.questionnairePath : nil)
        let questionnaire = try QuestionnaireLocator.load(explicit: path, language: language)
        guard questionnaire.id == record.questionnaireID else {
            throw fail(
                words.otherQuestionnaire(session: record.questionnaireID, path: questionnaire.path, id: questionnaire.id), ExitStatus.dataError)
        }
        let runner = InterviewRunner(questionnaire: questionnaire, store: store, report: report, out: out)
        try runner.prepare()
        runner.console.write(
            ResumeSummary(record: record, questionnaire: questionnaire, today: runner.clock.today.day).text(
                offer: false, questionnaire.messages, clock: runner.clock) + "\n")
        try runner.run(record: record, resuming: true)
    }
}
