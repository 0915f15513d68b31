import Foundation
import TestSupport
import Testing

@testable import Exports
@testable import Screening

/// The exported Questionnaire run by an independent FHIRPath engine (fhirpathpy) over exported
/// responses enables exactly the items NutriScreen shows and works out the same scores, bands and
/// triage: the sample, every vignette and thousands of seeded random complete answer sets, in one
/// Python process.
@Suite struct FHIRPathAgreementTests {
    /// How many random answer sets: `NUTRISCREEN_FHIRPATH_SETS` in the environment, else 150,
    /// which keeps the test near 3 minutes on a loaded 2-core machine (252 sets took 227 s there:
    /// 60 s to export them, 162 s for fhirpathpy). The closing run used 5,000.
    static let randomSets = ProcessInfo.processInfo.environment["NUTRISCREEN_FHIRPATH_SETS"].flatMap { Int($0) } ?? 150
    static let seed = 20_261_207

    @Test func fhirPathEnablesTheShownItemsAndScoresAsNutriScreenDoes() throws {
        let questionnaire = FHIRBundleTests.questionnaire
        let navigator = Navigator(questionnaire: questionnaire)
        let folder = NSTemporaryDirectory() + "fhirpath-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = FHIRBundle(questionnaire: questionnaire)
        let questionnairePath = FHIRBundleTests.write(bundle.questionnaireResource(), "questionnaire", in: folder)

        var cases = try FHIRBundleTests.answerFiles.map {
            ($0, try AnswersDocument.load(path: $0, questionnaire: questionnaire, today: .machine))
        }
        var rng = SeededRandom(seed: Self.seed)
        let completed = Date(timeIntervalSince1970: 1_772_359_200)
        for index in 0..<Self.randomSets {
            let answers = AnswerSampler.completePath(questionnaire, on: CalendarDate(completed, in: Clock.machine.zone), using: &rng)
            cases.append(("seed \(Self.seed) set \(index)", AnswersDocument(answers: answers, completed: completed)))
        }
        let started = ContinuousClock.now
        var lines = ""
        for (name, document) in cases {
            let assessment = Assessor(questionnaire: questionnaire, today: .machine).assess(document.answers, completed: document.completed)
            let response = try #require(FHIRBundleTests.response(of: bundle.bundle(document, assessment: assessment)))
            let enabled = navigator.visibleItems(document.answers).map { JSONValue.string($0.id) }
            var expected: [String: JSONValue] = ["triage": assessment.triage.level.map { .string($0.rawValue) } ?? .array([])]
            for nutrient in assessment.nutrients {
                expected[FHIRPathVariables.score(nutrient.id)] = .number(nutrient.score)
                expected[FHIRPathVariables.band(nutrient.id)] = .string(nutrient.band.rawValue)
            }
            let line: JSONValue = .object([
                "name": .string(name), "response": response, "enabled": .array(enabled), "variables": .object(expected),
            ])
            lines += String(decoding: line.data(), as: UTF8.self).replacingOccurrences(of: "\n", with: "") + "\n"
        }
        let casesPath = folder + "/cases.jsonl"
        _ = FileManager.default.createFile(atPath: casesPath, contents: Data(lines.utf8))

        let python = FHIRBundleTests.repository + "/.build/venv/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run scripts/install-python (scripts/test does)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/agree_fhirpath.py"
        let exported = ContinuousClock.now - started
        let result = try Tool.run(python, [script, questionnairePath, casesPath])
        print("fhirpathpy: \(result.output.split(separator: "\n").last ?? "") (exporting them took \(exported))")
        #expect(result.status == 0, "\(result.output.prefix(4000))")
        #expect(result.output.contains("\(cases.count) answer set(s)") && result.output.contains(" 0 mismatch(es)"), "\(result.output.suffix(400))")
    }

    @Test func everyVariableHasAUniqueNameThatIsAnIDAndAFHIRPathIdentifier() throws {
        let names = FHIRPathVariables(questionnaire: FHIRBundleTests.questionnaire).all().map(\.name)
        #expect(Set(names).count == names.count)
        let invalid = names.filter { $0.wholeMatch(of: /[A-Za-z][A-Za-z0-9]*/) == nil }
        #expect(invalid.isEmpty, "\(invalid)")
        #expect(names.contains("triage") && names.contains("scoreVitaminD") && names.contains("bandB6Low"))
    }

    @Test func noConditionIsLeftInAPrivateLanguage() throws {
        let text = String(decoding: FHIRBundle(questionnaire: FHIRBundleTests.questionnaire).questionnaireResource().data(), as: UTF8.self)
        #expect(!text.contains("x-nutriscreen"))
        #expect(text.contains("\"language\" : \"text/fhirpath\"") || text.contains("\"language\":\"text/fhirpath\""))
    }
}
