import Testing

@testable import Interview

@Suite struct LineWrapperTests {
    /// Visible width of each line, escapes removed.
    func widths(_ text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var width = 0
            var escape = false
            for c in line {
                if escape { escape = !c.isLetter } else if c == "\u{1B}" { escape = true } else { width += 1 }
            }
            return width
        }
    }

    @Test func anEnterTypedByThePersonStartsANewLine() {
        var wrapper = LineWrapper(width: 24)
        #expect(wrapper.wrap("> ") == "> ")  // the prompt; the person types and presses Enter
        wrapper.lineEnded()
        #expect(wrapper.wrap("Please type a number from 18 to 120.") == "Please type a number\nfrom 18 to 120.")
        var unended = LineWrapper(width: 24)
        _ = unended.wrap("> 12345678901234567890")
        #expect(unended.wrap(" Please").hasPrefix("\n"), "without lineEnded the column carries on")
    }

    @Test func wrapsBetweenWordsAndNeverSplitsOne() {
        var wrapper = LineWrapper(width: 24)
        let text = "Did weakness or numbness of the face start suddenly, even if it has now gone?\n"
        let wrapped = wrapper.wrap(text)
        #expect(widths(wrapped).allSatisfy { $0 <= 24 })
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
        #expect(wrapped == "Did weakness or numbness\nof the face start\nsuddenly, even if it has\nnow gone?\n")
    }

    @Test func continuationsKeepTheLinesIndentation() {
        var wrapper = LineWrapper(width: 30)
        #expect(
            wrapper.wrap("    + Older skin makes less vitamin D than young skin.\n")
                == "    + Older skin makes less\n    vitamin D than young skin.\n")
    }

    @Test func escapesTakeNoWidthAndShortLinesAreUntouched() {
        var wrapper = LineWrapper(width: 20)
        let bold = "\u{1B}[1mWhat to do next\u{1B}[0m\n"
        #expect(wrapper.wrap(bold) == bold)
        let alert = "\u{1B}[1;31mEMERGENCY: call your local number now\u{1B}[0m\n"
        let wrapped = wrapper.wrap(alert)
        #expect(widths(wrapped).allSatisfy { $0 <= 20 })
        #expect(wrapped.hasPrefix("\u{1B}[1;31mEMERGENCY: call your\n"))
    }

    @Test func theColumnCarriesAcrossWritesAndAWordLongerThanTheLineIsSplit() {
        var wrapper = LineWrapper(width: 20)
        #expect(wrapper.wrap("Type a number or") == "Type a number or")
        #expect(wrapper.wrap(" b back\n") == " b\nback\n")  // column 16 carried over: "back" no longer fits
        let long = wrapper.wrap(String(repeating: "x", count: 45) + "\n")
        #expect(widths(long) == [20, 20, 5, 0])
    }

    @Test func aNarrowOrUnknownWidthLeavesTextAlone() {
        var wrapper = LineWrapper(width: 0)
        let text = String(repeating: "word ", count: 40) + "\n"
        #expect(wrapper.wrap(text) == text)
    }
}
