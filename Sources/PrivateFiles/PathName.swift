/// The parts of a path, as text. `NSString`'s path helpers trap on some short paths (`x`, `-`)
/// with this Foundation; these never do.
public enum PathName {
    /// The folder part: `a/b.pdf` → `a`, `/b.pdf` → `/`, `b.pdf` → `` (the current folder).
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = trimmed[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The folder part, or `.` for a bare name: a folder that can be opened.
    public static func folder(of path: String) -> String {
        let parent = parent(of: path)
        return parent.isEmpty ? "." : parent
    }

    /// The last part: `a/b.pdf` → `b.pdf`.
    public static func name(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed.split(separator: "/", omittingEmptySubsequences: false).last ?? trimmed)
    }

    /// The path without the extension of its last part: `a/b.pdf` → `a/b`; `a/.b` and `a.d/b`
    /// are left as they are.
    public static func removingExtension(_ path: String) -> String {
        let name = name(of: path)
        guard !path.hasSuffix("/"), let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }
}
