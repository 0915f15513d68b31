import ArgumentParser
import Foundation
import History
import Interview
import Localization
import Screening

/// `nutriscreen history forget --person NAME`: deletes a person and every screening of theirs,
/// leaving nothing of them in the history's files.
struct HistoryForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete a person and all their screenings from your history, leaving no trace in it.",
        discussion: """
            Deletes the person and every screening of theirs, overwriting their rows and emptying the history's \
            log, so nothing of them is left in its files; it says what it deleted. At a terminal it asks first \
            (--yes does not); exit 1 when the answer is not yes. Their interview sessions in the state \
            folder, finished or not, are deleted too (one another process is running, or one without a date of \
            birth under a name another person in the history shares, is named as left). Reports, answers files \
            and exports written elsewhere (such as Reports/) are not touched. When two people share the name, --born \
            says which (YYYY-MM-DD, or unknown for the one without a date of birth). Exit 66 when no one of \
            that name is in the history, 69 when another nutriscreen process kept reading it: the rows are then \
            deleted but the erase is not complete, and it is finished the next time nutriscreen opens the history.

            Examples:
              nutriscreen history forget --person 'Ann Example'
              nutriscreen history forget --person Ann --born unknown
              nutriscreen history forget --person Ann --yes
            """
    )

    @Option(name: .long, help: ArgumentHelp("The person to forget.", valueName: "name"))
    var person: String

    @Option(name: .long, help: ArgumentHelp("Their date of birth (YYYY-MM-DD), or unknown, when two people share the name.", valueName: "date"))
    var born: String?

    @Flag(name: .long, help: "Do not ask before deleting (asked only when run at a terminal).")
    var yes = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let born, born != "unknown", CalendarDate(iso: born) == nil {
            throw ValidationError(language.messages.history.bornOption)
        }
    }

    func run() throws {
        let access = HistoryAccess.standard(language.messages)
        do {
            guard let store = try access.openExisting() else { throw fail(access.noOne(named: person, among: []), ExitStatus.noInput) }
            let named = try store.people(named: person)
            let chosen = born.map { born in named.filter { $0.birthDate?.iso == (born == "unknown" ? nil : born) } } ?? named
            guard !named.isEmpty, !chosen.isEmpty else {
                throw fail(
                    named.isEmpty
                        ? access.noOne(named: person, among: try store.people().map(\.name)) : access.noOneBorn(person, born ?? "", among: named),
                    ExitStatus.noInput)
            }
            guard chosen.count == 1 else { throw fail(access.ambiguous(person, among: chosen), ExitStatus.usage) }
            // At a terminal, a person confirms what cannot be undone; scripts pass --yes or pipe.
            if !yes, isatty(STDIN_FILENO) == 1 {
                let words = language.messages.history
                let count = access.screenings(try store.screenings(of: chosen[0]).count)
                try writeOut(Data((words.forgetConfirm(screenings: count, person: access.describe(chosen[0])) + " ").utf8), language.messages)
                let typed = readLine() ?? ""
                guard Messages.isOne(of: language.messages.answers.yesWords, typed) else {
                    try printOut(words.nothingForgotten, language.messages)
                    throw ExitCode(1)
                }
            }
            let report = try store.forget(chosen.map(\.id), now: Clock.system.now)
            // The person's interview sessions go too; others of the same name keep theirs.
            let sessions = SessionForgetting.forget(
                chosen[0], others: try store.people(named: person), in: SessionStore.standard(environment: ProcessInfo.processInfo.environment))
            try printOut(access.forgotten(report, sessions: sessions), language.messages)
            if !report.erased { throw fail(access.eraseUnfinished, ExitStatus.sessionInUse) }
        } catch let error as HistoryError {
            throw access.failure(error)
        }
    }
}
