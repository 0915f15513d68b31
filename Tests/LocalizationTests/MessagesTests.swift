import Foundation
import MessagesCompiler
import Testing

@testable import Localization

/// The message catalogue as the program is built with it: every message in every language with
/// the same placeholders, none unused, and numbers, dates and typed words in each language's way.
@Suite struct MessagesTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources").path
    static let folder = sources + "/Localization/Messages"

    /// The catalogue's files, read and checked as the build reads them.
    static func catalogue() throws -> MessageCatalogue {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        return try MessageCatalogue(files: names.map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) })
    }

    @Test func everyLanguageHasAFile() throws {
        #expect(Language.allCases == [.en, .es])
        #expect(try Self.catalogue().translations.map(\.language) == ["es"])
    }

    @Test(arguments: Language.allCases) func everyMessageInEveryLanguageWithTheSamePlaceholders(_ language: Language) throws {
        let english = Messages.english.allTexts
        let texts = Messages(language).allTexts
        #expect(texts.map(\.key) == english.map(\.key))
        for (translated, original) in zip(texts, english) {
            #expect(!translated.text.isEmpty, "\(language) \(translated.key) is empty")
            let want = try Placeholders.parse(original.text).sorted()
            #expect(try Placeholders.parse(translated.text).sorted() == want, "\(language) \(translated.key): \(translated.text)")
        }
        #expect(Messages(language).allLists.map(\.key) == Messages.english.allLists.map(\.key))
        #expect(Messages(language).allLists.allSatisfy { !$0.words.isEmpty })
    }

    /// A message no code shows is dead weight for translators: every `group.name` is used, as
    /// `….group` and `.name` in the source files of one module (`messages.interview` in
    /// Interviewer.swift … `words.progress(…)` in its extension Interviewer+Review.swift).
    @Test func noMessageIsUnused() throws {
        let catalogue = try Self.catalogue()
        let enumerator = FileManager.default.enumerator(atPath: Self.sources)
        var members: [String: Set<String>] = [:]
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasPrefix("MessagesCompiler"), !path.hasPrefix("messages-compiler") else { continue }
            let text = try String(contentsOfFile: Self.sources + "/" + path, encoding: .utf8)
            let module = String(path.prefix { $0 != "/" })
            members[module, default: []].formUnion(Self.members(of: text))
        }
        for message in catalogue.source.messages {
            let used = members.values.contains { $0.contains(message.group) && $0.contains(message.name) }
            #expect(used, "\(message.key) (\(message.location)) is shown nowhere; remove it from every language")
        }
    }

    /// The names written after a dot, with or without backticks.
    static func members(of source: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(source)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            let name = rest.drop { $0 == "`" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { names.insert(String(name)) }
        }
        return names
    }

    /// Spanish opens its questions and exclamations (¿…?, ¡…!) and speaks as "usted".
    @Test func spanishPunctuationAndUsted() {
        for (key, text) in Messages(.es).allTexts {
            let questions = text.replacingOccurrences(of: " ? ", with: " ")
            #expect(questions.filter { $0 == "?" }.count == questions.filter { $0 == "¿" }.count, "\(key): \(text)")
            #expect(text.filter { $0 == "!" }.count == text.filter { $0 == "¡" }.count, "\(key): \(text)")
            let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            #expect(words.isDisjoint(with: ["tú", "tienes", "puedes", "pulsa", "elige", "tus", "tu"]), "\(key) speaks as tú: \(text)")
        }
    }

    @Test func numbersTakeTheLanguagesDecimalSign() {
        #expect(Messages(.en).number(2.5) == "2.5" && Messages(.es).number(2.5) == "2,5")
        #expect(Messages(.es).number(12) == "12" && Messages(.es).number(-3) == "-3" && Messages(.es).number(1.25) == "1,25")
    }

    @Test func datesAsEachLanguageWritesThem() {
        #expect(Messages(.es).date(year: 2026, month: 3, day: 1) == "1 de marzo de 2026")
        #expect(Messages(.en).date(year: 2026, month: 3, day: 1) == "1 March 2026")
        #expect(Messages(.es).monthNames.count == 12 && Messages(.es).monthNames[8] == "septiembre")
        #expect(Messages(.es).format.today(time: "14:05 CET") == "hoy a las 14:05 CET")
    }

    @Test func typedWordsIgnoreCaseAccentsAndSpaces() {
        #expect(Messages.folded(" Sí ") == "si" && Messages.folded("ATRÁS") == "atras" && Messages.folded("Año") == "ano")
        #expect(Messages.isOne(of: Messages(.es).keys.back, "Atras"))
        #expect(!Messages.isOne(of: Messages(.es).keys.skip, "s"), "s is yes in Spanish, never skip")
        #expect(Messages.isOne(of: Messages(.es).answers.yesWords, "s") && Messages.isOne(of: Messages(.en).keys.skip, "s"))
    }

    /// The interview's keys of one language never clash: each key does one thing.
    @Test(arguments: Language.allCases) func theKeysOfALanguageDoNotClash(_ language: Language) {
        let keys = Messages(language).keys
        let commands = [keys.back, keys.help, keys.skip, keys.review, keys.quit].map { Set($0.map(Messages.folded)) }
        for (index, command) in commands.enumerated() {
            for other in commands[(index + 1)...] { #expect(command.isDisjoint(with: other), "\(language): \(command) and \(other)") }
            #expect(command.isDisjoint(with: Messages(language).answers.yesWords.map(Messages.folded)), "\(language): \(command) is also yes")
            #expect(command.isDisjoint(with: Messages(language).answers.noWords.map(Messages.folded)), "\(language): \(command) is also no")
        }
    }

    @Test func theLanguageOfTheEnvironment() {
        #expect(Language.preferred(environment: ["LANG": "es_ES.UTF-8"]) == .es)
        #expect(Language.preferred(environment: ["LANG": "es_MX@euro"]) == .es)
        #expect(Language.preferred(environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "es_ES.UTF-8"]) == .en)
        #expect(Language.preferred(environment: ["LC_ALL": "", "LC_MESSAGES": "es_AR", "LANG": "en_US"]) == .es)
        #expect(Language.preferred(environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(Language.preferred(environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.preferred(environment: [:]) == .en)
    }
}

/// The checks the build makes on the message files, each located in the file to fix.
@Suite struct MessagesCompilerTests {
    static let english = """
        interview:
          first: "This is the first question."
          progress: "question {number} of about {count}"
          back: [b, back]
        """

    static func problems(_ spanish: String) -> [String] {
        do {
            _ = try MessageCatalogue(files: [("en.yaml", english), ("es.yaml", spanish)])
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aCompleteTranslationCompiles() throws {
        let catalogue = try MessageCatalogue(
            files: [
                ("en.yaml", Self.english),
                ("es.yaml", "interview:\n  first: \"Primera.\"\n  progress: \"pregunta {number} de {count}\"\n  back: [a]\n"),
            ])
        let swift = catalogue.swiftSource
        #expect(swift.contains("public enum Language: String, CaseIterable, Sendable, Hashable, Codable {\n    case en\n    case es\n}"))
        #expect(swift.contains("public func `progress`(number: some MessageArgument, count: some MessageArgument) -> String"))
        #expect(swift.contains("\"pregunta {number} de {count}\""))
    }

    @Test func aMissingMessageIsNamedWithItsEnglish() {
        #expect(
            Self.problems("interview:\n  first: \"Primera.\"\n  back: [a]\n") == [
                "es.yaml:1:1: error: es lacks 'interview.progress' (en.yaml:3:3): \"question {number} of about {count}\""
            ])
    }

    @Test func aMessageEnglishDoesNotHaveIsRefused() {
        let problems = Self.problems("interview:\n  first: \"Primera.\"\n  progress: \"{number} de {count}\"\n  back: [a]\n  extra: \"Sobra.\"\n")
        #expect(problems == ["es.yaml:5:3: error: 'interview.extra' is no message of the English catalogue (en.yaml); remove it or add it there"])
    }

    @Test func placeholdersMustMatch() {
        let problems = Self.problems("interview:\n  first: \"Primera.\"\n  progress: \"pregunta {numero} de {count}\"\n  back: [a]\n")
        #expect(
            problems == ["es.yaml:3:3: error: 'interview.progress' has the placeholders {count}, {numero}, but the English has {count}, {number}"])
    }

    @Test func kindsAndBracesMustBeRight() {
        #expect(
            Self.problems("interview:\n  first: [a]\n  progress: \"{number} de {count}\"\n  back: \"a\"\n") == [
                "es.yaml:2:3: error: 'interview.first' is a text in English, not a list",
                "es.yaml:4:3: error: 'interview.back' is a list of words in English, not a text",
            ])
        #expect(
            Self.problems("interview:\n  first: \"Primera {.\"\n  progress: \"{number} de {count}\"\n  back: [a]\n").first?
                .hasPrefix("es.yaml:2:10: error: 'interview.first': a brace that opens or closes no placeholder") == true)
    }
}
