import ArgumentParser
import Screening

/// `nutriscreen validate [FILE…]`: checks questionnaire files and prints every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files and print every problem as file:line:col: message.",
        discussion: """
            With no files, checks every .yaml file in Questionnaires/. Exit 0 when all are clean, 66 when a \
            file cannot be read, 65 otherwise.

            Examples:
              nutriscreen validate
              nutriscreen validate Questionnaires/neuro-nutrition.yaml
            """
    )

    @Argument(help: "Questionnaire files to check (default: every file in Questionnaires/).", completion: .questionnaireFile)
    var files: [String] = []

    func run() throws {
        let paths = files.isEmpty ? QuestionnaireLocator.allFiles() : files
        guard !paths.isEmpty else {
            throw fail("no questionnaire files found; pass one or run from the NutriScreen folder", ExitStatus.noInput)
        }
        var problems = 0
        var unreadable = 0
        for path in paths {
            do {
                let questionnaire = try QuestionnaireLoader.load(path: path)
                try printOut(
                    "\(path): ok (\(questionnaire.id) \(questionnaire.version): \(questionnaire.questions.count) questions, \(questionnaire.nutrients.count) nutrients, \(questionnaire.triggers.count) triggers)"
                )
                if questionnaire.schemaVersion < Questionnaire.supportedSchemaVersion {
                    printError(
                        "\(path): note: schemaVersion \(questionnaire.schemaVersion) is deprecated and will not be read by a later version; Questionnaires/FORMAT.md lists the keys to rename"
                    )
                }
            } catch let error as DiagnosticList {
                if error.unreadable { unreadable += 1 } else { problems += error.diagnostics.count }
                for diagnostic in error.diagnostics { printError(diagnostic.description) }
            }
        }
        if unreadable > 0 {
            printError("\(unreadable) file(s) could not be read")
            throw ExitStatus.noInput
        }
        if problems > 0 {
            printError("\(problems) problem(s) found")
            throw ExitStatus.dataError
        }
    }
}
