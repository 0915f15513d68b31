import Foundation
import Screening

/// Reads and checks the questionnaire a command is about to use on a second thread, started
/// before the command line is parsed, so the two cores share the start-up: the main thread
/// parses arguments (and, for a report, sets up fonts) while this one parses the YAML.
///
/// It only guesses the path from the raw arguments; `QuestionnaireLocator` still resolves the
/// path the normal way and takes the prefetched result only when the paths agree, so a wrong
/// guess costs a wasted parse on the other core, never a different answer.
final class QuestionnairePrefetch: @unchecked Sendable {
    // Written once by the worker before `done` is signalled; read only after waiting on it.
    private var result: Result<Questionnaire, DiagnosticList>?
    private let done = DispatchSemaphore(value: 0)
    let path: String

    private init(path: String) { self.path = path }

    /// The prefetch under way, if any. Set once in `start`, before any other thread exists.
    nonisolated(unsafe) private static var current: QuestionnairePrefetch?

    /// Subcommands that load a questionnaire named by `--questionnaire` (or the default).
    static let loadingCommands: Set<String> = ["start", "report", "assess"]

    /// Starts loading the questionnaire `arguments` will ask for, when that can be told.
    static func start(arguments: [String]) {
        guard let path = guessPath(arguments: Array(arguments.dropFirst())) else { return }
        let prefetch = QuestionnairePrefetch(path: path)
        current = prefetch
        let thread = Thread {
            prefetch.result = Result { () throws(DiagnosticList) in try QuestionnaireLoader.load(path: path) }
            prefetch.done.signal()
        }
        thread.stackSize = 8 << 20  // as deep as the main thread's, for deeply nested YAML
        thread.start()
    }

    /// The path the command line will most likely resolve to, or nil when unsure.
    static func guessPath(arguments: [String]) -> String? {
        let command = arguments.first { !$0.hasPrefix("-") }
        // A bare `nutriscreen` (or one with only options) is `start`.
        if let command, !loadingCommands.contains(command), arguments.first == command { return nil }
        if arguments.contains(where: { ["-h", "--help", "--version", "help"].contains($0) }) { return nil }
        var explicit: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--questionnaire", index + 1 < arguments.count { explicit = arguments[index + 1] }
            if argument.hasPrefix("--questionnaire=") { explicit = String(argument.dropFirst("--questionnaire=".count)) }
        }
        guard let path = QuestionnaireLocator.path(explicit: explicit), FileManager.default.isReadableFile(atPath: path) else { return nil }
        return path
    }

    /// The prefetched result for `path`, waiting for it if need be; nil if nothing was prefetched
    /// for that path.
    static func take(path: String) -> Result<Questionnaire, DiagnosticList>? {
        guard let prefetch = current, prefetch.path == path else { return nil }
        current = nil
        prefetch.done.wait()
        return prefetch.result
    }
}
