import Foundation
import TestSupport
import Testing

/// Answers files an outside tester made by hand, through the built executable: each is refused
/// with a located error and exit 65, or read as it says; a batch whose files share a name loses no
/// report.
@Suite struct HostileAnswersTests {
    static let sample = ProcessRunner.repository + "/Reports/sample-answers.yaml"
    static let response =
        #"{"resourceType": "QuestionnaireResponse", "questionnaire": "urn:nutriscreen:questionnaire:neuro_nutrition|VERSION", "status": "STATUS", "item": [ITEMS]}"#
    static let chestPain = #"{"linkId": "ws_now", "answer": [{"valueCoding": {"code": "chest_pain"}}]}"#
    static let noneNow = #"{"linkId": "ws_now", "answer": [{"valueCoding": {"code": "none"}}]}"#

    static func response(_ items: String, status: String = "completed", version: String = "2.0.0") -> String {
        response.replacingOccurrences(of: "ITEMS", with: items).replacingOccurrences(of: "STATUS", with: status)
            .replacingOccurrences(of: "VERSION", with: version)
    }

    func assess(_ text: String, suffix: String = ".json", _ runner: ProcessRunner) throws -> (ProcessRunner.Result, String) {
        let file = runner.state + "/answers" + suffix
        #expect(FileManager.default.createFile(atPath: file, contents: Data(text.utf8)))
        return (try runner.run(["assess", "--answers", file, "--json"]), file)
    }

    @Test func handMadeAnswersAreRefusedWhereTheyGoWrong() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let cases: [(String, String, String)] = [
            (Self.response(Self.chestPain + ", " + Self.noneNow), ".json", "ws_now is answered twice"),
            (Self.response(Self.chestPain, status: "entered-in-error"), ".json", "entered-in-error"),
            (
                #"{"resourceType": "Bundle", "entry": [{"fullUrl": "urn:uuid:a", "resource": {"resourceType": "Patient", "name": [{"text": "   "}]}}, {"resource": \#(Self.response(Self.chestPain))}]}"#,
                ".json", "name is blank"
            ),
            (
                try String(contentsOfFile: Self.sample, encoding: .utf8).replacingOccurrences(of: "name: Sam Sample", with: "name: ~"), ".yaml",
                "not null"
            ),
            (
                try String(contentsOfFile: Self.sample, encoding: .utf8).replacingOccurrences(
                    of: "stiff_legs: false", with: "stiff_legs: !!str false"),
                ".yaml", "!!str"
            ),
        ]
        for (text, suffix, problem) in cases {
            let (result, file) = try assess(text, suffix: suffix, runner)
            #expect(result.status == 65, "\(problem): \(result.status) \(result.stdout.prefix(200))")
            #expect(result.stderr.contains(problem), "\(result.stderr)")
            #expect(result.stderr.hasPrefix(file + ":"), "located: \(result.stderr)")
        }
    }

    @Test func aBundleIsReadForThePersonItsResponseNames() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        func patient(_ id: String, _ name: String) -> String {
            #"{"fullUrl": "urn:uuid:\#(id)", "resource": {"resourceType": "Patient", "name": [{"text": "\#(name)"}]}}"#
        }
        let response = Self.response(Self.noneNow).replacingOccurrences(
            of: #""status""#, with: #""subject": {"reference": "urn:uuid:ann"}, "status""#)
        let (named, _) = try assess(
            #"{"resourceType": "Bundle", "entry": [\#(patient("ann", "Ann Example")), {"resource": \#(response)}, \#(patient("bo", "Bo Other"))]}"#,
            runner)
        #expect(named.stdout.contains(#""name" : "Ann Example""#), "\(named.stdout.prefix(300)) \(named.stderr)")
        let (ambiguous, file) = try assess(
            #"{"resourceType": "Bundle", "entry": [\#(patient("ann", "Ann Example")), \#(patient("bo", "Bo Other")), {"resource": \#(Self.response(Self.noneNow))}]}"#,
            runner)
        #expect(ambiguous.status == 65)
        #expect(ambiguous.stderr.hasPrefix(file + ":1:") && ambiguous.stderr.contains("holds 2 Patients"), "\(ambiguous.stderr)")
    }

    @Test func aResponseForAnotherVersionSaysSo() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let (result, file) = try assess(Self.response(Self.noneNow, version: "1.0.0"), runner)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix(file + ":1:"), "\(result.stderr)")
        #expect(result.stderr.contains("written for version 1.0.0 of the questionnaire"), "\(result.stderr)")
    }

    @Test func jsonAfterAByteOrderMarkIsRead() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let (result, _) = try assess("\u{FEFF}" + Self.response(Self.noneNow), runner)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// visit.yaml, visit.yml and visit.json are three people: three reports, under names that
    /// say which is which.
    @Test func batchFilesThatShareANameEachGetAReport() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let input = runner.state + "/in"
        let output = runner.state + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        // visit.yaml.json would take visit.yaml.pdf once visit.yaml has it.
        for (suffix, name) in [("yaml", "Ann Yaml"), ("yml", "Bo Yml"), ("json", "Cy Json"), ("yaml.json", "Di Double")] {
            try sample.replacingOccurrences(of: "Sam Sample", with: name).write(toFile: input + "/visit." + suffix, atomically: true, encoding: .utf8)
        }
        try sample.write(toFile: input + "/other.yaml", atomically: true, encoding: .utf8)
        let result = try runner.run(["report", "--answers-dir", input, "--out-dir", output])
        #expect(result.status == 0, "\(result.stderr)")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs == ["other.pdf", "visit.json.pdf", "visit.yaml.json.pdf", "visit.yaml.pdf", "visit.yml.pdf"], "\(pdfs)")
        #expect(result.stdout.contains("5 answers files: 5 reports written"))
        #expect(result.stderr.contains("visit.json, visit.yaml, visit.yml: these answers files share a name"), "\(result.stderr)")
        for (pdf, name) in [
            ("visit.yaml.pdf", "Ann Yaml"), ("visit.yml.pdf", "Bo Yml"), ("visit.json.pdf", "Cy Json"), ("visit.yaml.json.pdf", "Di Double"),
        ] {
            #expect(try ProcessRunner.output(of: "pdftotext", [output + "/" + pdf, "-"]).contains(name), "\(pdf) is \(name)'s")
        }
    }

    /// A report that cannot be written names the answers file it came from.
    @Test func aBatchFailureNamesItsInputFile() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let input = runner.state + "/in"
        let output = runner.state + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: output + "/ann.pdf", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sample, toPath: input + "/ann.yaml")
        let result = try runner.run(["report", "--answers-dir", input, "--out-dir", output, "--force"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("\(input)/ann.yaml: "), "\(result.stderr)")
    }
}
