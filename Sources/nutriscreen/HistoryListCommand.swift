import ArgumentParser
import Foundation
import History
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

    func run() throws {
        let access = HistoryAccess.standard
        guard let store = try access.open(creating: false) else {
            if let person { throw fail(access.noOne(named: person, among: []), ExitStatus.noInput) }
            try printOut(access.empty)
            return
        }
        let people: [HistoryPerson]
        do {
            people = try store.people(named: person)
            if let person, people.isEmpty {
                throw fail(access.noOne(named: person, among: try store.people().map(\.name)), ExitStatus.noInput)
            }
            guard !people.isEmpty else {
                try printOut(access.empty)
                return
            }
            var lines = ["Screening history: \(access.path)"]
            for person in people {
                let entries = try store.screenings(of: person)
                lines += ["", "\(access.describe(person)): \(entries.count) screening\(entries.count == 1 ? "" : "s")"]
                lines += entries.map { "  " + access.describe($0) }
            }
            lines += ["", "Show one with: \(Invocation.command) history show NUMBER"]
            try printOut(lines.joined(separator: "\n"))
        } catch let error as HistoryError {
            throw fail(error.message, HistoryAccess.exitCode(for: error))
        }
    }
}
