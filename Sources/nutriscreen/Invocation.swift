import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How to run this program again, for hints such as "To continue later, run: …": `nutriscreen`
/// when that name on PATH is this very executable, else the executable's absolute path, so the
/// hint works as typed.
enum Invocation {
    static let command: String = command(path: ProcessInfo.processInfo.environment["PATH"] ?? "", executable: realPath("/proc/self/exe"))

    /// `nutriscreen` when the first `nutriscreen` on `path` is `executable`, else `executable`
    /// quoted for a shell.
    static func command(path: String, executable: String?) -> String {
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
