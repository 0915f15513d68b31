import ArgumentParser
import Exports
import Foundation
import Screening

/// `--answers` and `--questionnaire` for `report` and `export`, where other options can stand in
/// for `--answers` (`assess` requires it, so it declares the two itself).
struct AnswersInput: ParsableArguments {
    static let answersHelp = ArgumentHelp("The answers file (YAML or JSON, or a FHIR QuestionnaireResponse).", valueName: "file")
    static let questionnaireHelp = ArgumentHelp("The questionnaire file (default: the default questionnaire).", valueName: "file")

    @Option(name: .long, help: answersHelp, completion: .answersFile)
    var answers: String?

    @Option(name: .long, help: questionnaireHelp, completion: .questionnaireFile)
    var questionnaire: String?

    /// The questionnaire and the answers checked on `today` (`--answers` must be given).
    func load(_ language: LanguageOption, today: Today) throws -> (Questionnaire, AnswersDocument) {
        guard let answers else { throw ValidationError(language.messages.cli.passAnswers) }
        return try Self.load(answers, questionnaire: questionnaire, language: language, today: today)
    }

    /// The questionnaire (`questionnaire`, or the default one, in `language`) and the checked
    /// answers in the file `answers`, checked on `today`; prints located problems and throws the exit code.
    static func load(
        _ answers: String, questionnaire path: String?, language: LanguageOption, today: Today
    ) throws -> (Questionnaire, AnswersDocument) {
        let questionnaire = try QuestionnaireLocator.load(explicit: path, language: language)
        return (questionnaire, try read(answers, questionnaire: questionnaire, today: today))
    }

    /// The answers in the file `answers` (YAML, JSON or FHIR), checked on `today`; prints located
    /// problems and throws the exit code.
    static func read(_ answers: String, questionnaire: Questionnaire, today: Today) throws -> AnswersDocument {
        do {
            let document = try AnswersFile.load(path: answers, questionnaire: questionnaire, today: today)
            for note in document.notes { printError(note.description) }
            return document
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description(questionnaire.messages)) }
            if error.unreadable { throw ExitStatus.noInput }
            printError("nutriscreen: " + questionnaire.messages.cli.brokenAnswers(path: answers, count: error.diagnostics.count))
            throw ExitStatus.dataError
        }
    }
}
