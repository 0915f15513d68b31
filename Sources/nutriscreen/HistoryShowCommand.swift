import ArgumentParser
import Foundation
import History
import Interview
import Localization
import Report
import Screening

/// `nutriscreen history show ID`: one screening in full, with what changed since the one before.
struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one screening of your history, and what changed since the one before it.",
        discussion: """
            Prints whose screening it is, when it was completed and with which questionnaire, the \
            assessment as it was scored then (nothing is rescored), and the comparison with the same \
            person's screening before it. --answers prints its answers file instead, which the report \
            command reads. Exit 66 when there is no screening with that number (history list shows them).

            Examples:
              nutriscreen history show 3
              nutriscreen history show 3 --answers > ann.yaml
            """
    )

    @Argument(help: ArgumentHelp("The screening's number, as history list shows it.", valueName: "number"))
    var id: Int64

    @Flag(name: .long, help: "Print only the screening's answers file (YAML).")
    var answers = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if id < 1 { throw ValidationError(language.messages.history.screeningNumber) }
    }

    func run() throws {
        let access = HistoryAccess.standard(language.messages)
        do {
            guard let store = try access.openExisting(), let screening = try store.screening(id: id) else {
                throw fail(access.noScreening(id), ExitStatus.noInput)
            }
            if answers {
                // Escaped too: the history may have been written by another program.
                let text = screening.answers.hasSuffix("\n") ? String(screening.answers.dropLast()) : screening.answers
                try printOut(text, language.messages)
                return
            }
            let entry = screening.entry
            let words = language.messages.history
            let kept = LocalTime(entry.recorded, in: access.clock.zone).readable(language.messages)
            var lines = [
                words.showTitle(id: Int(entry.id), person: access.describe(entry.person)),
                words.showCompleted(time: LocalTime(entry.completed, in: access.clock.zone).readable(language.messages)),
                words.showQuestionnaire(
                    questionnaire: "\(entry.questionnaireID) \(entry.questionnaireVersion)", hash: entry.contentHash.prefix(16)),
                entry.source == .interview ? words.showKeptInterview(time: kept) : words.showKeptImported(time: kept),
            ]
            let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)
            guard let assessment = screening.assessment else {
                lines.append(access.unreadableAssessment)
                try printOut(lines.joined(separator: "\n"), language.messages)
                return
            }
            // The header's lines are escaped here; the summaries escape their own, then style them.
            var styled = lines.map(Printable.escaped) + ["", AssessmentSummary.text(assessment, style: style)]
            let questionnaire = try QuestionnaireLocator.load(explicit: nil, language: language)
            let owner = ScreeningOwner(name: entry.person.name, birthDate: entry.person.birthDate)
            if let comparison = try store.comparison(of: assessment, owner: owner, questionnaire: questionnaire, now: access.clock.now) {
                styled += ["", ComparisonSummary.text(comparison, language.messages, zone: access.clock.zone, style: style)]
            }
            styled += ["", words.showAnswersFile(command: "\(Invocation.command) history show \(entry.id) --answers > answers.yaml")]
            try printStyled(styled.joined(separator: "\n"), language.messages)
        } catch let error as HistoryError {
            throw access.failure(error)
        }
    }
}
