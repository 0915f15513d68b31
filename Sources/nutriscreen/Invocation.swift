import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How to run this program again, for hints such as "To continue later, run: …": the way the
/// person started it when a script that runs it says so (`scripts/screen` sets
/// `NUTRISCREEN_COMMAND` to the name it was typed as), else `nutriscreen` when that name on PATH
/// is this very executable, else the executable's absolute path, so the hint works as typed.
enum Invocation {
    static let command: String = {
        let environment = ProcessInfo.processInfo.environment
        return command(path: environment["PATH"] ?? "", executable: realPath("/proc/self/exe"), startedAs: environment["NUTRISCREEN_COMMAND"])
    }()

    /// `startedAs` quoted for a shell when it names a program that can be run from here; else
    /// `nutriscreen` when the first `nutriscreen` on `path` is `executable`, else `executable`
    /// quoted for a shell.
    static func command(path: String, executable: String?, startedAs: String? = nil) -> String {
        if let startedAs, !startedAs.isEmpty, access(startedAs, X_OK) == 0 { return shellQuoted(startedAs) }
        guard let executable else { return "nutriscreen" }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/nutriscreen"
            guard access(candidate, X_OK) == 0 else { continue }
            return realPath(candidate) == executable ? "nutriscreen" : shellQuoted(executable)
        }
        return shellQuoted(executable)
    }

    /// The path with every link resolved, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `text` as one shell word: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%,")
        if !text.isEmpty, text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
