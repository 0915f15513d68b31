import Localization

extension QuestionnaireTranslation {
    /// The numbers a text gives, as written in `language` (`1,000` and `1.5` in English, `1000`
    /// and `1,5` in Spanish), in one form so they can be compared; with where each starts (UTF-8
    /// offset). Digits that follow a letter are part of a name (B12, HbA1c), not a number. A
    /// translation must give the English text's numbers.
    static func numbers(in text: String, language: Language) -> [(value: String, offset: Int)] {
        // The language's decimal sign, from its message catalogue; the other sign groups thousands.
        let comma = Messages(language).format.decimalSign == ","
        let decimal = UInt8(ascii: comma ? "," : ".")
        let grouping = UInt8(ascii: comma ? "." : ",")
        let bytes = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) }
        var found: [(String, Int)] = []
        var i = 0
        func isLetter(_ i: Int) -> Bool {
            i >= 0 && i < bytes.count && (bytes[i] | 0x20 >= UInt8(ascii: "a") && bytes[i] | 0x20 <= UInt8(ascii: "z"))
        }
        while i < bytes.count {
            guard isDigit(i) else {
                i += 1
                continue
            }
            if isLetter(i - 1) {
                while isDigit(i) || isLetter(i) { i += 1 }
                continue
            }
            let start = i
            var whole = ""
            while isDigit(i) {
                whole.append(Character(UnicodeScalar(bytes[i])))
                i += 1
            }
            // Thousands: a separator followed by exactly three digits.
            while i < bytes.count, bytes[i] == grouping, isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                whole += String(decoding: bytes[(i + 1)...(i + 3)], as: UTF8.self)
                i += 4
            }
            var fraction = ""
            if i < bytes.count, bytes[i] == decimal, isDigit(i + 1) {
                i += 1
                while isDigit(i) {
                    fraction.append(Character(UnicodeScalar(bytes[i])))
                    i += 1
                }
            }
            let trimmed = String(whole.drop { $0 == "0" })
            found.append(((trimmed.isEmpty ? "0" : trimmed) + (fraction.isEmpty ? "" : "." + fraction), start))
        }
        return found
    }
}
