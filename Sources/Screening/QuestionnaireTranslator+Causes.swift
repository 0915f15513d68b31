import Foundation

/// Translating the other causes: a cause's text, and, for a cause with a known form, that form's
/// name and text as well (`{ text, known: { name, text } }`).
extension QuestionnaireTranslator {
    mutating func translateOtherCauses(_ top: YAMLReader.Fields) -> [OtherCause] {
        let entries = keyed(top["otherCauses"], "other cause", of: english.id, ids: english.otherCauses.map(\.id))
        return english.otherCauses.map { cause in
            var cause = cause
            let entry = entries?[cause.id]
            let holder = entry?.key ?? holder(top, "otherCauses", else: top.node)
            let line = cause.location.line
            guard var known = cause.known else {
                cause.text =
                    text(entry?.value, english: cause.text, what: "the text of other cause '\(cause.id)'", at: holder, line: line) ?? cause.text
                return cause
            }
            let f = fields(entry, "the texts of other cause '\(cause.id)'", allowed: ["text", "known"])
            if entry != nil, f == nil { return cause }
            cause.text = text(f?["text"], english: cause.text, what: "the text of other cause '\(cause.id)'", at: holder, line: line) ?? cause.text
            let k = f?["known"].flatMap { reader.fields($0, "the known form of other cause '\(cause.id)'", allowed: ["name", "text"]) }
            let knownHolder = f?.values["known"]?.key ?? holder
            known.name =
                text(k?["name"], english: known.name, what: "the name of the known form of other cause '\(cause.id)'", at: knownHolder, line: line)
                ?? known.name
            if let english = known.text {
                known.text =
                    text(k?["text"], english: english, what: "the text of the known form of other cause '\(cause.id)'", at: knownHolder, line: line)
                    ?? english
            } else if let node = k?["text"] {
                reader.error(at: node, "the known form of other cause '\(cause.id)' has no text in English to translate")
            }
            cause.known = known
            return cause
        }
    }
}
