import Report
import ReportPDF

/// A measurer where every character is `advance × size` wide: for pager tests and dry runs.
/// Breaks at spaces, and inside a word that is longer than the line.
public struct FixedWidthMeasurer: TextMeasurer {
    public var advance: Double
    public var lineHeight: Double

    public init(advance: Double = 0.5, lineHeight: Double = 1.2) {
        self.advance = advance
        self.lineHeight = lineHeight
    }

    public func lines(of text: StyledText, style: FontStyle, width: Double) -> [MeasuredLine] {
        let perLine = max(1, Int(width / (advance * style.size)))
        var lines: [String] = []
        for paragraph in text.map(\.text).joined().split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if candidate.count <= perLine {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                while word.count > perLine {
                    lines.append(String(word.prefix(perLine)))
                    word = word.dropFirst(perLine)
                }
                current = String(word)
            }
            lines.append(current)
        }
        let height = style.size * lineHeight
        return lines.map { MeasuredLine(text: $0, width: Double($0.count) * advance * style.size, height: height, baseline: style.size) }
    }
}
