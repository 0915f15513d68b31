import Foundation
import Testing

/// `nutriscreen export`, and FHIR responses read back by `assess` and `report`.
@Suite struct ExportCommandTests {
    static let sample = ProcessRunner.repository + "/Reports/sample-answers.yaml"

    @Test func exportWritesAPrivateBundleAndNeverReplacesOneWithoutForce() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/screening.fhir.json"
        let first = try runner.run(["export", "--answers", Self.sample, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == out + "\n")
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect(bundle?["resourceType"] as? String == "Bundle" && bundle?["type"] as? String == "collection")
        let again = try runner.run(["export", "--answers", Self.sample, "--out", out])
        #expect(again.status == 73 && again.stderr.contains("already exists"))
        #expect(try runner.run(["export", "--answers", Self.sample, "--out", out, "--force"]).status == 0)
    }

    @Test func theQuestionnaireAloneGoesToStandardOutput() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["export", "--questionnaire-only"], directory: ProcessRunner.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["resourceType"] as? String == "Questionnaire")
        #expect(object?["url"] as? String == "urn:nutriscreen:questionnaire:neuro_nutrition")
        let usage = try runner.run(["export"], directory: ProcessRunner.repository)
        #expect(usage.status == 64 && usage.stderr.contains("Pass --answers FILE, or --questionnaire-only."))
    }

    @Test func aBundleOrAResponseIsAnAnswersFileForAssessAndReport() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/sample.fhir.json"
        #expect(try runner.run(["export", "--answers", Self.sample, "--out", out]).status == 0)
        let fromYAML = try runner.run(["assess", "--json", "--answers", Self.sample])
        let fromFHIR = try runner.run(["assess", "--json", "--answers", out])
        #expect(fromFHIR.status == 0, "\(fromFHIR.stderr)")
        #expect(fromFHIR.stdout == fromYAML.stdout, "the same assessment, name and completion time included")
        let pdf = runner.state + "/from-fhir.pdf"
        let report = try runner.run(["report", "--answers", out, "--out", pdf])
        #expect(report.status == 0 && FileManager.default.fileExists(atPath: pdf), "\(report.stderr)")
        let broken = ProcessRunner.temporaryFile(#"{"resourceType": "QuestionnaireResponse", "item": [{"linkId": "nonsense"}]}"#, suffix: ".json")
        let refused = try runner.run(["assess", "--answers", broken])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(broken):1:"))
        #expect(refused.stderr.contains("unknown linkId 'nonsense'"))
    }

    /// The batch reads a FHIR response like any answers file (it once read only YAML there).
    @Test func aBatchTakesFHIRResponsesToo() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let (input, output) = (runner.state + "/in", runner.state + "/out")
        for folder in [input, output] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        #expect(try runner.run(["export", "--answers", Self.sample, "--out", input + "/sample.json"]).status == 0)
        let batch = try runner.run(["report", "--answers-dir", input, "--out-dir", output])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/sample.pdf"))
    }
}
