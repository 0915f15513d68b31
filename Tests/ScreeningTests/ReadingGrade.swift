/// The Flesch-Kincaid grade level of English text: 0.39 × words per sentence + 11.8 × syllables
/// per word − 15.59 (Kincaid et al., 1975), with syllables counted by vowel groups. It is the
/// measure behind "reading grade 8 or lower" for the wording people read.
enum ReadingGrade {
    static func grade(_ text: String) -> Double {
        let sentences = max(1, text.split(whereSeparator: { ".?!:;".contains($0) }).filter { $0.contains { $0.isLetter } }.count)
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map { $0.lowercased() }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return 0 }
        let syllables = words.map(syllables(in:)).reduce(0, +)
        return 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(syllables) / Double(words.count) - 15.59
    }

    /// Vowel groups, less a silent final "e", at least one.
    static func syllables(in word: String) -> Int {
        let vowels = Set("aeiouy")
        var count = 0
        var previousWasVowel = false
        for character in word {
            let isVowel = vowels.contains(character)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if word.hasSuffix("e"), !word.hasSuffix("le"), count > 1 { count -= 1 }
        return max(count, 1)
    }
}
