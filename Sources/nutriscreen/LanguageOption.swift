import ArgumentParser
import Foundation
import Localization

/// `--lang ES` as `--lang es`.
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--lang en|es`, on every command: the language of the questions, the messages and the report.
/// Without it, the language the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The language: \(Language.allCases.map(\.rawValue).joined(separator: " or ")) (default: from LC_ALL, LC_MESSAGES or LANG, else en).",
            valueName: "lang"))
    var lang: Language?

    /// The language asked for, on the command line or by the environment.
    var language: Language { lang ?? Language.preferred(environment: ProcessInfo.processInfo.environment) }

    /// The messages in that language, for what is said before a questionnaire is loaded.
    var messages: Messages { Messages(language) }

    /// " --lang es" for a command this program suggests, when the environment would not give
    /// `language` by itself; "" when it would.
    static func argument(for language: Language) -> String {
        language == Language.preferred(environment: ProcessInfo.processInfo.environment) ? "" : " --lang " + language.rawValue
    }

    /// The language `--lang` names in `arguments`, for what is said before they are parsed (a
    /// mistyped command); else the environment's.
    static func language(in arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count, let language = Language(argument: arguments[index + 1]) { return language }
            if argument.hasPrefix("--lang="), let language = Language(argument: String(argument.dropFirst(7))) { return language }
        }
        return Language.preferred(environment: environment)
    }
}
