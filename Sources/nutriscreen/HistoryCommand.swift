import ArgumentParser

/// `nutriscreen history`: the private screening history (list, show, import, forget).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show, import or forget the screenings kept in your private history.",
        discussion: """
            Every finished screening that has a name is kept in $XDG_DATA_HOME/nutriscreen/history.sqlite \
            (default ~/.local/share/nutriscreen), an SQLite file readable by you only; nothing is sent \
            anywhere. A person is known by name and date of birth. When a person has an earlier screening, \
            the summary at the end of the interview and the report say what changed since the last one, and \
            chart the scores of up to the last five.

            With no command, history lists the screenings, as history list does.

            Examples:
              nutriscreen history
              nutriscreen history --person 'Ann Example'
              nutriscreen history show 3
              nutriscreen history import ann.answers.yaml
              nutriscreen history forget --person 'Ann Example'
            """,
        subcommands: [HistoryListCommand.self, HistoryShowCommand.self, HistoryImportCommand.self, HistoryForgetCommand.self],
        defaultSubcommand: HistoryListCommand.self
    )
}
