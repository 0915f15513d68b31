import Report
import ReportPDF

/// Writes laid-out pages as plain text, one element a line, for golden snapshot tests.
public enum RecordingRenderer {
    public static func record(_ layout: PageLayout) -> String {
        var out = [
            "paper \(layout.geometry.paper.rawValue) \(n(layout.geometry.paper.width))x\(n(layout.geometry.paper.height)), \(layout.pages.count) pages"
        ]
        for entry in layout.outline {
            out.append("outline \(String(repeating: "  ", count: entry.level - 1))\(entry.title) -> \(entry.destination) (page \(entry.page))")
        }
        for (index, page) in layout.pages.enumerated() {
            out.append("== page \(index + 1)")
            var depth = 0
            for element in page.elements {
                let indent = String(repeating: "  ", count: depth)
                switch element {
                case .begin(let tag):
                    out.append("\(indent)<\(tag)>")
                    depth += 1
                case .end(let tag):
                    depth = max(0, depth - 1)
                    out.append("\(String(repeating: "  ", count: depth))</\(tag)>")
                case .text(let t):
                    for (offset, line) in t.lines.enumerated() {
                        let y = t.y + t.lines.prefix(offset).reduce(0) { $0 + $1.height }
                        out.append("\(indent)text \(t.style.rawValue) @\(n(t.x)),\(n(y))\(t.alignRight ? " right" : ""): \(line.text)")
                    }
                case .rect(let x, let y, let w, let h, let stroke, let fill):
                    out.append("\(indent)rect @\(n(x)),\(n(y)) \(n(w))x\(n(h)) stroke \(n(stroke))\(fill.map { " fill \(n($0))" } ?? "")")
                case .line(let x1, let y1, let x2, let y2, let width, _):
                    out.append("\(indent)line \(n(x1)),\(n(y1)) -> \(n(x2)),\(n(y2)) w\(n(width))")
                case .link(let x, let y, let w, let h, let destination, let text):
                    out.append("\(indent)<Link @\(n(x)),\(n(y)) \(n(w))x\(n(h)) -> \(destination) alt '\(text)'>")
                    depth += 1
                case .figure(let text):
                    out.append("\(indent)<Figure alt '\(text)'>")
                    depth += 1
                case .destination(let name, let x, let y):
                    out.append("\(indent)dest \(name) @\(n(x)),\(n(y))")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One decimal place, so snapshots stay readable and stable.
    private static func n(_ d: Double) -> String {
        let rounded = (d * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
