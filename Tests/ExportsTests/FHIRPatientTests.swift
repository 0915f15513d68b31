import Foundation
import Testing

@testable import Exports
@testable import Screening

/// The Patient a clinic matches the record by: the name, date of birth and gender the answers
/// give, and every RiskAssessment, Flag and the response pointing at it.
@Suite struct FHIRPatientTests {
    /// The resources of a bundle, with their full URLs.
    static func entries(_ bundle: JSONValue) -> [(url: String, resource: [String: JSONValue])] {
        guard case .object(let members) = bundle, case .array(let entries)? = members["entry"] else { return [] }
        return entries.compactMap { entry in
            guard case .object(let e) = entry, case .string(let url)? = e["fullUrl"], case .object(let resource)? = e["resource"] else { return nil }
            return (url, resource)
        }
    }

    @Test func thePatientCarriesTheBirthDateAndGenderAnswered() throws {
        var seen: Set<String> = []
        for (name, document) in try FHIRBundleTests.documents() {
            let entries = Self.entries(FHIRBundleTests.bundle(document))
            let patients = entries.filter { $0.resource["resourceType"] == "Patient" }
            try #require(patients.count == 1, "\(name)")
            let patient = patients[0].resource
            var birth: String?
            if case .date(let day)? = document.answers["birth_date"] { birth = day.iso }
            #expect(patient["birthDate"] == birth.map(JSONValue.string), "\(name)")
            var sex: String?
            if case .choice(let value)? = document.answers["sex"] { sex = value }
            switch sex {
            case "female", "male": #expect(patient["gender"] == sex.map(JSONValue.string), "\(name)")
            default: #expect(patient["gender"] == nil, "\(name): \(sex ?? "no answer") gives no gender")
            }
            seen.insert(sex ?? "none")
            #expect(patient["name"] == document.name.map { [.object(["text": .string($0)])] }, "\(name)")
        }
        // The sample, the vignettes and the random sets reach each case.
        #expect(seen.isSuperset(of: ["female", "male", "other"]), "\(seen)")
    }

    @Test func everyRiskAssessmentFlagAndTheResponseReferToThePatient() throws {
        var risks = 0
        var flags = 0
        for (name, document) in try FHIRBundleTests.documents() {
            let entries = Self.entries(FHIRBundleTests.bundle(document))
            let patient = try #require(entries.first { $0.resource["resourceType"] == "Patient" }?.url, "\(name)")
            for (_, resource) in entries where ["RiskAssessment", "Flag", "QuestionnaireResponse"].contains(resource["resourceType"]) {
                #expect(resource["subject"] == .object(["reference": .string(patient)]), "\(name): \(resource["resourceType"] ?? "?")")
                if resource["resourceType"] == "RiskAssessment" { risks += 1 }
                if resource["resourceType"] == "Flag" { flags += 1 }
            }
        }
        #expect(risks > 0 && flags > 0, "\(risks) risk assessments, \(flags) flags")
    }
}
