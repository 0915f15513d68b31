import ArgumentParser
import Foundation
import Localization

/// `nutriscreen sessions [list]`: every unfinished screening, the latest first, numbered.
struct SessionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List your unfinished screenings: whose, when started, how far and when last saved.",
        discussion: """
            One line per unfinished screening, the latest first, in your local time: its number (for \
            sessions discard), the name on it, when it was started, the question it goes on with, when it \
            was last saved, and whether another nutriscreen process has it open now. resume continues the \
            first one.

            Examples:
              nutriscreen sessions list
            """
    )

    @OptionGroup var language: LanguageOption

    func run() throws {
        let access = SessionsAccess.standard(language.messages)
        let sessions = access.unfinished()
        let words = language.messages.sessions
        guard !sessions.isEmpty else { return try printOut(words.none(folder: access.store.directory), language.messages) }
        var lines = [words.title(folder: access.store.directory)]
        for (index, record) in sessions.enumerated() { lines.append("  " + access.line(record, number: index + 1)) }
        lines += [
            "",
            words.resumeLatest(command: Invocation.command + " resume" + access.languageArgument),
            words.discardHint(
                one: access.command("discard " + words.numberPlaceholder), all: access.command("discard --all")),
        ]
        try printOut(lines.joined(separator: "\n"), language.messages)
    }
}
