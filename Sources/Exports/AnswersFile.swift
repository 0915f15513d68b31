import Foundation
import Screening

/// An answers file in any form NutriScreen reads: YAML or JSON answers, or a FHIR
/// QuestionnaireResponse (or a Bundle holding one), told apart by its `resourceType`. The one
/// way every command, the batch and the benchmark read answers.
public enum AnswersFile {
    /// Reads the file at `path` and checks every answer against `questionnaire` on `today`.
    public static func load(path: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        try parse(YAMLReader.read(path, answers: true), file: path, questionnaire: questionnaire, today: today)
    }

    /// Reads answers held in memory on `today`; `file` names them in messages.
    public static func parse(_ data: Data, file: String, questionnaire: Questionnaire, today: Today) throws(DiagnosticList) -> AnswersDocument {
        if FHIRResponseReader.recognises(data) {
            return try FHIRResponseReader.parse(data, file: file, questionnaire: questionnaire, today: today)
        }
        return try AnswersDocument.parse(data, file: file, questionnaire: questionnaire, today: today)
    }
}
