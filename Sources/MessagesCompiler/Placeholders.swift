/// The `{name}` placeholders of a message text, which the program fills in.
public enum Placeholders {
    /// Why a text's braces are not placeholders.
    public struct Problem: Error, Equatable {
        public var message: String
    }

    /// The placeholder names in `text`, in order of first appearance; braces must enclose a name.
    public static func parse(_ text: String) throws(Problem) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw Problem(message: "a brace that opens or closes no placeholder; placeholders are written {name}")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard MessageFile.isName(name) else {
                throw Problem(message: "{\(name)} is not a placeholder; placeholders are written {name}, a small letter then letters and digits")
            }
            if !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
