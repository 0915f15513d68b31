import Foundation
import Screening

/// Turns an assessment into the report's document: what to say, in the order a doctor reads it.
/// It decides nothing clinical; every band, trigger and reason comes from the assessment.
///
/// Display conventions read from the questionnaire: `age` and `sex` for the header; the answers
/// of the section `symptoms` for "Symptoms at a glance"; the section `medicines` for medicines
/// and supplements.
public struct ReportBuilder {
    public let assessment: Assessment
    public let questionnaire: Questionnaire
    public var creator: String
    public var created: Date

    public init(assessment: Assessment, questionnaire: Questionnaire, creator: String, created: Date) {
        self.assessment = assessment
        self.questionnaire = questionnaire
        self.creator = creator
        self.created = created
    }

    public func document() -> ReportDocument {
        let date = assessment.completed.flatMap(ISO8601.parse) ?? created
        let dateText = UTCTime(date).readable
        var blocks: [Block] = []
        blocks += header(dateText)
        blocks += triage()
        blocks += summary()
        for nutrient in assessment.flaggedNutrients { blocks += section(for: nutrient) }
        blocks += otherCauses()
        blocks += instruments()
        blocks += symptomsAndMedicines()
        blocks += allAnswers()
        blocks += closing()
        let person = assessment.name.map { " — \(Self.isolated($0))" } ?? ""
        // Document metadata is plain text that viewers show in their own way: no isolates there,
        // and no bidi controls at all.
        let plainPerson = assessment.name.map { " — " + String(String.UnicodeScalarView($0.unicodeScalars.filter { !Self.isBidiControl($0) })) } ?? ""
        return ReportDocument(
            metadata: .init(
                title: "NutriScreen screening summary\(plainPerson)",
                subject: "Nutrition screening for nerve and muscle symptoms: a screening, not a diagnosis",
                keywords: (["NutriScreen", "screening"] + assessment.nutrients.map(\.name)).joined(separator: ", "),
                creator: creator, created: created),
            runningHeader: "NutriScreen screening summary\(person) · \(dateText)",
            runningFooter: "A screening, not a diagnosis. Take this summary to a clinician.",
            blocks: blocks)
    }

    /// A line of small grey explanatory text.
    private func smallPrint(_ text: String, gray: Double) -> Block {
        .paragraph(Paragraph([TextRun(text)], style: .small, gray: gray))
    }

    /// "References: [1], [4]" under a section, in small grey type: numbers in the list at the end.
    private func referencesLine(_ keys: [String]) -> Block {
        .paragraph(Paragraph([TextRun("References: ", bold: true), TextRun(citation(keys))], style: .small, gray: 0.3))
    }

    /// The numbers of the cited references, as "[1, 4]".
    private func citation(_ keys: [String]) -> String {
        let numbers = Set(keys.compactMap { key in assessment.references.firstIndex { $0.id == key }.map { $0 + 1 } }).sorted()
        return "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    // MARK: 1. Header

    private func answer(_ id: String) -> String? { assessment.answers.first { $0.id == id }.map { Self.isolated($0.answer) } }

    /// Text a person typed (a name, an answer), wrapped in a Unicode isolate (FSI … PDI), so
    /// right-to-left text, or a right-to-left override left open, is laid out on its own and
    /// cannot reorder the words around it (the header, the page's running header).
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// The explicit bidi formatting characters: embeddings, overrides, isolates and marks.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }

    private func header(_ date: String) -> [Block] {
        var facts: StyledText = []
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if !facts.isEmpty { facts.append(TextRun("     ")) }
            // Each fact stays on one line where it fits: no-break spaces inside a date or a name
            // (a fact wider than the whole line still breaks, between characters).
            facts += [TextRun("\(label):\u{00A0}", bold: true), TextRun(value.replacingOccurrences(of: " ", with: "\u{00A0}"))]
        }
        fact("Name", assessment.name.map(Self.isolated))
        fact("Age", answer("age"))
        fact("Sex", answer("sex"))
        fact("Completed", date)
        fact("Questionnaire", "\(assessment.questionnaire.id) \(assessment.questionnaire.version)")
        return [
            .heading(Heading(level: 0, text: "Nutrition screening summary", destination: "top")),
            smallPrint(
                "For discussion with a doctor or other clinician. NutriScreen screens for possible vitamin and mineral shortfalls behind nerve and muscle symptoms; it does not diagnose.",
                gray: 0.25),
            .paragraph(Paragraph(facts, style: .body)),
            .spacer(4),
        ]
    }

    // MARK: 2. Triage

    private func triage() -> [Block] {
        guard let level = assessment.triage.level else {
            return [
                .callout(
                    Callout(
                        symbol: "✓", title: "No see-a-doctor warning fired",
                        paragraphs: [
                            Paragraph([
                                TextRun(
                                    "None of the warning patterns in this screening matched the answers. If symptoms persist or get worse, see a doctor anyway."
                                )
                            ])
                        ], borderWidth: 0.8, fillGray: 0.97))
            ]
        }
        let (symbol, border, fill): (String, Double, Double) =
            switch level {
            case .emergency: ("⚠", 3, 0.86)
            case .urgent: ("!", 2, 0.91)
            case .routine: ("i", 1.2, 0.96)
            }
        var paragraphs: [Paragraph] = []
        for trigger in assessment.triggers {
            paragraphs.append(
                Paragraph([
                    TextRun("[\(trigger.urgency.rawValue.uppercased())] ", bold: true), TextRun(trigger.message + " " + citation(trigger.references)),
                ]))
            if !trigger.evidence.isEmpty {
                paragraphs.append(
                    Paragraph(
                        [
                            TextRun("Because: ", bold: true),
                            TextRun(trigger.evidence.map { "\($0.question) — \(Self.isolated($0.answer))" }.joined(separator: "; ")),
                        ], style: .small, gray: 0.2))
            }
        }
        return [.callout(Callout(symbol: symbol, title: assessment.triage.headline, paragraphs: paragraphs, borderWidth: border, fillGray: fill))]
    }

    // MARK: 3. Summary for the doctor

    private func summary() -> [Block] {
        let scale = assessment.nutrients.map { max($0.score, $0.thresholds.likely + 3) }.max() ?? 10
        let rows = assessment.nutrients.map { nutrient in
            ScoreChart.Row(
                name: nutrient.name, score: nutrient.score, possible: nutrient.thresholds.possible, likely: nutrient.thresholds.likely,
                band: nutrient.band.label, link: nutrient.band == .low ? nil : "nutrient-\(nutrient.id)")
        }
        var blocks: [Block] = [
            .heading(Heading(level: 1, text: "Summary for the doctor", destination: "summary")),
            smallPrint(
                "Every nutrient screened, highest first. Each bar shows the score against the thresholds for Possible (|) and Likely (‖). Bands are a screening heuristic, not a probability or a test result; nutrients in bold have a section of their own below.",
                gray: 0.2),
            .scoreChart(ScoreChart(rows: rows, scale: scale)),
            .heading(Heading(level: 2, text: "Tests to discuss", destination: "tests")),
        ]
        let names = Dictionary(
            assessment.nutrients.map { ($0.id, $0.name) } + assessment.otherCauses.map { ($0.id, "other causes") }, uniquingKeysWith: { a, _ in a })
        let tests = assessment.tests.map { test in
            var serves: [String] = []
            for id in test.for where !serves.contains(names[id] ?? id) { serves.append(names[id] ?? id) }
            return "\(test.name) — for \(serves.joined(separator: ", "))"
        }
        if tests.isEmpty {
            blocks.append(
                .paragraph(Paragraph([TextRun("No nutrient reached the Possible band. Discuss any symptoms that persist with your doctor.")])))
        } else {
            blocks.append(.checklist(Checklist(items: tests)))
        }
        return blocks
    }

    // MARK: 4. One section per flagged nutrient

    private func section(for nutrient: Assessment.NutrientResult) -> [Block] {
        var blocks: [Block] = [
            .heading(Heading(level: 1, text: "\(nutrient.name): \(nutrient.band.label)", destination: "nutrient-\(nutrient.id)")),
            .paragraph(
                Paragraph([
                    TextRun(nutrient.summary + " "), TextRun("Score \(NumberText.plain(nutrient.score))", bold: true),
                    TextRun(
                        " (Possible from \(NumberText.plain(nutrient.thresholds.possible)), Likely from \(NumberText.plain(nutrient.thresholds.likely))): a screening heuristic, not a test result."
                    ),
                ])),
            .heading(Heading(level: 2, text: "Why", destination: "nutrient-\(nutrient.id)-why")),
        ]
        let rows = (nutrient.supporting + nutrient.contrary).map { reason -> [String] in
            [
                reason.evidence.map(\.question).joined(separator: "; "), reason.evidence.map { Self.isolated($0.answer) }.joined(separator: "; "),
                (reason.points > 0 ? "+" : "") + NumberText.plain(reason.points), reason.reason,
            ]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init("Question", share: 0.27), .init("Answer", share: 0.2), .init("Points", share: 0.09, alignRight: true),
                        .init("Reason", share: 0.44),
                    ], rows: rows)))
        if !nutrient.foods.isEmpty {
            blocks.append(.heading(Heading(level: 2, text: "Food sources", destination: "nutrient-\(nutrient.id)-foods")))
            blocks.append(.paragraph(Paragraph([TextRun(nutrient.foods.joined(separator: "; ") + ".")])))
        }
        if !nutrient.notes.isEmpty {
            blocks.append(.heading(Heading(level: 2, text: "Notes", destination: "nutrient-\(nutrient.id)-notes")))
            for note in nutrient.notes { blocks.append(.paragraph(Paragraph([TextRun("• " + note)]))) }
        }
        blocks.append(referencesLine((nutrient.supporting + nutrient.contrary).flatMap(\.references)))
        return blocks
    }

    // MARK: Other causes

    private func otherCauses() -> [Block] {
        guard !assessment.otherCauses.isEmpty else { return [] }
        var blocks: [Block] = [.heading(Heading(level: 1, text: "Other causes to rule out", destination: "other-causes"))]
        for cause in assessment.otherCauses {
            blocks.append(.paragraph(Paragraph([TextRun("• " + cause.text + " "), TextRun(citation(cause.references))])))
        }
        return blocks
    }

    // MARK: 5. Instruments

    private func instruments() -> [Block] {
        var blocks: [Block] = [.heading(Heading(level: 1, text: "Validated questionnaires", destination: "instruments"))]
        if assessment.instruments.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun("None of the validated questionnaires applied to these answers.")])))
            return blocks
        }
        let rows = assessment.instruments.map {
            [$0.name, "\(NumberText.plain($0.total)) of \(NumberText.plain($0.maximum))", $0.cutoff, "\($0.result). \($0.meaning)"]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init("Questionnaire", share: 0.22), .init("Score", share: 0.1), .init("Cut-off", share: 0.3), .init("Result", share: 0.38),
                    ], rows: rows)))
        blocks.append(referencesLine(assessment.instruments.flatMap(\.references)))
        return blocks
    }

    // MARK: 6. Symptoms, medicines and supplements

    private func symptomsAndMedicines() -> [Block] {
        var blocks: [Block] = [.heading(Heading(level: 1, text: "Symptoms at a glance", destination: "symptoms"))]
        let rows = assessment.answers.filter { questionnaire.section(of: $0.id)?.id == "symptoms" }
            .map { [questionnaire.item($0.id)?.shortText ?? $0.question, $0.answer] }
        if rows.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun("No symptoms were recorded.")])))
        } else {
            blocks.append(.table(Table(columns: [.init("Question", share: 0.4), .init("Answer", share: 0.6)], rows: rows)))
        }
        blocks.append(.heading(Heading(level: 2, text: "Medicines and supplements", destination: "medicines")))
        let medicineRows = assessment.answers.filter { questionnaire.section(of: $0.id)?.id == "medicines" }
            .map { [questionnaire.item($0.id)?.shortText ?? $0.question, Self.isolated($0.answer)] }
        if medicineRows.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun("No medicines or supplements were recorded.")])))
        } else {
            blocks.append(.table(Table(columns: [.init("Question", share: 0.4), .init("Answer", share: 0.6)], rows: medicineRows)))
        }
        return blocks
    }

    // MARK: 7. All answers

    private func allAnswers() -> [Block] {
        var rows = assessment.answers.map { [$0.section, $0.question, Self.isolated($0.answer)] }
        if rows.isEmpty { rows = [["—", "No answers", "—"]] }
        var blocks: [Block] = [
            .heading(Heading(level: 1, text: "All answers", destination: "answers")),
            .table(Table(columns: [.init("Section", share: 0.18), .init("Question", share: 0.52), .init("Answer", share: 0.3)], rows: rows)),
        ]
        if !assessment.unanswered.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun("Not answered: ", bold: true),
                            TextRun(assessment.unanswered.map { questionnaire.item($0)?.shortText ?? $0 }.joined(separator: "; ")),
                        ], style: .small)))
        }
        return blocks
    }

    // MARK: 8. Notes and disclaimer

    private func closing() -> [Block] {
        var advice: [Block] = []
        if !assessment.advice.isEmpty {
            advice.append(.heading(Heading(level: 2, text: "General advice", destination: "advice")))
            for item in assessment.advice { advice.append(.paragraph(Paragraph([TextRun("• " + item.text)]))) }
        }
        var references: [Block] = []
        if !assessment.references.isEmpty {
            references.append(.heading(Heading(level: 1, text: "References", destination: "references")))
            for (index, reference) in assessment.references.enumerated() {
                let link = reference.url.map { " " + $0 } ?? ""
                references.append(.paragraph(Paragraph([TextRun("\(index + 1). ", bold: true), TextRun(reference.citation + link)], style: .small)))
            }
        }
        return [.heading(Heading(level: 1, text: "Notes for the clinician", destination: "notes"))] + [
            .notesBox(NotesBox(title: "Clinician's notes", lines: 7))
        ] + advice + references + [
            .paragraph(Paragraph([TextRun("Disclaimer. ", bold: true), TextRun(assessment.disclaimer)], style: .small, gray: 0.15)),
            smallPrint(
                "Questionnaire \(assessment.questionnaire.id) \(assessment.questionnaire.version), content SHA-256 \(assessment.questionnaire.contentHash.prefix(16))…; \(creator).",
                gray: 0.4),
        ]
    }
}
