import ArgumentParser
import Foundation
import History
import Localization
import Screening

/// `nutriscreen history forget --person NAME`: deletes a person and every screening of theirs,
/// leaving nothing of them in the history's files.
struct HistoryForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete a person and all their screenings from your history, leaving no trace in it.",
        discussion: """
            Deletes the person and every screening of theirs, then rewrites the history file and empties its \
            log, so nothing of them is left in either; it says what it deleted. Reports, answers files and \
            unfinished sessions kept elsewhere are not touched. When two people share the name, --born \
            says which (YYYY-MM-DD, or unknown for the one without a date of birth). Exit 66 when no one of \
            that name is in the history, 69 when another nutriscreen process kept reading it (run it again).

            Examples:
              nutriscreen history forget --person 'Ann Example'
              nutriscreen history forget --person 'Ann Example' --born 1991-05-20
            """
    )

    @Option(name: .long, help: ArgumentHelp("The person to forget.", valueName: "name"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("Their date of birth (YYYY-MM-DD), or unknown, when two people share the name.", valueName: "date"))
    var born: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let born, born != "unknown", CalendarDate(iso: born) == nil {
            throw ValidationError(language.messages.history.bornOption)
        }
    }

    func run() throws {
        let access = HistoryAccess.standard(language.messages)
        do {
            guard let store = try access.open(creating: false) else { throw fail(access.noOne(named: person, among: []), ExitStatus.noInput) }
            let named = try store.people(named: person)
            let chosen = born.map { born in named.filter { $0.birthDate?.iso == (born == "unknown" ? nil : born) } } ?? named
            guard !named.isEmpty, !chosen.isEmpty else {
                throw fail(
                    named.isEmpty
                        ? access.noOne(named: person, among: try store.people().map(\.name)) : access.noOneBorn(person, born ?? "", among: named),
                    ExitStatus.noInput)
            }
            guard chosen.count == 1 else { throw fail(access.ambiguous(person, among: chosen), ExitStatus.usage) }
            let report = try store.forget(chosen.map(\.id))
            try printOut(access.forgotten(report), language.messages)
            if !report.compacted { throw fail(access.notCompacted, ExitStatus.sessionInUse) }
        } catch let error as HistoryError {
            throw fail(error.message(language.messages), HistoryAccess.exitCode(for: error))
        }
    }
}
