/// Every sentence NutriScreen shows a person, in one language: `messages.interview.progress(…)`.
///
/// The texts live in the message catalogue, one YAML file per language in `Messages/` (English
/// names every message; the others must give the same ones with the same `{placeholders}`).
/// The CompileMessages plugin checks them and turns them into Swift when the program is built,
/// so a message is never missing at run time and nothing is read at start-up.
public struct Messages: Sendable, Equatable {
    public let language: Language
    /// The language's position in the generated tables.
    private let table: Int

    public init(_ language: Language) {
        self.language = language
        table = Language.allCases.firstIndex(of: language)!
    }

    /// The English messages.
    public static let english = Messages(.en)

    /// The text at `index`, its placeholders filled from `arguments` (name, text).
    func text(_ index: Int, _ arguments: [(String, String)] = []) -> String {
        let template = MessageTable.texts[table][index]
        guard !arguments.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            result += arguments.first { $0.0 == name }?.1 ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The list of words at `index`.
    func list(_ index: Int) -> [String] { MessageTable.lists[table][index] }

    /// `group.name` of every message that is a text, and the text in this language.
    public var allTexts: [(key: String, text: String)] {
        Array(zip(MessageTable.textKeys, MessageTable.texts[table])).map { (key: $0.0, text: $0.1) }
    }

    /// `group.name` of every message that is a list of words, and the words in this language.
    public var allLists: [(key: String, words: [String])] {
        Array(zip(MessageTable.listKeys, MessageTable.lists[table])).map { (key: $0.0, words: $0.1) }
    }
}

/// A value a placeholder takes: text, or a whole number. Other numbers are written with
/// `Messages.number(_:)` first, so they get the language's decimal sign.
public protocol MessageArgument {
    var messageText: String { get }
}

extension String: MessageArgument {
    public var messageText: String { self }
}

extension Substring: MessageArgument {
    public var messageText: String { String(self) }
}

extension Int: MessageArgument {
    public var messageText: String { String(self) }
}
