import Foundation
import Localization
import TestSupport
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// "Since your last screening": Ann's screenings before and five weeks after starting a vitamin
/// B12 supplement (Fixtures/ann-*-b12.yaml), compared by nutrient id, never rescored.
@Suite(.serialized) struct ComparisonTests {
    static let before = "Tests/ReportPDFTests/Fixtures/ann-before-b12.yaml"
    static let after = "Tests/ReportPDFTests/Fixtures/ann-after-b12.yaml"

    /// An earlier screening scored by an older version of the questionnaire, which did not score
    /// iron and gave vitamin B12 5 points.
    static func olderVersion() throws -> Assessment {
        var old = try Sample.assessment(before)
        old.completed = ISO8601.parse("2025-12-01T08:00:00Z")
        old.questionnaire.version = "1.9.0"
        old.questionnaire.contentHash = String(repeating: "0", count: 64)
        old.nutrients.removeAll { $0.id == "iron" }
        if let index = old.nutrients.firstIndex(where: { $0.id == "b12" }) {
            old.nutrients[index].score = 5
            old.nutrients[index].band = .possible
        }
        return old
    }

    static func comparison(_ earlier: [Assessment], _ current: Assessment) throws -> ScreeningComparison {
        try #require(ScreeningComparison(earlier: earlier, current: current))
    }

    /// The section's blocks, from its heading to the next section.
    static func section(_ document: ReportDocument) -> [Block] {
        guard let start = document.blocks.firstIndex(where: { if case .heading(let h) = $0 { h.destination == "since-last" } else { false } })
        else { return [] }
        let end =
            document.blocks[(start + 1)...].firstIndex { if case .heading(let h) = $0 { h.level <= 1 } else { false } } ?? document.blocks.endIndex
        return Array(document.blocks[start..<end])
    }

    /// The words of blocks: each paragraph's runs as one text, each table's titles and cells.
    static func words(_ blocks: [Block]) -> String {
        blocks.compactMap { block -> String? in
            switch block {
            case .heading(let h): h.text
            case .paragraph(let p): p.text.map(\.text).joined()
            case .table(let t): (t.columns.map(\.title) + t.rows.flatMap { $0 }).joined(separator: " ")
            default: nil
            }
        }.joined(separator: " ")
    }

    static func document(_ current: Assessment, _ comparison: ScreeningComparison?, detail: ReportDetail = .short) -> ReportDocument {
        ReportBuilder(
            assessment: current, creator: "NutriScreen test", created: Sample.created, detail: detail,
            zone: Zone(Sample.zone), comparison: comparison
        ).document()
    }

    @Test func theSectionMatchesItsSnapshot() throws {
        let current = try Sample.assessment(Self.after)
        let comparison = try Self.comparison([try Self.olderVersion(), try Sample.assessment(Self.before)], current)
        let full = Self.document(current, comparison)
        var document = full
        document.blocks = Self.section(full)
        let layout = ReportRenderer.layout(document, paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty, "\(layout.overflows)")
        #expect(layout.lonePunctuation.isEmpty, "\(layout.lonePunctuation)")
        ReportSnapshotTests.check(RecordingRenderer.record(layout), against: "comparison-section")
    }

    /// In Spanish, the whole section is Spanish (numbers with a decimal comma), and it still
    /// fits its columns.
    @Test func theSectionSpeaksSpanish() throws {
        let current = try Sample.assessment(Self.after, .es)
        let earlier = [try Self.olderVersion(), try Sample.assessment(Self.before, .es)]
        let comparison = try #require(ScreeningComparison(earlier: earlier, current: current))
        let full = ReportBuilder(
            assessment: current, creator: "NutriScreen test", created: Sample.created, detail: .short,
            zone: Zone(Sample.zone), comparison: comparison
        ).document()
        let section = Self.section(full)
        let text = Self.words(section)
        for spanish in ["Desde su último cribado", "La última vez", "Ahora", "Cambio", "−10, ahora Baja", "Síntomas", "umbrales de esta versión"] {
            #expect(text.contains(spanish), "\(spanish) in \(text)")
        }
        for english in ["Since your last", "Last time", "Change", "down ", "now Low", "Symptoms", "not scored", "nothing was rescored"] {
            #expect(!text.contains(english), "\(english) in \(text)")
        }
        var document = full
        document.blocks = section
        let layout = ReportRenderer.layout(document, paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty, "\(layout.overflows)")
        #expect(layout.lonePunctuation.isEmpty, "\(layout.lonePunctuation)")
    }

    /// Answers given both times that changed are listed (the supplement she started), and a
    /// validated questionnaire's result that changed with its totals; symptoms and the age are not
    /// repeated there.
    @Test func answersThatChangedAreListed() throws {
        let earlier = try Sample.assessment(Self.before)
        let current = try Sample.assessment(Self.after)
        let comparison = try Self.comparison([earlier], current)
        #expect(comparison.changedAnswers.map(\.id) == ["supplements"], "\(comparison.changedAnswers)")
        let words = ComparisonWords(.english)
        #expect(words.answerChange(comparison.changedAnswers[0]) == "Supplements: None of these → Vitamin B12", "\(comparison.changedAnswers)")
        let text = Self.words(Self.section(Self.document(current, comparison)))
        #expect(text.contains("Answers that changed: • Supplements: None of these → Vitamin B12"), "\(text)")
        let change = ScreeningComparison.AnswerChange(
            id: "audit_c", question: "AUDIT-C", then: "Positive", now: "Negative", totals: .init(then: 7, now: 3, maximum: 12))
        #expect(words.answerChange(change) == "AUDIT-C: 7 of 12 (Positive) → 3 of 12 (Negative)")
        #expect(ComparisonWords(Messages(.es)).answerChange(change) == "AUDIT-C: 7 de 12 (Positive) → 3 de 12 (Negative)")
    }

    /// Two screenings on one day are named by their time too: the heading and the chart's
    /// columns could not be told apart by the day alone.
    @Test func screeningsOnOneDayAreNamedWithTheirTime() throws {
        var earlier = try Sample.assessment(Self.before)
        earlier.completed = ISO8601.parse("2026-03-01T08:00:00Z")
        var current = try Sample.assessment(Self.after)
        current.completed = ISO8601.parse("2026-03-01T17:30:00Z")
        let blocks = Self.section(Self.document(current, try Self.comparison([earlier], current)))
        #expect(Self.words(blocks).contains("Since your last screening (1 March 2026, 08:00 UTC)"), "\(Self.words(blocks))")
        let columns = blocks.compactMap { if case .trendChart(let c) = $0 { c.columns } else { nil } }.first
        #expect(columns == ["1 March 2026, 08:00 UTC", "1 March 2026, 17:30 UTC (now)"], "\(columns ?? [])")
        // A week apart, the day is enough.
        current.completed = ISO8601.parse("2026-03-08T17:30:00Z")
        let apart = Self.section(Self.document(current, try Self.comparison([earlier], current)))
        #expect(Self.words(apart).contains("Since your last screening (1 March 2026)"))
    }

    @Test func whatChangedIsSaidNutrientByNutrient() throws {
        let current = try Sample.assessment(Self.after)
        let comparison = try Self.comparison([try Sample.assessment(Self.before)], current)
        let b12 = try #require(comparison.nutrients.first { $0.id == "b12" })
        #expect(b12.then == .init(score: 7, band: .likely))
        #expect(b12.now == .init(score: -3, band: .low))
        #expect(ComparisonWords(.english).change(b12) == "down 10, now Low")
        #expect(comparison.nutrients.map(\.id).sorted() == current.nutrients.map(\.id).sorted())
        #expect(comparison.versionDifference == nil)
        // Last time B12 was Likely, which fired a warning of its own; the lasting symptoms fire one both times.
        #expect(comparison.newTriggers.isEmpty)
        #expect(comparison.goneTriggers.map(\.id) == ["likely_nutrient"])
        #expect(comparison.keptTriggers.map(\.id) == ["persistent_symptoms"])
        #expect(comparison.newSymptoms.map(\.id) == ["symptoms=cramps", "cramps_where=legs"])
        #expect(comparison.goneSymptoms.map(\.id) == ["body_symptoms=fatigue"])
        #expect(comparison.goneSymptoms.map(\.label) == ["Other symptoms: Tiredness or lack of energy"])
        #expect(comparison.trend.count == 2)
        #expect(comparison.chartedNutrients.map(\.id) == ["b12", "iron"], "flagged in one of the two screenings")

        let section = Self.section(Self.document(current, comparison))
        let text = Self.words(section)
        #expect(text.contains("Since your last screening (2 February 2026)"))
        #expect(text.contains("5 weeks before this one"))
        #expect(text.contains("Likely (7)") && text.contains("Low (-3)"))
        #expect(text.contains("Low last time and now: Vitamin D 2 → 1"), "the short form names the rest in a line")
        #expect(text.contains("New symptoms: ") && text.contains("Nerve and muscle symptoms: Muscle cramps"))
        #expect(text.contains("Warnings that no longer fire: • ROUTINE: At least one nutrient scored Likely."), "\(text)")
        // The long form tables every nutrient.
        let long = Self.section(Self.document(current, comparison, detail: .full))
        let rows = long.compactMap { if case .table(let t) = $0 { t.rows.count } else { nil } }
        #expect(rows == [current.nutrients.count])
    }

    @Test func anOlderVersionIsNamedAndNothingIsRescored() throws {
        let old = try Self.olderVersion()
        let current = try Sample.assessment(Self.before)
        let comparison = try Self.comparison([old], current)
        #expect(comparison.versionDifference == .version(then: "1.9.0", now: Sample.questionnaire.version))
        let b12 = try #require(comparison.nutrients.first { $0.id == "b12" })
        #expect(b12.then == .init(score: 5, band: .possible), "the score that version gave, not a new one")
        let iron = try #require(comparison.nutrients.first { $0.id == "iron" })
        #expect(iron.then == nil)
        #expect(ComparisonWords(.english).change(iron) == "new in this version")
        let text = Self.words(Self.section(Self.document(current, comparison)))
        #expect(text.contains("scored with version 1.9.0 of the questionnaire, this one with version \(Sample.questionnaire.version)"))
        #expect(text.contains("nothing was rescored"))

        // A nutrient the new version no longer scores keeps its old score, and says so.
        var gone = try Sample.assessment(Self.after)
        gone.nutrients.removeAll { $0.id == "vitamin_d" }
        let dropped = try #require(try Self.comparison([current], gone).nutrients.first { $0.id == "vitamin_d" })
        #expect(dropped.now == nil && dropped.then?.score == 2)
        #expect(ComparisonWords(.english).change(dropped) == "not scored by this version")
        // Another questionnaire, and a changed content under the same version, are named too.
        var other = try Sample.assessment(Self.after)
        other.questionnaire.id = "other_form"
        other.questionnaire.version = "1.9.0"
        let otherForm = try Self.comparison([other], current)
        #expect(otherForm.versionDifference == .questionnaire(id: "other_form", version: "1.9.0"))
        #expect(!otherForm.symptomsCompared && otherForm.newSymptoms.isEmpty && otherForm.goneSymptoms.isEmpty)
        #expect(Self.words(Self.section(Self.document(current, otherForm))).contains(ComparisonWords(.english).symptomsNotCompared))
        var edited = current
        edited.questionnaire.contentHash = String(repeating: "1", count: 64)
        #expect(try Self.comparison([edited], current).versionDifference == .content(version: Sample.questionnaire.version))
    }

    @Test func warningsNewAndGoneAreNamed() throws {
        let current = try Sample.assessment(Self.after)
        var earlier = current
        earlier.completed = ISO8601.parse("2026-01-01T10:00:00Z")
        let routine = try #require(current.triggers.first)
        earlier.triggers = [
            Assessment.TriggerResult(id: "an_old_warning", urgency: .urgent, message: "See a doctor soon.", references: [], evidence: [])
        ]
        let comparison = try Self.comparison([earlier], current)
        #expect(comparison.newTriggers.map(\.id) == [routine.id])
        #expect(comparison.goneTriggers.map(\.id) == ["an_old_warning"])
        let text = Self.words(Self.section(Self.document(current, comparison)))
        #expect(text.contains("New see-a-doctor warnings: • ROUTINE: \(routine.message)"), "\(text)")
        // A screening kept before the five levels keeps its `urgent`, named as the level it was: 24 to 48 hours.
        #expect(text.contains("Warnings that no longer fire: • 24 TO 48 HOURS: See a doctor soon."))
        #expect(text.contains("Symptoms: the same as last time."))
    }

    /// A screening the history kept as assessment schemaVersion 2 (Fixtures/ann-before-b12.v2.json,
    /// written by the program before version 3), completed from the questionnaire of the same id,
    /// is compared as the same screening kept now.
    @Test func aScreeningKeptInSchemaVersion2IsComparedAsOneKeptNow() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Sample.repository + "/Tests/ReportPDFTests/Fixtures/ann-before-b12.v2.json"))
        let stored = try JSONDecoder().decode(Assessment.self, from: data)
        #expect(stored.schemaVersion == 2 && stored.person.name == "Ann Example" && stored.answers.allSatisfy { $0.section.isEmpty })
        let filled = stored.filledIn(from: Sample.questionnaire)
        let kept = try Sample.assessment(Self.before)
        #expect(filled.answers == kept.answers && filled.person == kept.person && filled.unanswered == kept.unanswered)
        #expect(filled.ruledOut == kept.ruledOut && filled.context == kept.context && filled.report == kept.report)
        let current = try Sample.assessment(Self.after)
        let (old, now) = (try Self.comparison([filled], current), try Self.comparison([kept], current))
        #expect(old.symptomsCompared && old.newSymptoms == now.newSymptoms && old.goneSymptoms == now.goneSymptoms)
        #expect(old.changedAnswers == now.changedAnswers)
        // Phosphate and copper came after it was kept: they were not screened then (no score last
        // time, not a score of 0); every other nutrient compares as if kept now.
        let screenedThen = Set(stored.nutrients.map(\.id))
        #expect(Set(now.nutrients.map(\.id)).subtracting(screenedThen) == ["phosphate", "copper"])
        #expect(old.nutrients.filter { !screenedThen.contains($0.id) }.allSatisfy { $0.then == nil && $0.now != nil })
        #expect(old.nutrients.filter { screenedThen.contains($0.id) } == now.nutrients.filter { screenedThen.contains($0.id) })
        #expect(try Self.comparison([stored], current).symptomsCompared == false, "not filled in, it names no symptoms section")
    }

    @Test func aFirstScreeningHasNoSection() throws {
        let current = try Sample.assessment(Self.after)
        #expect(ScreeningComparison(earlier: [], current: current) == nil)
        let document = Self.document(current, nil)
        #expect(Self.section(document).isEmpty)
        #expect(!document.texts.contains { $0.contains("Since your last screening") })
    }

    /// The chart keeps to the last five screenings, each bar a tagged figure whose alternative
    /// text says the score and band; the PDF stays valid and accessible.
    @Test func theChartShowsUpToFiveScreeningsWithAlternativeText() throws {
        let current = try Sample.assessment(Self.after)
        let base = try Sample.assessment(Self.before)
        let earlier = (1...7).map { month -> Assessment in
            var screening = base
            screening.completed = ISO8601.parse(String(format: "2025-%02d-01T09:00:00Z", month))
            return screening
        }
        let comparison = try Self.comparison(earlier, current)
        #expect(comparison.trend.count == 5)
        #expect(comparison.trend.first?.occasion.completed == ISO8601.parse("2025-04-01T09:00:00Z"))
        let layout = ReportRenderer.layout(Self.document(current, comparison), paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty, "\(layout.overflows)")
        let bars = layout.figureTexts.filter { $0.contains(": score ") && $0.hasPrefix("Vitamin B12, ") }
        #expect(bars.count == 5, "\(bars)")
        #expect(bars.last == "Vitamin B12, 9 March 2026: score -3, Low.")
        #expect(bars.first == "Vitamin B12, 1 April 2025: score 7, Likely.")

        let pdf = try ReportRenderer.pdf(Self.document(current, comparison), paper: .a4)
        let path = Sample.temporary(pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Sample.run("qpdf", ["--check", path]).status == 0)
        let text = Sample.normalised(try Sample.run("pdftotext", [path, "-"]).output)
        #expect(text.contains("Since your last screening (1 July 2025)"))
        let checker = Sample.repository + "/.build/venv/bin/pdfua"
        guard FileManager.default.isExecutableFile(atPath: checker) else {
            Issue.record("pdfua is not installed: run scripts/install-python")
            return
        }
        let result = try Sample.run(checker, ["check", "--format", "json", path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(result.output.prefix(300))")
        let rules = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule_id"] as? String }
        #expect(rules == ["UA-28-004"], "\(result.output.prefix(1500))")
    }
}
