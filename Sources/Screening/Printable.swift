/// Text from a file or a keyboard, made safe to show in a one-line message: control characters
/// (C0, DEL and C1, so also terminal escapes and line breaks) are shown escaped, never
/// interpreted, and very long text is cut short.
public enum Printable {
    /// True for a C0 or C1 control character or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// True when `text` holds a control character.
    public static func hasControl(_ text: some StringProtocol) -> Bool { text.unicodeScalars.contains(where: isControl) }

    /// `text` with each control character written as `\n`, `\t`, `\r` or `\u{1B}`.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard hasControl(text) else { return String(text) }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `'text'`, escaped, and cut to `limit` characters with `…` when longer.
    public static func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
        let shown = text.count > limit ? escaped(text.prefix(limit)) + "…" : escaped(text)
        return "'\(shown)'"
    }
}
