import Foundation
import Testing

@testable import Exports
@testable import Screening

/// Each validated instrument's total travels as a survey Observation a record system can chart:
/// AUDIT-C coded with its LOINC total-score code, the others by name only.
@Suite struct FHIRObservationTests {
    @Test func eachInstrumentShownIsOneObservationWithItsTotalAndResult() throws {
        var seen: [String: Int] = [:]
        for (name, document) in try FHIRBundleTests.documents() {
            let assessment = Assessor(questionnaire: FHIRBundleTests.questionnaire, today: .machine, pruning: true).assess(
                document.answers, name: document.name, completed: document.completed)
            let entries = FHIRPatientTests.entries(FHIRBundle(questionnaire: FHIRBundleTests.questionnaire).bundle(document, assessment: assessment))
            let patient = try #require(entries.first { $0.resource["resourceType"] == "Patient" }?.url, "\(name)")
            let response = try #require(entries.first { $0.resource["resourceType"] == "QuestionnaireResponse" }?.url, "\(name)")
            let observations = entries.map(\.resource).filter { $0["resourceType"] == "Observation" }
            #expect(observations.count == assessment.instruments.count, "\(name)")
            for (result, observation) in zip(assessment.instruments, observations) {
                seen[result.id, default: 0] += 1
                #expect(observation["valueInteger"] == .integer(Int(result.total)), "\(name): \(result.id)")
                #expect(observation["subject"] == .object(["reference": .string(patient)]), "\(name)")
                #expect(observation["derivedFrom"] == [.object(["reference": .string(response)])], "\(name)")
                guard case .array(let interpretations)? = observation["interpretation"], case .object(let first)? = interpretations.first,
                    case .array(let codings)? = first["coding"], case .object(let coding)? = codings.first
                else {
                    Issue.record("\(name): \(result.id) has no interpretation")
                    continue
                }
                #expect(coding["code"] == .string(result.positive ? "POS" : "NEG"), "\(name): \(result.id)")
                #expect(first["text"] == .string(result.result), "\(name): \(result.id)")
            }
        }
        // The vignettes and random sets reach every instrument.
        #expect(Set(seen.keys) == Set(FHIRBundleTests.questionnaire.instruments.map(\.id)), "\(seen)")
    }

    @Test(arguments: ["en", "es"]) func theAUDITCTotalCarriesItsLOINCCodeAndTheOthersNoneTheyDoNotHave(language: String) throws {
        let bundle = FHIRBundle(questionnaire: language == "es" ? FHIRBundleTests.spanish : FHIRBundleTests.questionnaire)
        let document = try AnswersDocument.load(
            path: FHIRBundleTests.repository + "/Reports/sample-answers.yaml", questionnaire: bundle.questionnaire, today: .machine)
        let assessment = Assessor(questionnaire: bundle.questionnaire, today: .machine, pruning: true).assess(
            document.answers, name: document.name, completed: document.completed)
        var codes: [String: JSONValue?] = [:]
        for result in assessment.instruments {
            guard case .object(let observation) = bundle.observationResource(result, patient: "p", response: "r", authored: nil),
                case .object(let code)? = observation["code"]
            else {
                Issue.record("\(result.id): no code")
                continue
            }
            codes[result.id] = code["coding"]
            #expect(code["text"] == .string(result.name))
        }
        let loinc: JSONValue = [.object(["system": "http://loinc.org", "code": "75626-2", "display": "Total score [AUDIT-C]"])]
        #expect(codes["audit_c"] == .some(loinc), "\(codes)")
        for (id, coding) in codes where id != "audit_c" { #expect(coding == nil, "\(id) has a code LOINC does not give it") }
    }

    @Test func aCodeWithoutAURISystemOrWithoutADisplayIsALocatedError() throws {
        let path = FHIRBundleTests.repository + "/Questionnaires/neuro-nutrition.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = #"    code: {system: "http://loinc.org", code: "75626-2", display: "Total score [AUDIT-C]"}"#
        let number = try #require(text.components(separatedBy: "\n").firstIndex(of: line)) + 1
        for (broken, message) in [
            (#"    code: {system: "loinc", code: "75626-2", display: "Total score [AUDIT-C]"}"#, "must be a URI"),
            (#"    code: {system: "http://loinc.org", code: "75626-2"}"#, "display"),
        ] {
            do {
                _ = try QuestionnaireLoader.load(data: Data(text.replacingOccurrences(of: line, with: broken).utf8), file: "q.yaml")
                Issue.record("\(broken) was accepted")
            } catch {
                let list = error
                #expect(list.diagnostics.count == 1, "\(list.diagnostics.map(\.description))")
                #expect(list.diagnostics.first?.location.line == number, "\(list.diagnostics.map(\.description))")
                #expect(list.diagnostics.first?.message.contains(message) == true, "\(list.diagnostics.map(\.description))")
            }
        }
    }
}
