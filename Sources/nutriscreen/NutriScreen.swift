import ArgumentParser
import Foundation
import Localization

/// The `nutriscreen` command: a screening questionnaire for nerve and muscle symptoms that may
/// come from a vitamin or mineral shortfall. It screens; it never diagnoses.
///
/// Help texts are written as unwrapped paragraphs (the argument parser wraps them to the
/// terminal) in plain ASCII (the generated man page drops other characters); example lines are
/// indented and kept under 60 columns, so they stay whole in `--help` and on the man page.
@main
struct NutriScreen: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "nutriscreen",
        abstract: "Screen nerve and muscle symptoms for possible vitamin and mineral shortfalls.",
        discussion: """
            NutriScreen asks about your symptoms, diet, medicines and health, then lists which nutrients \
            may be worth testing and when to see a doctor. It asks only the questions whose answers can \
            still change the result. It is a screening aid, not a diagnosis: take the summary to a clinician.

            Answers are saved after every answer in $XDG_STATE_HOME/nutriscreen (default \
            ~/.local/state/nutriscreen), readable by you only; nothing is sent anywhere. Finished \
            screenings with a name are kept in a private history (see nutriscreen help history), so the \
            next one can say what changed.

            Examples:
              nutriscreen                  # start, or resume
              nutriscreen start --name 'Ann Example'
              nutriscreen assess --answers ann.yaml --json
              nutriscreen report --answers ann.yaml --out ann.pdf
              nutriscreen history          # your earlier screenings
              nutriscreen sessions         # unfinished ones
              nutriscreen help report      # more on one command

            Exit codes: 0 done; 64 usage error (including a bad SOURCE_DATE_EPOCH); 65 invalid \
            questionnaire or answers file, or a damaged history; 66 input file missing or unreadable, or no \
            such screening or person in the history; 69 the screening, or the history, is in use by another \
            nutriscreen process; 73 output cannot be written (a file exists without --force, a folder is \
            missing or unwritable, answers cannot be saved, the history cannot be written: a full disk, or a \
            history from a newer nutriscreen); 75 input ended before the \
            screening was finished (answers saved); 129 the terminal closed (SIGHUP), 130 interrupted \
            with Ctrl-C (SIGINT), 143 stopped (SIGTERM): answers saved.
            """,
        version: version,
        subcommands: [
            StartCommand.self, ResumeCommand.self, AssessCommand.self, ReportCommand.self, ExportCommand.self, HistoryCommand.self,
            SessionsCommand.self, ValidateCommand.self,
        ],
        defaultSubcommand: StartCommand.self
    )

    /// Parses and runs the command line, first turning away a first word that is no command
    /// (exit 64, with the closest command's name).
    static func main() {
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = LanguageOption.language(in: arguments, environment: ProcessInfo.processInfo.environment)
        if let message = UnknownCommand.message(for: arguments, commands: commands, Messages(language)) {
            printError("nutriscreen: \(message)")
            exit(withError: ExitStatus.usage)
        }
        main(nil)
    }
}
