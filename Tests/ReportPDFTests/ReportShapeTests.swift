import Foundation
import Localization
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// What a clinician with ten minutes needs: few pages, page 1 carrying the visit, each test once,
/// a clean layout, and an accessible PDF.
@Suite(.serialized) struct ReportShapeTests {
    /// Answers file, and the most pages in the short form in English and in Spanish (which runs
    /// about a tenth longer: the typical vegan screening fills three pages in English, four in Spanish).
    static let budgets: [(answers: String, pages: [Language: Int])] = [
        ("Reports/sample-answers.yaml", [.en: 6, .es: 6]), (Sample.vignette("vegan"), [.en: 3, .es: 4]),
        (Sample.vignette("older-metformin-ppi"), [.en: 4, .es: 4]), (Sample.vignette("benign-night-cramps"), [.en: 3, .es: 3]),
        (Sample.vignette("nothing-likely"), [.en: 3, .es: 3]),
    ]

    /// In every language: the longer words of a translation must not cost pages.
    @Test(arguments: budgets, Language.allCases)
    func theShortFormKeepsToItsPageBudget(budget: (answers: String, pages: [Language: Int]), language: Language) throws {
        let answers = budget.answers
        let pages = try #require(budget.pages[language])
        let engine = try PangoTextEngine.forCurrentThread()
        let assessment = try Sample.assessment(answers, language)
        let short = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: engine)
        let full = ReportRenderer.layout(Sample.document(assessment, detail: .full), paper: .a4, measurer: engine)
        #expect(short.pages.count <= pages, "\(language): \(short.pages.count) pages")
        #expect(full.pages.count >= short.pages.count, "the long form says more")
        for layout in [short, full] {
            #expect(layout.overflows.isEmpty, "\(layout.overflows.prefix(2))")
            #expect(layout.lonePunctuation.isEmpty, "\(layout.lonePunctuation.prefix(3))")
            #expect(layout.pages.count == 1 || layout.lastPageFill >= ReportRenderer.nearlyEmpty, "nearly empty last page: \(layout.lastPageFill)")
        }
    }

    /// Page 1 holds the whole visit: who, why, triage, flagged nutrients, tests and medicines.
    @Test func pageOneCarriesTheVisit() throws {
        let assessment = try Sample.assessment(Sample.vignette("vegan"))
        let layout = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        let first = layout.pages[0].elements.compactMap { if case .text(let t) = $0 { t.lines.map(\.text).joined(separator: " ") } else { nil } }
            .joined(separator: " ")
        for part in [
            "Name:", "Age:", "Sex:", "Completed:", "Why they came", "Symptoms for how long", "Course of the symptoms", "ROUTINE",
            "Because:", "Warning signs asked and answered no", "Flagged nutrients", "Vitamin B12", "Tests to discuss", "Medicines and supplements",
        ] {
            #expect(first.contains(part), "page 1 lacks \(part)")
        }
    }

    /// Each test is listed once on page 1, and only tests that apply to the person appear anywhere
    /// (the B12 test for pregnancy only in pregnancy, the bowel test only where it applies).
    @Test func everyTestOnceAndOnlyWhereItApplies() throws {
        let folder = Sample.repository + "/Tests/ScreeningTests/Fixtures/vignettes"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count > 30)
        for file in files + ["../../../../Reports/sample-answers.yaml"] {
            let assessment = try Sample.assessment("Tests/ScreeningTests/Fixtures/vignettes/" + file)
            let document = Sample.document(assessment)
            let listed = document.blocks.compactMap { if case .checklist(let list) = $0 { list } else { nil } }.flatMap(\.items)
                .map { $0.first?.text ?? "" }
            // The checklist holds the first-line tests; the others follow in a line of their own.
            #expect(listed == assessment.tests.filter { $0.tier == .first }.map(\.name), "\(file)")
            #expect(Set(listed).count == listed.count, "\(file): a test listed twice")
            // The nutrient sections name their tests too ("Tests: …"), shortened to before any bracket.
            let sections = document.blocks.compactMap { block -> String? in
                guard case .paragraph(let p) = block, p.text.first?.text == "Tests: " else { return nil }
                return p.text.map(\.text).joined()
            }.joined(separator: "\n")
            for test in Sample.questionnaire.tests where !assessment.tests.contains(where: { $0.id == test.id }) {
                let short = String(test.name.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
                #expect(!listed.contains(test.name), "\(file): \(test.id) does not apply but is listed")
                #expect(!sections.contains(short + ";") && !sections.contains(short + "."), "\(file): \(test.id) does not apply but is named")
            }
        }
    }

    @Test func theDateOfBirthIsShownWithTheAgeItGives() throws {
        var document = try AnswersDocument.load(
            path: Sample.repository + "/Reports/sample-answers.yaml", questionnaire: Sample.questionnaire, today: .machine)
        document.answers["birth_date"] = .date(try #require(CalendarDate(year: 1958, month: 4, day: 12)))
        let assessment = Assessor(questionnaire: Sample.questionnaire, today: .machine).assess(
            document.answers, name: document.name, completed: document.completed)
        #expect(assessment.person.birthDate == CalendarDate(year: 1958, month: 4, day: 12) && assessment.person.age == 67)
        let facts = try #require(PDFIntegrationTests.facts(in: Sample.document(assessment))).map(\.text).joined()
        #expect(facts.contains("Date\u{00A0}of\u{00A0}birth:\u{00A0}12\u{00A0}April\u{00A0}1958\u{00A0}(age\u{00A0}67)"), "\(facts)")
        #expect(!facts.contains("Age:"), "the age answer is not shown beside a date of birth")
    }

    @Test func theCompletionTimeIsLocalWithItsZone() throws {
        let moment = Date(timeIntervalSince1970: 1_772_359_200)
        #expect(LocalTime(moment, in: Zone(TimeZone(identifier: "UTC")!)).readable(.english) == "1 March 2026, 10:00 UTC")
        #expect(LocalTime(moment, in: Zone(TimeZone(identifier: "Europe/Paris")!)).readable(.english) == "1 March 2026, 11:00 UTC+01:00")
        #expect(LocalTime(moment, in: Zone(TimeZone(identifier: "America/New_York")!)).readable(.english) == "1 March 2026, 05:00 UTC−05:00")
        #expect(LocalTime(moment, in: Zone(TimeZone(secondsFromGMT: 19_800)!)).readable(.english) == "1 March 2026, 15:30 UTC+05:30")
    }

    /// The Python package pdfua (0.1.3, installed by scripts/install-python into .build/venv) checks
    /// the machine-checkable part of PDF/UA-1: no errors; the one warning left, no XMP claim of
    /// PDF/UA conformance, is kept on purpose (only a part of the rules is checked, so the report
    /// does not claim to conform).
    @Test(
        arguments: [
            "Reports/sample-answers.yaml", Sample.vignette("vegan"), Sample.vignette("benign-night-cramps"), Sample.vignette("older-metformin-ppi"),
        ], Language.allCases)
    func pdfuaFindsNoErrors(answers: String, language: Language) throws {
        let checker = Sample.repository + "/.build/venv/bin/pdfua"
        guard FileManager.default.isExecutableFile(atPath: checker) else {
            Issue.record("pdfua is not installed: run scripts/install-python")
            return
        }
        let path = Sample.temporary(try Sample.pdf(try Sample.assessment(answers, language)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Sample.run(checker, ["check", "--format", "json", path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output.prefix(300))")
        let rules = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(rules == ["UA-28-004"], "\(result.output.prefix(1500))")
    }
}
