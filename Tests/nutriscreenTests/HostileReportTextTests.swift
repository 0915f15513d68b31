import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What reaches the PDF.
@Suite struct HostileReportTextTests {
    @Test func aRightToLeftOverrideInTheNameReordersNothingAroundIt() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let answers = runner.state + "/bidi.yaml"
        try
            "name: \"Ann \\u202eSmith\"\ncompleted: 2026-01-31T09:30:00Z\nsudden_weakness: false\nage: 70\ndiet: vegan\nb12_supplement: false\nmedicines: [none]\n"
            .write(toFile: answers, atomically: true, encoding: .utf8)
        let result = try runner.run(["report", "--questionnaire", ProcessRunner.fixture, "--answers", answers, "--out", "bidi.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try PDFText.extract(runner.state + "/bidi.pdf")
        let lines = text.split(separator: "\n").map(String.init)
        let running = try #require(lines.first { $0.contains("NutriScreen screening summary") })
        #expect(running.contains("· completed 31 January 2026, 09:30 UTC"), "the running header reads left to right: \(running)")
        let facts = try #require(lines.first { $0.contains("Name:") })
        #expect(facts.contains(": 70 years"), "\(facts)")
        #expect(lines.contains { $0.contains("Completed: 31 January 2026, 09:30 UTC") }, "\(text.prefix(600))")
        #expect(!text.contains("CTU") && !text.contains("yraunaJ"), "nothing outside the name is reversed")
    }
}

/// Reads a PDF's text with poppler's pdftotext.
enum PDFText {
    static func extract(_ path: String) throws -> String { try poppler(["pdftotext", "-layout", path, "-"]) }

    /// pdfinfo's report, dates in ISO form.
    static func info(_ path: String) throws -> String { try poppler(["pdfinfo", "-isodates", path]) }

    private static func poppler(_ arguments: [String]) throws -> String {
        try Tool.run(arguments[0], Array(arguments.dropFirst()), errors: false).output
    }
}
