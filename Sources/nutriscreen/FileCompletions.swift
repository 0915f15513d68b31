import ArgumentParser

/// What the shell completes after an option that names a file (the generated bash, zsh and fish
/// scripts offer files with these extensions, and folders to walk into).
extension CompletionKind {
    /// An answers file: YAML, or JSON (a FHIR QuestionnaireResponse too).
    static var answersFile: CompletionKind { .file(extensions: ["yaml", "yml", "json"]) }
    /// A questionnaire file.
    static var questionnaireFile: CompletionKind { .file(extensions: ["yaml", "yml"]) }
    /// A PDF to write.
    static var pdfFile: CompletionKind { .file(extensions: ["pdf"]) }
}
