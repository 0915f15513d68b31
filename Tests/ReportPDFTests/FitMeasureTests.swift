import Foundation
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// The goals of issue 24 measured over every vignette (fit, coverage, alcohol and the others):
/// medicines and health conditions on page 1 in every report and a median of at most 8 first-line tests; the pages are
/// measured and printed. Tests come in two tiers, each once.
@Suite(.serialized) struct FitMeasureTests {
    static let folders = ["vignettes", "fit-vignettes", "coverage-vignettes", "alcohol-vignettes"]

    static var files: [String] {
        folders.flatMap { folder in
            let path = Sample.repository + "/Tests/ScreeningTests/Fixtures/\(folder)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Tests/ScreeningTests/Fixtures/\(folder)/\($0)" }
        }
    }

    struct Measure {
        var file: String
        var pages: Int
        var firstLine: Int
        var medicinesOnPageOne: Bool
        var conditionsOnPageOne: Bool
    }

    static func measure(_ file: String, engine: PangoTextEngine) throws -> Measure {
        let assessment = try Sample.assessment(file)
        let layout = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: engine)
        let first = layout.pages[0].elements.compactMap { if case .text(let t) = $0 { t.lines.map(\.text).joined(separator: " ") } else { nil } }
            .joined(separator: " ")
        return Measure(
            file: file, pages: layout.pages.count, firstLine: assessment.tests.filter { $0.tier == .first }.count,
            medicinesOnPageOne: first.contains("Medicines and supplements"), conditionsOnPageOne: first.contains("Long-term conditions"))
    }

    @Test func theReportsFitTheGoals() throws {
        let engine = try PangoTextEngine.forCurrentThread()
        let measures = try Self.files.map { try Self.measure($0, engine: engine) }
        #expect(measures.count >= 90)
        let withinThree = measures.filter { $0.pages <= 3 }.count
        let firstLine = measures.map(\.firstLine).sorted()
        let median = firstLine[firstLine.count / 2]
        let summary =
            "\(measures.count) reports: \(withinThree) within 3 pages (\(100 * withinThree / measures.count) %), most pages \(measures.map(\.pages).max() ?? 0), median first-line tests \(median), most \(firstLine.last ?? 0)"
        print("fit figures: \(summary)")
        for m in measures where !m.medicinesOnPageOne { Issue.record("\(m.file): the medicines are not on page 1") }
        for m in measures where !m.conditionsOnPageOne { Issue.record("\(m.file): the health conditions are not on page 1") }
        #expect(median <= 8, "\(summary)")
        // The page goals (90 % within 3 pages, none over 4) are not met yet: the figures are
        // printed and kept in the notes of issue 24 until the report is made shorter.
        print("fit reports over 4 pages: \(measures.filter { $0.pages > 4 }.map { "\($0.file) \($0.pages)" })")
    }

    /// A GP orders the first-line tests today; antibodies and MMA come only if the first results
    /// are abnormal (NICE NG239), each test once, and the count is said right in the singular.
    @Test func testsComeInTwoTiers() throws {
        let assessment = try Sample.assessment("Tests/ScreeningTests/Fixtures/fit-vignettes/tests-two-tiers.yaml")
        let first = Set(assessment.tests.filter { $0.tier == .first }.map(\.id))
        let later = Set(assessment.tests.filter { $0.tier == .ifAbnormal }.map(\.id))
        #expect(first.isSuperset(of: ["fbc", "serum_b12", "folate", "hba1c"]), "\(first)")
        #expect(later.isSuperset(of: ["if_antibodies", "mma"]), "\(later)")
        #expect(first.count <= 8, "\(first)")
        #expect(Set(assessment.tests.map(\.id)).count == assessment.tests.count, "each test once")
        let text = Sample.normalised(Sample.document(assessment).texts.joined(separator: " "))
        #expect(text.contains("If the first results are abnormal: Methylmalonic acid"), "\(text)")
        var one = assessment
        one.tests = Array(assessment.tests.prefix(1))
        let single = Sample.document(one).texts.joined(separator: " ")
        #expect(!single.contains("which of the 1 tests") && single.contains("whether the test"))
    }
}
