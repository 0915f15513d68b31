import Foundation
import Localization
import Screening

/// The review: every answer numbered, any of them changed; paged to the terminal's height.
extension Interviewer {

    enum ReviewChoice {
        case finish
        case change(String)
        /// `b` at the final review: back to the last question.
        case back
        case quit
        case endOfInput
    }

    /// Lists every answer numbered (before the end, only the questions answered or skipped so
    /// far, and how many are still waiting); the person picks one to change or presses Enter.
    /// A list taller than the terminal comes a page at a time, each ending with plain words on
    /// where it is ("Answers 1–30 of 64") and what Enter does; a number changes that answer
    /// whatever page is shown.
    func review(final: Bool) -> ReviewChoice {
        let toAsk = navigator.questionsToAsk(answers)
        let visible = final ? toAsk : toAsk.filter { answers[$0.id] != nil || skipped.contains($0.id) }
        let words = messages.interview
        let keys = messages.keys
        console.line()
        console.line(style.bold(final ? words.reviewFinalTitle : words.reviewTitle))
        let lines = visible.enumerated().map { index, item in
            let shown = answers[item.id].map { $0.display(for: item, messages) } ?? (skipped.contains(item.id) ? words.skipped : words.notYetAnswered)
            return "  \(index + 1). \(item.label) — \(Printable.escaped(shown))"
        }
        let pages = Self.pages(lines, window: console.window)
        var page = 0
        func show() {
            for line in lines[pages[page]] { console.line(line) }
            let range = pages[page]
            if pages.count > 1 { console.line(style.dim(words.reviewPage(first: range.lowerBound + 1, last: range.upperBound, count: lines.count))) }
        }
        show()
        while true {
            let more = page < pages.count - 1
            if more {
                console.line(
                    final ? words.reviewFinalMore(back: keys.back[0], quit: keys.quit[0]) : words.reviewMore(back: keys.back[0], quit: keys.quit[0]))
            } else {
                if visible.count < toAsk.count { console.line(style.dim("  " + words.reviewNotListed)) }
                console.line(final ? words.reviewFinalChoice(back: keys.back[0], quit: keys.quit[0]) : words.reviewChoice(quit: keys.quit[0]))
            }
            console.write("> ")
            guard let input = console.readLine() else { return .endOfInput }
            let typed = input.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                guard more else { return .finish }
                page += 1
                show()
                continue
            }
            if let n = Int(typed.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))), visible.indices.contains(n - 1) {
                return .change(visible[n - 1].id)
            }
            if Messages.isOne(of: keys.quit, typed) { return .quit }
            if Messages.isOne(of: keys.back, typed) { return final ? .back : .finish }
            if Messages.isOne(of: keys.help, typed) {
                console.line(words.reviewHelp)
            } else {
                console.line(
                    visible.isEmpty
                        ? words.reviewEmpty(quit: keys.quit[0])
                        : final
                            ? words.reviewFinalRetry(count: visible.count, back: keys.back[0])
                            : words.reviewRetry(count: visible.count, back: keys.back[0]))
            }
        }
    }

    /// Rows kept free on every page: the title and the blank line before it, the page's words,
    /// the choice (two rows when wrapped) and the prompt.
    static let reviewMargin = 6

    /// `lines` cut into pages that fit `window`'s rows, a line taking as many rows as it wraps
    /// to; one page when there is no window (piped output) or it is too small to page.
    static func pages(_ lines: [String], window: (columns: Int, rows: Int)?) -> [Range<Int>] {
        guard let window, window.rows > reviewMargin + 2, window.columns >= 20 else { return [0..<lines.count] }
        let room = window.rows - reviewMargin
        var pages: [Range<Int>] = []
        var start = 0
        var used = 0
        for (index, line) in lines.enumerated() {
            let rows = max(1, (line.count + window.columns - 1) / window.columns)
            if used + rows > room, index > start {
                pages.append(start..<index)
                (start, used) = (index, 0)
            }
            used += rows
        }
        pages.append(start..<lines.count)
        return pages
    }
}
