import ArgumentParser
import Foundation
import Localization
import PrivateFiles
import Screening

/// Finds questionnaire files: `--questionnaire`, else `$NUTRISCREEN_QUESTIONNAIRES`, else the
/// `Questionnaires/` folder in the current directory or above the executable.
enum QuestionnaireLocator {
    static let defaultFileName = "neuro-nutrition.yaml"

    /// The folder that holds the shipped questionnaires, if one can be found.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let configured = environment["NUTRISCREEN_QUESTIONNAIRES"], !configured.isEmpty { return configured }
        var candidates = [FileManager.default.currentDirectoryPath + "/Questionnaires"]
        if let executable = Invocation.realPath("/proc/self/exe") {
            var directory = PathName.folder(of: executable)
            // Installed (scripts/install): PREFIX/bin/nutriscreen and PREFIX/share/nutriscreen/Questionnaires.
            candidates.append(PathName.folder(of: directory) + "/share/nutriscreen/Questionnaires")
            for _ in 0..<5 {
                candidates.append(directory + "/Questionnaires")
                directory = PathName.folder(of: directory)
            }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/" + defaultFileName) }
    }

    /// The path of the questionnaire to use.
    static func path(explicit: String?) -> String? {
        if let explicit { return explicit }
        return folder().map { $0 + "/" + defaultFileName }
    }

    /// The coverage table beside the questionnaires (Questionnaires/FORMAT.md, "Coverage"): it
    /// traces each guideline risk to its question and rule, is checked by the tests, and is not a
    /// questionnaire.
    static let coverageTableFileName = "coverage.yaml"

    /// Every questionnaire file in the folder, sorted (translations, `x.es.yaml`, included; the
    /// coverage table left out).
    static func allFiles() -> [String] {
        guard let folder = folder(), let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != coverageTableFileName }.sorted().map { folder + "/" + $0 }
    }

    /// Loads and checks a questionnaire (or takes it from the cache, when this very file was
    /// checked before), in the language asked for: through its translation beside it
    /// (`x.es.yaml`). When there is none, `--lang` is an error and a language from the
    /// environment a note, and the screening goes on in English. On failure prints located
    /// problems and throws the exit code.
    static func load(explicit: String?, language option: LanguageOption) throws(ExitCode) -> Questionnaire {
        let language = option.language
        let words = option.messages.cli
        guard let path = path(explicit: explicit) else {
            throw fail(words.noQuestionnaire(file: defaultFileName), ExitStatus.noInput)
        }
        let cache = QuestionnaireCache.standard()
        // Taken before the file is read, so a change made meanwhile shows next time.
        let stamp = QuestionnaireCache.Stamp(of: path) ?? .unsettled
        guard language != .en else { return try load(path, stamp: stamp, cache: cache, option.messages) }
        let translation = QuestionnaireTranslation.path(for: path, language: language)
        let both = stamp.combined(with: QuestionnaireCache.Stamp(of: translation) ?? .unsettled)
        if let cached = cache?.questionnaire(at: path, language: language, unchangedSince: both) { return cached }
        let english = try load(path, stamp: stamp, cache: cache, option.messages)
        let data: Data
        do {
            data = try QuestionnaireLoader.data(at: translation)
        } catch {
            if option.lang != nil { throw fail(words.noTranslation(path: path, translation: translation), ExitStatus.noInput) }
            printError("nutriscreen: " + words.noTranslationNote(path: path, translation: translation))
            return english
        }
        do {
            let translated = try QuestionnaireTranslation.apply(data, file: translation, to: english)
            cache?.keep(translated, stamp: both)
            return translated
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description(option.messages)) }
            throw fail(words.brokenFile(path: translation, count: error.diagnostics.count), ExitStatus.dataError)
        }
    }

    /// The questionnaire `id` at `path`, or at the default path when that file is gone (or none is
    /// given), without a word said: nil when it cannot be read or is another questionnaire. In
    /// `language` through its translation, in English when that cannot be had. For what a saved
    /// session's progress is measured against, and the nutrients' names in the history.
    static func quietly(id: String?, path: String?, language: Language = .en) -> Questionnaire? {
        guard let path = path.flatMap({ FileManager.default.fileExists(atPath: $0) ? $0 : nil }) ?? self.path(explicit: nil),
            let english = try? checked(path, stamp: QuestionnaireCache.Stamp(of: path) ?? .unsettled, cache: QuestionnaireCache.standard()),
            id == nil || english.id == id
        else { return nil }
        let translation = QuestionnaireTranslation.path(for: path, language: language)
        guard language != .en, let data = try? QuestionnaireLoader.data(at: translation) else { return english }
        return (try? QuestionnaireTranslation.apply(data, file: translation, to: english)) ?? english
    }

    /// The questionnaire at `path` as written, from the cache or checked afresh.
    private static func checked(_ path: String, stamp: QuestionnaireCache.Stamp, cache: QuestionnaireCache?) throws(DiagnosticList)
        -> Questionnaire
    {
        if let cached = cache?.questionnaire(at: path, unchangedSince: stamp) { return cached }
        let data = try QuestionnaireLoader.data(at: path)
        if let cached = cache?.questionnaire(at: path, contentHash: SHA256.hex(of: data), stamp: stamp) { return cached }
        let questionnaire = try QuestionnaireLoader.load(data: data, file: path)
        cache?.keep(questionnaire, stamp: stamp)
        return questionnaire
    }

    /// The questionnaire at `path` as written, from the cache or checked afresh; its problems
    /// printed, located.
    private static func load(_ path: String, stamp: QuestionnaireCache.Stamp, cache: QuestionnaireCache?, _ messages: Messages) throws(ExitCode)
        -> Questionnaire
    {
        do {
            return try checked(path, stamp: stamp, cache: cache)
        } catch {
            for diagnostic in error.diagnostics { printError(diagnostic.description(messages)) }
            if error.unreadable { throw ExitStatus.noInput }
            throw fail(messages.cli.brokenFile(path: path, count: error.diagnostics.count), ExitStatus.dataError)
        }
    }
}
