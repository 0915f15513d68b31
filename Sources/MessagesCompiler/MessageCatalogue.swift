/// The message catalogue: the English file, which names every message, and one file per other
/// language, which must give the same messages with the same placeholders. `swiftSource` turns
/// it into the Swift the Localization module is built with.
public struct MessageCatalogue: Sendable {
    /// The language whose file defines the messages.
    public static let sourceLanguage = "en"

    public let source: MessageFile
    public let translations: [MessageFile]

    /// Reads and checks the files (path and contents); `en.yaml` must be among them. Throws every
    /// problem found, located.
    public init(files: [(path: String, text: String)]) throws(DiagnosticList) {
        var diagnostics: [Diagnostic] = []
        let read = files.map { MessageFile(file: $0.path, text: $0.text, diagnostics: &diagnostics) }
        guard let source = read.first(where: { $0.language == Self.sourceLanguage }) else {
            let first = MessageFile.Location(file: files.first?.path ?? "Messages", line: 1, column: 1)
            throw DiagnosticList([Diagnostic(first, "no \(Self.sourceLanguage).yaml: the English messages define the catalogue")])
        }
        self.source = source
        translations = read.filter { $0.language != Self.sourceLanguage }.sorted { $0.language < $1.language }
        for translation in translations {
            if !MessageFile.isName(translation.language) || translation.language.count != 2 {
                diagnostics.append(
                    Diagnostic(
                        MessageFile.Location(file: translation.file, line: 1, column: 1),
                        "a message file is named after its language's two-letter code, such as es.yaml"))
            }
            diagnostics += Self.differences(of: translation, from: source)
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
    }

    /// Every message `translation` lacks, adds, or gives with other placeholders or as another
    /// kind of value than `source`.
    static func differences(of translation: MessageFile, from source: MessageFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let given = Dictionary(translation.messages.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let defined = Set(source.messages.map(\.key))
        let top = MessageFile.Location(file: translation.file, line: 1, column: 1)
        let groups = Dictionary(translation.groups.map { ($0.name, $0.location) }, uniquingKeysWith: { a, _ in a })
        for message in source.messages {
            guard let translated = given[message.key] else {
                diagnostics.append(
                    Diagnostic(
                        groups[message.group] ?? top,
                        "\(translation.language) lacks '\(message.key)' (\(message.location)): \(Self.quoted(message.value))"))
                continue
            }
            switch (message.value, translated.value) {
            case (.text, .text):
                let want = message.value.placeholders.sorted()
                let got = translated.value.placeholders.sorted()
                if want != got {
                    diagnostics.append(
                        Diagnostic(
                            translated.location,
                            "'\(message.key)' has the placeholders \(Self.listed(got)), but the English has \(Self.listed(want))"))
                }
            case (.list, .list): break
            case (.text, .list):
                diagnostics.append(Diagnostic(translated.location, "'\(message.key)' is a text in English, not a list"))
            case (.list, .text):
                diagnostics.append(Diagnostic(translated.location, "'\(message.key)' is a list of words in English, not a text"))
            }
        }
        for message in translation.messages where !defined.contains(message.key) {
            diagnostics.append(
                Diagnostic(message.location, "'\(message.key)' is no message of the English catalogue (\(source.file)); remove it or add it there"))
        }
        return diagnostics
    }

    private static func listed(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.map { "{\($0)}" }.joined(separator: ", ")
    }

    private static func quoted(_ value: MessageFile.Value) -> String {
        switch value {
        case .text(let text): "\"\(text.count > 60 ? text.prefix(57) + "..." : text)\""
        case .list(let words): "[" + words.joined(separator: ", ") + "]"
        }
    }
}

/// Problems found in the catalogue, each located.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
