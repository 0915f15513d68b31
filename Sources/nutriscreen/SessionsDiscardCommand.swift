import ArgumentParser
import Foundation
import Interview
import Localization
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// `nutriscreen sessions discard NUMBER | --all`: deletes unfinished screenings, never one that
/// another process has open.
struct SessionsDiscardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discard",
        abstract: "Delete one unfinished screening (by its number in sessions list), or every one.",
        discussion: """
            Deletes the screening's file, with its name and answers; it cannot be brought back. At a \
            terminal it asks first (--yes does not); exit 1 when the answer is not yes. Run from a script \
            or a pipe it needs --yes (exit 64 without). A screening open in another nutriscreen process is \
            left alone (exit 69): quit it there first. Exit 66 when there is no screening of that number. \
            Finished screenings, reports and your history are not touched.

            Examples:
              nutriscreen sessions discard 2
              nutriscreen sessions discard --all
              nutriscreen sessions discard 1 --yes
            """
    )

    @Argument(help: ArgumentHelp("The screening's number, as nutriscreen sessions lists them.", valueName: "number"))
    var number: Int?

    @Flag(name: .long, help: "Discard every unfinished screening.")
    var all = false

    @Flag(name: .long, help: "Do not ask before deleting (needed when not run at a terminal).")
    var yes = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let words = language.messages.sessions
        guard (number != nil) != all else { throw ValidationError(words.numberOrAll) }
        if let number, number < 1 { throw ValidationError(words.numberIsWhole) }
    }

    func run() throws {
        let messages = language.messages
        let words = messages.sessions
        let access = SessionsAccess.standard(messages)
        let sessions = access.unfinished()
        guard !sessions.isEmpty else { throw fail(words.noneToDiscard(folder: access.store.directory), ExitStatus.noInput) }
        var chosen = Array(sessions.enumerated().map { (number: $0.offset + 1, record: $0.element) })
        if let number {
            guard number <= sessions.count else {
                throw fail(words.noSuchNumber(number: number, count: sessions.count, command: access.command("list")), ExitStatus.noInput)
            }
            chosen = [chosen[number - 1]]
        }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                throw fail(
                    words.notATerminal(command: access.command("discard " + (number.map(String.init) ?? "--all") + " --yes")), ExitStatus.usage)
            }
            let yesWords = messages.answers.yesWords
            let question =
                number == nil
                ? words.confirmAll(count: chosen.count, yes: yesWords[0])
                : words.confirmOne(number: chosen[0].number, screening: access.describe(chosen[0].record), yes: yesWords[0])
            try writeOut(Data((Printable.escaped(question) + " ").utf8), messages)
            guard Messages.isOne(of: yesWords, readLine() ?? "") else {
                try printOut(words.nothingDiscarded, messages)
                throw ExitCode(1)
            }
        }
        var failure: ExitCode?
        for (number, record) in chosen {
            let screening = access.describe(record)
            do {
                try access.store.discard(id: record.id)
                try printOut(words.discarded(number: number, screening: screening), messages)
            } catch let error as SessionStore.DiscardFailure {
                switch error {
                case .busy: failure = fail(words.busy(number: number, screening: screening), ExitStatus.sessionInUse)
                case .failed(let reason):
                    failure = fail(words.cannotDiscard(number: number, folder: access.store.directory, reason: reason), ExitStatus.cannotCreate)
                }
            }
        }
        if let failure { throw failure }
    }
}
