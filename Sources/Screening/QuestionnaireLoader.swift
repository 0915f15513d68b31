import Foundation

/// Loads a questionnaire file and checks everything a person could trip over later:
/// unknown keys, duplicate ids, bad expressions, forward references, type errors.
///
/// All problems are collected, so `validate` can print every one at once.
public enum QuestionnaireLoader {
    /// Ids and option values: a letter or '_', then letters, digits and '_'.
    static func isIdentifier(_ text: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "_") }
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
    /// Ids an item may not take: answers-file keys and words of the expression language.
    static let reservedIDs: Set<String> = Lexer.keywords
        .union(Expression.Function.allCases.map(\.rawValue)).union(["name", "completed", "questionnaire"])

    /// The schema versions this loader reads: the current one, and the one before it, whose
    /// key names are still accepted (see `Vocabulary`).
    public static let readableSchemaVersions = 1...Questionnaire.supportedSchemaVersion
    /// What `points` may be: a rule or an option weighs at most this much either way, so no sum
    /// of them comes near the largest number (a score of "inf" cannot be written as JSON).
    static let pointsRange = -1000.0...1000.0
    /// What band thresholds and an instrument's maximum may be.
    static let thresholdRange = -1e6...1e6
    /// What a number item's `min` and `max` may be (whole-number answers stay below 10^9).
    static let limitRange = -1e9...1e9
    /// What a text item's `maxLength` may be: long enough for any answer, short enough to lay out.
    static let maxLengthRange = 1...10_000

    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(DiagnosticList) -> Questionnaire {
        try load(data: try data(at: path), file: path)
    }

    /// The bytes of the questionnaire file at `path`: a regular file within the size limit,
    /// checked before it is read, or a located reason why not.
    public static func data(at path: String) throws(DiagnosticList) -> Data {
        try YAMLReader.read(path)
    }

    /// Checks a questionnaire held in memory; `file` names it in messages.
    public static func load(data: Data, file: String) throws(DiagnosticList) -> Questionnaire {
        var builder = QuestionnaireBuilder(reader: YAMLReader(file: file))
        let questionnaire = builder.build(data)
        guard let questionnaire, builder.reader.diagnostics.isEmpty else {
            throw DiagnosticList(builder.reader.diagnostics)
        }
        return questionnaire
    }
}
