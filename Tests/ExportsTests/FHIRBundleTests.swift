import Foundation
import TestSupport
import Testing

@testable import Exports
@testable import Screening

/// The FHIR export, checked by a real FHIR R4 implementation and read back.
@Suite struct FHIRBundleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let questionnaire: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: repository + "/Questionnaires/neuro-nutrition.yaml") } catch {
            fatalError("the default questionnaire does not load: \(error)")
        }
    }()
    static let vignettes = repository + "/Tests/ScreeningTests/Fixtures/vignettes"
    static let coverageVignettes = repository + "/Tests/ScreeningTests/Fixtures/coverage-vignettes"
    /// The default questionnaire in Spanish.
    static let spanish: Questionnaire = {
        let path = repository + "/Questionnaires/neuro-nutrition.es.yaml"
        do { return try QuestionnaireTranslation.apply(try QuestionnaireLoader.data(at: path), file: path, to: questionnaire) } catch {
            fatalError("the Spanish translation does not load: \(error)")
        }
    }()

    /// Every answers file the tests know: the sample and every vignette (the coverage ones too).
    static var answerFiles: [String] {
        let files = [vignettes, coverageVignettes].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
        }
        return [repository + "/Reports/sample-answers.yaml"] + files
    }

    static func documents() throws -> [(String, AnswersDocument)] {
        var result = try answerFiles.map { ($0, try AnswersDocument.load(path: $0, questionnaire: questionnaire, today: .machine)) }
        var rng = SeededRandom(seed: 20_261_129)
        let completed = Date(timeIntervalSince1970: 1_772_359_200)
        for index in 0..<20 {
            let answers = AnswerSampler.completePath(questionnaire, on: CalendarDate(completed, in: Clock.machine.zone), using: &rng)
            result.append(("random-\(index)", AnswersDocument(answers: answers, name: "Random \(index)", completed: completed)))
        }
        return result
    }

    static func bundle(_ document: AnswersDocument, in questionnaire: Questionnaire = questionnaire) -> JSONValue {
        let assessment = Assessor(questionnaire: questionnaire, today: .machine, pruning: true).assess(
            document.answers, name: document.name, completed: document.completed)
        return FHIRBundle(questionnaire: questionnaire).bundle(document, assessment: assessment)
    }

    static func write(_ json: JSONValue, _ name: String, in folder: String) -> String {
        let path = folder + "/" + name + ".json"
        _ = FileManager.default.createFile(atPath: path, contents: json.data())
        return path
    }

    @Test func everyExportIsValidFHIRR4ToARealFHIRLibrary() throws {
        let folder = NSTemporaryDirectory() + "fhir-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths = [
            Self.write(FHIRBundle(questionnaire: Self.questionnaire).questionnaireResource(), "questionnaire", in: folder),
            Self.write(FHIRBundle(questionnaire: Self.spanish).questionnaireResource(), "questionnaire-es", in: folder),
        ]
        for (index, (_, document)) in try Self.documents().enumerated() {
            paths.append(Self.write(Self.bundle(document), "bundle-\(index)", in: folder))
            // In Spanish too: the same codes and values, Spanish texts, `language: es`.
            if index % 5 == 0 { paths.append(Self.write(Self.bundle(document, in: Self.spanish), "bundle-es-\(index)", in: folder)) }
        }
        // The pinned fhir.resources lives in the virtual environment the test command sets up.
        let python = Self.repository + "/.build/venv/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run scripts/install-python (scripts/test does)")
        let result = try Tool.run(python, [URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/validate_fhir.py"] + paths)
        #expect(result.status == 0, "\(result.output.prefix(4000)) (the test command installs fhir.resources: scripts/install-python)")
        #expect(result.output.contains("\(paths.count) file(s): valid FHIR R4"))
    }

    /// A Spanish export reads back as the same answers, and says its language.
    @Test func aSpanishExportReadsBackAsTheSameAnswers() throws {
        for (name, document) in try Self.documents().prefix(5) {
            let bundle = Self.bundle(document, in: Self.spanish)
            let response = try #require(Self.response(of: bundle))
            guard case .object(let members) = response else { continue }
            #expect(members["language"] == "es", "\(name)")
            let read = try FHIRResponseReader.parse(bundle.data(), file: name, questionnaire: Self.questionnaire, today: .machine)
            #expect(read.answers == document.answers, "\(name)")
        }
    }

    /// The QuestionnaireResponse of a bundle, as a file of its own.
    static func response(of bundle: JSONValue) -> JSONValue? {
        guard case .object(let members) = bundle, case .array(let entries)? = members["entry"] else { return nil }
        for entry in entries {
            if case .object(let e) = entry, case .object(let resource)? = e["resource"], resource["resourceType"] == "QuestionnaireResponse" {
                return .object(resource)
            }
        }
        return nil
    }

    @Test func answersToAResponseAndBackGiveTheSameAssessment() throws {
        let assessor = Assessor(questionnaire: Self.questionnaire, today: .machine, pruning: true)
        for (name, document) in try Self.documents() {
            let exported = Self.bundle(document)
            let response = try #require(Self.response(of: exported), "\(name)")
            let read = try FHIRResponseReader.parse(response.data(), file: name + ".json", questionnaire: Self.questionnaire, today: .machine)
            #expect(read.answers == document.answers, "\(name)")
            #expect(read.completed == document.completed, "\(name)")
            let before = assessor.assess(document.answers, name: document.name, completed: document.completed)
            let after = assessor.assess(read.answers, name: document.name, completed: read.completed)
            #expect(before == after, "\(name)")
            // The whole bundle reads back too, with the person's name from its Patient.
            let whole = try FHIRResponseReader.parse(exported.data(), file: name + ".json", questionnaire: Self.questionnaire, today: .machine)
            #expect(whole.name == document.name && whole.answers == document.answers, "\(name)")
        }
    }

    @Test func theSameScreeningGivesTheSameBytes() throws {
        let (_, document) = try #require(Self.documents().first)
        #expect(Self.bundle(document).data() == Self.bundle(document).data())
    }

    @Test func theQuestionnaireCarriesEveryItemWithItsConditionsOptionsAndUnits() throws {
        guard case .object(let q) = FHIRBundle(questionnaire: Self.questionnaire).questionnaireResource(), case .array(let groups)? = q["item"] else {
            Issue.record("no items")
            return
        }
        var items: [String: [String: JSONValue]] = [:]
        for group in groups {
            guard case .object(let g) = group, case .array(let children)? = g["item"] else { continue }
            for child in children { if case .object(let c) = child, case .string(let id)? = c["linkId"] { items[id] = c } }
        }
        #expect(Set(items.keys) == Set(Self.questionnaire.items.map(\.id)))
        #expect(q["version"] == .string(Self.questionnaire.version))
        #expect(q["url"] == .string("urn:nutriscreen:questionnaire:neuro_nutrition"))
        // A simple condition becomes enableWhen; one FHIR cannot say keeps its text as an expression.
        let heavy = try #require(items["eggs_dairy_rarely"])
        #expect(
            heavy["enableWhen"] == [
                .object([
                    "question": "diet", "operator": "=",
                    "answerCoding": FHIRBundle(questionnaire: Self.questionnaire).coding(Self.questionnaire.item("diet")!, "vegetarian"),
                ])
            ])
        let menopause = try #require(items["menopause"])
        #expect(menopause["enableWhen"] == nil)
        #expect("\(menopause["extension"] ?? .array([]))".contains("not pregnant in [pregnant, breastfeeding]"))
        // AUDIT-C points travel as itemWeight; a number's limits and unit as extensions; several choices repeat.
        let text = { (id: String, key: String) in "\(items[id]?[key] ?? .array([]))" }
        #expect(text("audit_q1", "answerOption").contains(FHIRBundle.Extension.itemWeight))
        #expect(text("age", "extension").contains("unitsofmeasure"))
        #expect(items["symptoms"]?["repeats"] == .bool(true))
        #expect(text("ws_now", "extension").contains(FHIRBundle.Extension.askAlways))
        // A date of birth is a FHIR date; the age worked out from it carries its expression.
        #expect(items["birth_date"]?["type"] == .string("date"))
        #expect(text("age", "extension").contains(FHIRBundle.Extension.calculatedExpression))
        #expect(text("age", "extension").contains("years(birth_date)"))
    }

    @Test func everyKindOfQuestionHasAFHIRMapping() throws {
        for kind in QuestionKinds.all {
            #expect(kind is any FHIRItemKind.Type, "\(kind.name) has no FHIR mapping: add it to FHIRItemKind.swift")
        }
        let born = Answer.date(try #require(CalendarDate(year: 1957, month: 11, day: 2)))
        #expect(DateKind().fhirAnswers(born) { .string($0) } == [.object(["valueDate": "1957-11-02"])])
    }

    @Test func oneRiskAssessmentPerFlaggedNutrientAndOneFlagPerWarning() throws {
        let document = try AnswersDocument.load(
            path: Self.vignettes + "/diuretics-diarrhoea.yaml", questionnaire: Self.questionnaire, today: .machine)
        let assessment = Assessor(questionnaire: Self.questionnaire, today: .machine).assess(document.answers, completed: document.completed)
        let text = String(decoding: Self.bundle(document).data(), as: UTF8.self)
        #expect(text.components(separatedBy: "\"resourceType\" : \"RiskAssessment\"").count - 1 == assessment.flaggedNutrients.count)
        #expect(text.components(separatedBy: "\"resourceType\" : \"Flag\"").count - 1 == assessment.triggers.count)
        #expect(text.contains("\"code\" : \"PH\""), "the emergency flag has high priority")
        #expect(text.contains("\"code\" : \"high\""), "a Likely nutrient is a high qualitative risk")
    }

    /// Phosphate and copper travel as any nutrient does: a RiskAssessment with the nutrient's name.
    @Test func phosphateAndCopperTravelAsRiskAssessments() throws {
        for (file, nutrient, name) in [("anorexia-eating-again", "phosphate", "Phosphate"), ("bypass-copper", "copper", "Copper")] {
            let document = try AnswersDocument.load(
                path: Self.coverageVignettes + "/\(file).yaml", questionnaire: Self.questionnaire, today: .machine)
            let text = String(decoding: Self.bundle(document).data(), as: UTF8.self)
            #expect(text.contains("\"id\" : \"risk-\(nutrient)\""), "\(file)")
            #expect(text.contains("\"text\" : \"\(name)\""), "\(file)")
            let spanish = String(decoding: Self.bundle(document, in: Self.spanish).data(), as: UTF8.self)
            #expect(spanish.contains("\"text\" : \"\(nutrient == "copper" ? "Cobre" : "Fosfato")\""), "\(file) in Spanish")
        }
    }

    @Test func aFHIRResourceIsRecognisedByItsTopLevelResourceType() throws {
        #expect(FHIRResponseReader.recognises(Data(#"{"entry": [{"resource": {"resourceType": "X"}}], "resourceType": "Bundle"}"#.utf8)))
        #expect(!FHIRResponseReader.recognises(Data(#"{"answers": {"resourceType": "QuestionnaireResponse"}}"#.utf8)))
        #expect(!FHIRResponseReader.recognises(Data(#"{"note": "\"resourceType\": a string", "age": 40}"#.utf8)))
        #expect(!FHIRResponseReader.recognises(Data("resourceType: QuestionnaireResponse\nage: 40\n".utf8)), "YAML is never FHIR JSON")
    }

    @Test func aBrokenResponseGivesLocatedProblems() throws {
        func problems(_ json: String) -> [String] {
            do {
                _ = try FHIRResponseReader.parse(Data(json.utf8), file: "r.json", questionnaire: Self.questionnaire, today: .machine)
                return []
            } catch { return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } }
        }
        let base =
            #"{"resourceType": "QuestionnaireResponse", "questionnaire": "urn:nutriscreen:questionnaire:neuro_nutrition|2.0.0", "status": "completed", "item": ["#
        #expect(
            problems(base + #"{"linkId": "agee", "answer": [{"valueInteger": 40}]}]}"#) == [
                "1:158: unknown linkId 'agee' for questionnaire 'neuro_nutrition'"
            ])
        #expect(
            problems(base + #"{"linkId": "age", "answer": [{"valueString": "forty"}]}]}"#).first?.contains("age: expected a whole number") == true)
        #expect(
            problems(base + #"{"linkId": "age", "answer": [{"valueInteger": 7}]}]}"#).first?.contains(
                "7 is outside the allowed range 18 to 120 years") == true)
        #expect(
            problems(base + #"{"linkId": "pregnant", "answer": [{"valueCoding": {"code": "no"}}]}]}"#).first?.contains(
                "pregnant is answered, but it is only asked when") == true)
        #expect(
            problems(#"{"resourceType": "Patient"}"#) == [
                "1:18: a 'Patient' is not a set of answers; give a QuestionnaireResponse or a Bundle holding one"
            ])
        #expect(
            problems(#"{"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/q|1"}"#).first?.contains(
                "this response answers 'http://example.org/q|1'") == true)
        // A name with a control character is refused, as in any answers file.
        let bundle =
            #"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "name": [{"text": "Ann\u001bSmith"}]}}, {"resource": "#
            + #"{"resourceType": "QuestionnaireResponse", "questionnaire": "urn:nutriscreen:questionnaire:neuro_nutrition|2.0.0", "status": "completed"}}]}"#
        #expect(problems(bundle).first?.contains("holds a control character") == true, "\(problems(bundle))")
    }
}
