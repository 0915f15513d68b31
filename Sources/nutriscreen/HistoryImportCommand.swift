import ArgumentParser
import Foundation
import History
import Localization
import Screening

/// `nutriscreen history import FILE…`: adds answers files (or FHIR QuestionnaireResponses) to
/// the history, each once.
struct HistoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add answers files (YAML, JSON or FHIR) to your history, each screening once.",
        discussion: """
            Each file is checked and scored with the questionnaire, then kept as one screening of the person \
            it names (its name, and its birth_date when it has one) at its completed time; both are needed. \
            A screening already in the history (the same person and completed time) is not added again, so \
            importing a folder twice is safe. A FHIR QuestionnaireResponse carries no name unless it comes \
            in a Bundle with a Patient: give one with --person.

            A bad file is reported as file:line:col: message and skipped; the others are still added. Exit \
            65 when a file has problems, 66 when one cannot be read, 69 when another nutriscreen process \
            holds the history, 73 when the history cannot be written.

            Examples:
              nutriscreen history import ann.answers.yaml
              nutriscreen history import Reports/*.answers.yaml
              nutriscreen history import --person Ann qr.json
            """
    )

    @Argument(help: ArgumentHelp("Answers files to add.", valueName: "file"), completion: .answersFile)
    var files: [String] = []

    @Option(name: .long, help: AnswersInput.questionnaireHelp, completion: .questionnaireFile)
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("The name of the person, for files that carry none.", valueName: "name"))
    var person: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if files.isEmpty { throw ValidationError(language.messages.history.noFiles) }
        if let person, let problem = AnswersDocument.nameProblem(person, language.messages) {
            throw ValidationError(language.messages.history.personOption(problem: problem))
        }
    }

    func run() throws {
        let access = HistoryAccess.standard(language.messages)
        let questionnaire = try QuestionnaireLocator.load(explicit: self.questionnaire, language: language)
        let store = try access.create()
        let today = access.clock.today
        let assessor = Assessor(questionnaire: questionnaire, today: today)
        var added = 0
        var already = 0
        var failures: [Int32] = []
        for file in files {
            let document: AnswersDocument
            do {
                document = try AnswersInput.read(file, questionnaire: questionnaire, today: today)
            } catch let code as ExitCode {
                failures.append(code.rawValue)
                continue
            }
            let refuse = { (problem: String) in
                printError("\(file):1:1: \(problem)")
                failures.append(ExitStatus.dataError.rawValue)
            }
            guard let name = document.name ?? person else {
                refuse(access.noName)
                continue
            }
            guard let completed = document.completed else {
                refuse(access.noCompleted)
                continue
            }
            if let person, let named = document.name, PersonName.key(person) != PersonName.key(named) {
                refuse(access.otherPerson(named, given: person))
                continue
            }
            let kept = AnswersDocument(answers: document.answers, name: name, completed: completed)
            let assessment = assessor.assess(kept)
            let recorded: HistoryStore.Recorded
            do {
                recorded = try store.record(
                    NewScreening(
                        name: name, birthDate: assessment.person.birthDate, completed: completed, assessment: assessment,
                        answers: kept.yaml(for: questionnaire), source: .import, recorded: access.clock.now))
            } catch {
                throw fail(access.importStopped(file, error, added: added), HistoryAccess.exitCode(for: error))
            }
            switch recorded {
            case .added(let id):
                added += 1
                try printOut(access.added(file, id: id, name: name, completed: completed), language.messages)
            case .duplicate(let id):
                already += 1
                try printOut(access.alreadyThere(file, id: id, name: name, completed: completed), language.messages)
            }
        }
        try printOut(access.importTotals(files: files.count, added: added, already: already, failed: failures.count), language.messages)
        if let worst = failures.min() { throw ExitCode(worst) }
    }
}
