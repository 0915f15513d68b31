/// Wraps text between words to a terminal's width, as it is written. A continued line keeps the
/// indentation its line started with, so option lists and reasons stay aligned; a word longer
/// than the line is split. Colour and bold escapes take no width. The column is carried from one
/// `wrap` call to the next, so a line may be written in pieces.
public struct LineWrapper: Sendable {
    public var width: Int
    /// Visible characters already on the current line.
    private var column = 0
    /// Leading spaces of the current line, repeated on its continuations.
    private var indent = 0
    private var atLineStart = true

    public init(width: Int) { self.width = width }

    /// The line ended outside `wrap` (the person pressed Enter after typing an answer).
    public mutating func lineEnded() { (column, indent, atLineStart) = (0, 0, true) }

    public mutating func wrap(_ text: String) -> String {
        guard width >= 20 else { return text }
        var output = ""
        var word = ""
        var wordWidth = 0
        func placeWord() {
            guard wordWidth > 0 || !word.isEmpty else { return }
            if column > 0, column + wordWidth > width, column > indent {
                // Drop the space the line ended with, and continue under the indentation.
                while output.last == " " { output.removeLast() }
                output += "\n" + String(repeating: " ", count: indent)
                column = indent
            }
            output += word
            column += wordWidth
            (word, wordWidth) = ("", 0)
        }
        var escape = false
        for character in text {
            if escape {
                word.append(character)
                if character.isLetter { escape = false }
                continue
            }
            switch character {
            case "\u{1B}":
                escape = true
                word.append(character)
            case "\n":
                placeWord()
                output.append("\n")
                lineEnded()
            case " ":
                placeWord()
                if atLineStart { indent += 1 }
                if column < width {
                    output.append(" ")
                    column += 1
                }
            default:
                atLineStart = false
                if wordWidth == width - indent {  // a word longer than the line: split it
                    placeWord()
                }
                word.append(character)
                wordWidth += 1
            }
        }
        placeWord()
        return output
    }
}
