import ArgumentParser
import Foundation
import History
import Localization
import Screening

/// `nutriscreen history [list] [--person NAME]`: the screenings in the history, by person.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the screenings in your history: when, the triage and the flagged nutrients.",
        discussion: """
            One line per screening, by person and oldest first, in your local time: its number (for \
            history show), when it was completed, the most urgent see-a-doctor warning, the nutrients \
            scored Possible or Likely, and the questionnaire version that scored it. --person lists one \
            person's screenings; a name matches whatever its case and spacing. Exit 66 when no one of that \
            name is in the history.

            Examples:
              nutriscreen history list
              nutriscreen history --person 'ann example'
            """
    )

    @Option(name: .long, help: ArgumentHelp("Only this person's screenings.", valueName: "name"))
    var person: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let access = HistoryAccess.standard(language.messages)
        guard let store = try access.openExisting() else {
            if let person { throw fail(access.noOne(named: person, among: []), ExitStatus.noInput) }
            try printOut(access.empty, language.messages)
            return
        }
        let people: [HistoryPerson]
        do {
            people = try store.people(named: person)
            if let person, people.isEmpty {
                throw fail(access.noOne(named: person, among: try store.people().map(\.name)), ExitStatus.noInput)
            }
            guard !people.isEmpty else {
                try printOut(access.empty, language.messages)
                return
            }
            let words = language.messages.history
            var lines = [words.listTitle(path: access.path)]
            for person in people {
                let entries = try store.screenings(of: person)
                lines += ["", words.personScreenings(person: access.describe(person), screenings: access.screenings(entries.count))]
                lines += entries.map { "  " + access.describe($0) }
            }
            lines += [
                "",
                words.showOne(
                    command: access.historyCommand("show \(words.numberPlaceholder)")),
            ]
            try printOut(lines.joined(separator: "\n"), language.messages)
        } catch let error as HistoryError {
            throw access.failure(error)
        }
    }
}
