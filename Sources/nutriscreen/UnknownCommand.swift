import Localization
import Screening

/// A first word that names no command. Without this check `nutriscreen asses` is read as the
/// default command, `start`, with a stray argument, and prints start's usage.
enum UnknownCommand {
    /// What to say when `arguments` (without the program's name) begin with a word that is not
    /// a command (or `help` followed by one), else nil. `start` takes no words of its own, so
    /// a first word that is not an option is always a misspelt or unknown command.
    static func message(for arguments: [String], commands: [String], _ messages: Messages) -> String? {
        let words = arguments.first == "help" ? arguments.dropFirst() : arguments[...]
        guard let word = words.first, !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        let shown = Printable.quoted(word)
        if let close = Suggestion.closest(to: word, among: commands) {
            return messages.cli.didYouMean(word: shown, command: close, help: Invocation.command + " --help")
        }
        let list = messages.cli.commandList(first: commands.dropLast().joined(separator: ", "), last: commands.last ?? "")
        return messages.cli.notACommand(word: shown, commands: list, help: Invocation.command + " --help")
    }
}
