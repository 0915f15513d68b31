import ArgumentParser

/// `nutriscreen sessions`: the unfinished screenings saved in the state folder (list, discard).
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List your unfinished screenings, or discard them.",
        discussion: """
            An unfinished screening is saved after every answer in $XDG_STATE_HOME/nutriscreen (default \
            ~/.local/state/nutriscreen), with the name and the answers in it, readable by you only. \
            Starting a new screening instead of continuing one keeps the old one there.

            With no command, sessions lists them, as sessions list does. sessions discard deletes one, or \
            every one.

            Examples:
              nutriscreen sessions
              nutriscreen sessions discard 2
              nutriscreen sessions discard --all --yes
            """,
        subcommands: [SessionsListCommand.self, SessionsDiscardCommand.self],
        defaultSubcommand: SessionsListCommand.self
    )
}
