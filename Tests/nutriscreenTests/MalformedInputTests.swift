import Foundation
import Testing

/// A corpus of broken questionnaires and answers files, each naming the located message it must
/// produce in its first line (`# expect: line:col: message`). The real executable must print that
/// one located line on stderr, exit 65, show no stack trace, and write nothing.
@Suite struct MalformedInputTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus + "/" + folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The expectation on a file's first line.
    static func expectation(_ path: String) -> String {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let first = data.prefix { $0 != 10 }
        return String(decoding: first, as: UTF8.self).replacingOccurrences(of: "# expect: ", with: "")
    }

    private func check(_ result: ProcessRunner.Result, file: String, expected: String, runner: ProcessRunner) throws {
        #expect(result.status == 65, "\(file): exit \(result.status)")
        let located = result.stderr.split(separator: "\n").filter { $0.hasPrefix(file + ":") }
        #expect(located.count == 1, "\(file): \(result.stderr)")
        #expect(located.first?.hasPrefix("\(file):\(expected)") == true, "\(file): got \(located.first ?? "nothing"), expected \(expected)")
        for crash in ["Fatal error", "Stack dump", "backtrace", "Illegal instruction", "Segmentation"] {
            #expect(!result.stderr.contains(crash), "\(file): \(crash)")
        }
        let written = try FileManager.default.contentsOfDirectory(atPath: runner.state)
        #expect(written.isEmpty, "\(file): wrote \(written)")
    }

    @Test(arguments: files("questionnaires"))
    func aBrokenQuestionnaireGivesOneLocatedLine(_ name: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = Self.corpus + "/questionnaires/" + name
        try check(try runner.run(["validate", path]), file: path, expected: Self.expectation(path), runner: runner)
        try check(try runner.run(["start", "--questionnaire", path], input: "1\n"), file: path, expected: Self.expectation(path), runner: runner)
    }

    @Test(arguments: files("answers"))
    func aBrokenAnswersFileGivesOneLocatedLine(_ name: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = Self.corpus + "/answers/" + name
        let expected = Self.expectation(path)
        try check(try runner.run(["assess", "--answers", path]), file: path, expected: expected, runner: runner)
        try check(
            try runner.run(["report", "--answers", path, "--out", runner.state + "/never.pdf"]), file: path, expected: expected, runner: runner)
    }

    @Test func aHugeQuestionnaireIsRefusedBeforeParsing() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = NSTemporaryDirectory() + "nutriscreen-huge-\(UUID().uuidString).yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "#"), count: 5 << 20)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try check(
            try runner.run(["validate", path]), file: path, expected: "1:1: the file is 5242880 bytes; the largest accepted is 4194304",
            runner: runner)
    }
}
