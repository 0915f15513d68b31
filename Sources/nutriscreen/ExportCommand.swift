import ArgumentParser
import Exports
import Foundation
import Localization
import PrivateFiles
import Screening

/// `nutriscreen export`: the screening as FHIR R4 resources for a clinic's record.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a screening as FHIR R4 resources (JSON) that a clinic system can take.",
        discussion: """
            Writes a Bundle (type collection) with the Questionnaire, the QuestionnaireResponse, a Patient, \
            one RiskAssessment per Possible or Likely nutrient, one Flag per see-a-doctor warning and one \
            Observation per validated questionnaire shown (AUDIT-C with its LOINC code). With \
            --questionnaire-only, writes the Questionnaire alone, for a FHIR form renderer. Files are \
            written privately (mode 0600); without --out the JSON goes to standard output. \
            docs/fhir-mapping.md describes the mapping.

            Examples:
              nutriscreen export --answers ann.yaml --out ann.fhir.json
              nutriscreen export --questionnaire-only > form.json
            """
    )

    @OptionGroup var input: AnswersInput

    @Flag(name: .long, help: "Write only the Questionnaire resource (no answers needed).")
    var questionnaireOnly = false

    @Option(
        name: .long, help: ArgumentHelp("Where to write the JSON (default: standard output).", valueName: "file.json"),
        completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let words = language.messages.cli
        if !questionnaireOnly, input.answers == nil { throw ValidationError(words.exportNeedsAnswers) }
        if questionnaireOnly, input.answers != nil { throw ValidationError(words.questionnaireOnlyTakesNoAnswers) }
    }

    func run() throws {
        let json: JSONValue
        let questionnaire: Questionnaire
        if questionnaireOnly {
            questionnaire = try QuestionnaireLocator.load(explicit: input.questionnaire, language: language)
            json = FHIRBundle(questionnaire: questionnaire).questionnaireResource()
        } else {
            let document: AnswersDocument
            let today = Clock.system.today
            (questionnaire, document) = try input.load(language, today: today)
            let assessment = Assessor(questionnaire: questionnaire, today: today).assess(document)
            json = FHIRBundle(questionnaire: questionnaire).bundle(document, assessment: assessment)
        }
        let data = json.data() + Data("\n".utf8)
        guard let out else {
            try writeOut(data, questionnaire.messages)
            return
        }
        do {
            try PrivateFile.write(data, to: out, overwrite: force)
        } catch {
            throw fail(error.message(questionnaire.messages), ExitStatus.cannotCreate)
        }
        try printOut(out, questionnaire.messages)
    }
}
