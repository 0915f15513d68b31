import ArgumentParser

/// The `nutriscreen` command: a screening questionnaire for nerve and muscle symptoms that may
/// come from a vitamin or mineral shortfall. It screens; it never diagnoses.
@main
struct NutriScreen: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "nutriscreen",
        abstract: "Screen nerve and muscle symptoms for possible vitamin and mineral shortfalls.",
        discussion: """
            NutriScreen asks about your symptoms, diet, medicines and health, then lists which
            nutrients may be worth testing and when to see a doctor. It is a screening aid, not a
            diagnosis: take the summary to a clinician.

            Exit codes: 0 done · 64 usage error (including a bad SOURCE_DATE_EPOCH) · 65 invalid
            questionnaire or answers file · 66 input file missing or unreadable · 69 the screening
            is open in another nutriscreen process · 73 output cannot be written (a file exists
            without --force, a folder is missing or unwritable, answers cannot be saved) · 75 input
            ended before the screening was finished (answers saved) · 129 the terminal closed
            (SIGHUP), 130 interrupted with Ctrl-C (SIGINT), 143 stopped (SIGTERM): answers saved.
            """,
        version: version,
        subcommands: [StartCommand.self, ResumeCommand.self, AssessCommand.self, ReportCommand.self, ValidateCommand.self],
        defaultSubcommand: StartCommand.self
    )
}
