import Foundation
import Localization
import Screening

/// The review: every answer numbered, any of them changed.
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
    func review(final: Bool) -> ReviewChoice {
        let toAsk = navigator.questionsToAsk(answers)
        let visible = final ? toAsk : toAsk.filter { answers[$0.id] != nil || skipped.contains($0.id) }
        let words = messages.interview
        let keys = messages.keys
        console.line()
        console.line(style.bold(final ? words.reviewFinalTitle : words.reviewTitle))
        for (index, item) in visible.enumerated() {
            let shown = answers[item.id].map { $0.display(for: item, messages) } ?? (skipped.contains(item.id) ? words.skipped : words.notYetAnswered)
            console.line("  \(index + 1). \(item.label) — \(Printable.escaped(shown))")
        }
        if visible.count < toAsk.count { console.line(style.dim("  " + words.reviewNotListed)) }
        while true {
            console.line(final ? words.reviewFinalChoice(back: keys.back[0], quit: keys.quit[0]) : words.reviewChoice(quit: keys.quit[0]))
            console.write("> ")
            guard let input = console.readLine() else { return .endOfInput }
            let typed = input.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { return .finish }
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
}
