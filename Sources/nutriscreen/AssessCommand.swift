import ArgumentParser
import Exports
import Foundation
import Interview
import Localization
import Report
import Screening

/// `nutriscreen assess --answers FILE`: scores an answers file without the interview.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Score an answers file (YAML or JSON) and print the assessment.",
        discussion: """
            The answers file maps item ids to answers, plus optional 'name' and 'completed' (ISO-8601); \
            a FHIR QuestionnaireResponse works too. Every problem is reported as file:line:col: message \
            with exit 65. --json prints the assessment as docs/assessment-schema.md describes it, \
            including 'asked': the questions the interview asks a person who gives these answers.

            Examples:
              nutriscreen assess --answers ann.yaml
              nutriscreen assess --answers ann.yaml --json
              nutriscreen assess --answers ann.fhir.json
            """
    )

    @Option(name: .long, help: AnswersInput.answersHelp, completion: .answersFile)
    var answers: String

    @Option(name: .long, help: AnswersInput.questionnaireHelp, completion: .questionnaireFile)
    var questionnaire: String?

    @Flag(name: .long, help: "Print the assessment as JSON (schema: docs/assessment-schema.md).")
    var json = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let today = Clock.system.today
        let (questionnaire, document) = try AnswersInput.load(answers, questionnaire: questionnaire, language: language, today: today)
        let assessment = Assessor(questionnaire: questionnaire, today: today, recordsAsked: true).assess(document)
        if json {
            try printOut(assessment.json(), questionnaire.messages)
        } else {
            let style = TextStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment)
            try printOut(AnswersListing.text(assessment) + "\n", questionnaire.messages)
            try printStyled(AssessmentSummary.text(assessment, style: style), questionnaire.messages)
        }
    }
}

/// The answers of an assessment as a numbered list, in its language.
enum AnswersListing {
    static func text(_ assessment: Assessment) -> String {
        let words = Messages(assessment.language).cli
        var lines = [words.answersTitle(questionnaire: "\(assessment.questionnaire.id) \(assessment.questionnaire.version)")]
        for (index, answered) in assessment.answers.enumerated() {
            lines.append("  \(index + 1). \(answered.question) — \(answered.answer)")
        }
        if !assessment.unanswered.isEmpty { lines.append("  " + words.notAnswered(ids: assessment.unanswered.map(\.id).joined(separator: ", "))) }
        return lines.joined(separator: "\n")
    }
}
