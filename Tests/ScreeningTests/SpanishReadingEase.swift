/// The Szigriszt-Pazos reading ease of a Spanish text, read on the INFLESZ scale (Barrio-Cantalejo
/// and others, An Sist Sanit Navar 2008, for texts for patients): below 40 very hard, 40 to 55
/// somewhat hard, 55 to 65 normal, 65 to 80 fairly easy, above 80 very easy.
enum SpanishReadingEase {
    static func inflesz(_ text: String) -> Double {
        let sentences = max(1, text.split(whereSeparator: { ".?!:;".contains($0) }).filter { $0.contains { $0.isLetter } }.count)
        let words = text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return 100 }
        let syllables = words.map(syllables(in:)).reduce(0, +)
        return 206.835 - 62.3 * Double(syllables) / Double(words.count) - Double(words.count) / Double(sentences)
    }

    /// Vowel groups, split where two strong vowels meet or an accented í or ú stands by another
    /// vowel (hiatus: "le-er", "dí-a"); at least one.
    static func syllables(in word: String) -> Int {
        let vowels = Set("aeiouáéíóúü")
        let strong = Set("aeoáéó")
        let accentedWeak = Set("íú")
        var count = 0
        var previous: Character?
        for character in word {
            if vowels.contains(character) {
                if let previous, vowels.contains(previous) {
                    let hiatus =
                        (strong.contains(character) && strong.contains(previous)) || accentedWeak.contains(character)
                        || accentedWeak.contains(previous)
                    if hiatus { count += 1 }
                } else {
                    count += 1
                }
            }
            previous = character
        }
        return max(count, 1)
    }
}
