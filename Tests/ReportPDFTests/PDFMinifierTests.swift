import Testing

@testable import ReportPDF

@Suite struct PDFMinifierTests {
    func minified(_ text: String) -> String? {
        PDFMinifier.minified(ArraySlice(Array(text.utf8))).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func whiteSpaceGoesWhereNoTokensMeet() {
        #expect(minified("<< /Type /StructElem\n   /S /TD\n   /P 144 0 R\n   /K [ 3 4 ]\n>>") == "<</Type/StructElem/S/TD/P 144 0 R/K[3 4]>>")
        #expect(minified("[ 1.5 -2 true /N ( x ) ]") == "[1.5 -2 true/N( x )]")
        #expect(minified("  42  ") == "42")
    }

    @Test func stringsAreCopiedAsTheyAre() {
        #expect(minified("<< /T (a  (nested \\) ) \n b) /U <FE FF 00 41> >>") == "<</T(a  (nested \\) ) \n b)/U<FE FF 00 41> >>")
        #expect(minified("(\\\\) /A") == "(\\\\)/A")
    }

    @Test func commentsGoAndBracketPairsStayApart() {
        #expect(minified("<< /Type /Page % 1\n /Parent 1 0 R >>") == "<</Type/Page/Parent 1 0 R>>")
        #expect(minified("<< /A << /B 1 >> >>") == "<</A<</B 1>> >>")
        #expect(minified("[ <AB> <CD> ]") == "[<AB><CD>]")
    }

    @Test func anUnterminatedStringIsRefused() {
        #expect(minified("<< /T (open") == nil)
        #expect(minified("<< /T <41") == nil)
    }
}
