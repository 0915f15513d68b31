import ArgumentParser
import Foundation
import Interview
import Screening

/// `nutriscreen assess --answers FILE`: scores an answers file without the interview.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Score an answers file (YAML or JSON) and print the assessment.",
        discussion:
            "The file maps item ids to answers, plus optional 'name' and 'completed' (ISO-8601). Every problem is reported as file:line:col: message with exit 65."
    )

    @OptionGroup var input: AnswersInput

    @Flag(name: .long, help: "Print the assessment as JSON (schema: docs/assessment-schema.md).")
    var json = false

    func run() throws {
        let (questionnaire, document) = try input.load()
        let assessment = Assessor(questionnaire: questionnaire).assess(document.answers, name: document.name, completed: document.completed)
        if json {
            try printOut(assessment.json())
        } else {
            let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)
            try printOut(AnswersListing.text(assessment) + "\n\n" + AssessmentSummary.text(assessment, style: style))
        }
    }
}

/// `--answers` and `--questionnaire`, shared by `assess` and `report`.
struct AnswersInput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The answers file (YAML or JSON).", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("The questionnaire file (default: the default questionnaire).", valueName: "file"))
    var questionnaire: String?

    /// The questionnaire and the checked answers; prints located problems and throws the exit code.
    func load() throws -> (Questionnaire, AnswersDocument) {
        guard let answers else { throw ValidationError("Pass --answers FILE.") }
        let questionnaire = try QuestionnaireLocator.load(explicit: self.questionnaire)
        do {
            return (questionnaire, try AnswersDocument.load(path: answers, questionnaire: questionnaire))
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            if error.unreadable { throw ExitStatus.noInput }
            printError("nutriscreen: \(answers) has \(error.diagnostics.count) problem(s); fix them and try again")
            throw ExitStatus.dataError
        }
    }
}

/// The answers of an assessment as a numbered list.
enum AnswersListing {
    static func text(_ assessment: Assessment) -> String {
        var lines = ["Answers (\(assessment.questionnaire.id) \(assessment.questionnaire.version))"]
        for (index, answered) in assessment.answers.enumerated() {
            lines.append("  \(index + 1). \(answered.question) — \(answered.answer)")
        }
        if !assessment.unanswered.isEmpty { lines.append("  Not answered: \(assessment.unanswered.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }
}
