import ArgumentParser
import Foundation
import Localization
import Screening

/// `nutriscreen validate [FILE…]`: checks questionnaire files, and their translations, and prints
/// every problem. Its messages are in English, like a compiler's: they are for the people who
/// write questionnaires, and quote the file's own keys.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files and their translations; print every problem as file:line:col: message.",
        discussion: """
            With no files, checks every .yaml file in Questionnaires/ but the coverage table (coverage.yaml, which the tests check). A file named like x.es.yaml beside \
            x.yaml is a translation of it: every text must be there, every key must name something in \
            x.yaml, and each text must give the same numbers as the English. Checking a questionnaire checks \
            its translations too. Exit 0 when all are clean, 66 when a file cannot be read, 65 otherwise. \
            Messages are in English.

            Examples:
              nutriscreen validate
              nutriscreen validate Questionnaires/neuro-nutrition.yaml
              nutriscreen validate --lang es
            """
    )

    @Argument(help: "Questionnaire files to check (default: every questionnaire in Questionnaires/).", completion: .questionnaireFile)
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("Check only the translations into this language (default: every translation).", valueName: "lang"))
    var lang: Language?

    func run() throws {
        let paths = files.isEmpty ? QuestionnaireLocator.allFiles() : files
        guard !paths.isEmpty else {
            throw fail("no questionnaire files found; pass one or run from the NutriScreen folder", ExitStatus.noInput)
        }
        // Each questionnaire with the translations to check: those given, or all found beside it.
        var questionnaires: [String] = []
        var translations: [String: [String]] = [:]
        for path in paths {
            if let parts = QuestionnaireTranslation.parts(of: path), FileManager.default.fileExists(atPath: parts.questionnaire) {
                if !questionnaires.contains(parts.questionnaire) { questionnaires.append(parts.questionnaire) }
                translations[parts.questionnaire, default: []].append(path)
            } else if !questionnaires.contains(path) {
                questionnaires.append(path)
            }
        }
        var problems = 0
        var unreadable = 0
        func report(_ error: DiagnosticList) {
            if error.unreadable { unreadable += 1 } else { problems += error.diagnostics.count }
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
        }
        for path in questionnaires {
            let given = paths.contains(path)
            let questionnaire: Questionnaire
            do {
                questionnaire = try QuestionnaireLoader.load(path: path)
            } catch {
                report(error)
                continue
            }
            if given {
                try printOut(
                    "\(path): ok (\(questionnaire.id) \(questionnaire.version): \(questionnaire.questions.count) questions, \(questionnaire.nutrients.count) nutrients, \(questionnaire.triggers.count) triggers)",
                    .english)
                if questionnaire.schemaVersion < Questionnaire.supportedSchemaVersion {
                    printError(
                        "\(path): note: schemaVersion \(questionnaire.schemaVersion) is deprecated and will not be read by a later version; Questionnaires/FORMAT.md lists the keys to rename"
                    )
                }
            }
            let beside = given ? Language.allCases.filter { $0 != .en }.map { QuestionnaireTranslation.path(for: path, language: $0) } : []
            let checked =
                (translations[path] ?? []) + beside.filter { FileManager.default.fileExists(atPath: $0) && !(translations[path] ?? []).contains($0) }
            for translation in checked where lang == nil || QuestionnaireTranslation.parts(of: translation)?.code == lang?.rawValue {
                let translated: Questionnaire
                do {
                    translated = try QuestionnaireTranslation.apply(QuestionnaireLoader.data(at: translation), file: translation, to: questionnaire)
                } catch {
                    report(error)
                    continue
                }
                try printOut(
                    "\(translation): ok (\(translated.language.rawValue) translation of \(questionnaire.id) \(questionnaire.version))", .english)
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
