/// Numbers, dates and typed words in the language's own way, without the C library's or ICU's
/// locale machinery (which would cost start-up time and tie the output to the machine).
extension Messages {
    /// A number as people read it: whole numbers without a fraction (`12`), others with the
    /// language's decimal sign (`2.5`, `2,5`).
    public func number(_ value: Double) -> String {
        let plain = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        let sign = self.format.decimalSign
        return sign == "." ? plain : plain.split(separator: ".", omittingEmptySubsequences: false).joined(separator: sign)
    }

    /// The names of the months, January first.
    public var monthNames: [String] {
        let m = self.months
        return [
            m.january, m.february, m.march, m.april, m.may, m.june, m.july, m.august, m.september, m.october, m.november, m.december,
        ]
    }

    /// A day of the calendar in words: "14 March 1958", "14 de marzo de 1958".
    public func date(year: Int, month: Int, day: Int) -> String {
        self.format.date(day: day, month: monthNames[month - 1], year: year)
    }

    /// Typed text as words are compared: lower case, accents and the tilde of ñ dropped, spaces
    /// trimmed, so `Sí`, `si` and `SI` are one word.
    public static func folded(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if let plain = unaccented[character] { out.append(plain) } else { out.append(character) }
        }
        return out.trimmingWhitespace
    }

    /// True when `typed` is one of `words` (compared folded).
    public static func isOne(of words: [String], _ typed: String) -> Bool {
        let folded = folded(typed)
        return words.contains { Self.folded($0) == folded }
    }

    private static let unaccented: [Character: Character] = [
        "á": "a", "à": "a", "â": "a", "ä": "a", "ã": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "ó": "o", "ò": "o", "ô": "o", "ö": "o", "õ": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c",
    ]
}

extension String {
    /// The text without spaces and tabs at either end.
    fileprivate var trimmingWhitespace: String {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
