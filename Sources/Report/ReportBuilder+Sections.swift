import Foundation
import Localization
import Screening

/// The sections after page 1: one per flagged nutrient with its evidence, other causes, and the
/// validated questionnaires.
extension ReportBuilder {
    // MARK: One section per flagged nutrient

    func section(for nutrient: Assessment.NutrientResult) -> [Block] {
        let id = "nutrient-\(nutrient.id)"
        var blocks: [Block] = [
            heading(1, "\(nutrient.name): \(nutrient.band.label(messages))", id),
            .paragraph(
                Paragraph(
                    [
                        TextRun(nutrient.summary + " "), TextRun(words.score(score: messages.number(nutrient.score)), bold: true),
                        TextRun(" " + words.scoreNote(thresholds: thresholds(nutrient))),
                    ], style: .small)),
        ]
        let reasons = nutrient.supporting + nutrient.contrary
        let rows = reasons.map { reason -> [String] in
            let answers = reason.evidence.map { "\($0.question): \(Self.isolated($0.answer))" }
            return [
                (reason.points > 0 ? "+" : "") + messages.number(reason.points), kindName(reason.kind),
                [reason.reason, citation(reason.references)].filter { !$0.isEmpty }.joined(separator: " "),
                answers.joined(separator: "; "),
            ]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init(words.pointsColumn, share: 0.08, alignRight: true), .init(words.kindColumn, share: 0.1),
                        .init(words.evidenceColumn, share: 0.44), .init(words.saidColumn, share: 0.38),
                    ], rows: rows, compact: detail == .short)))
        if detail == .full, !nutrient.uncounted.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.uncounted + " ", bold: true),
                            TextRun(words.uncountedWhy(name: nutrient.name) + " " + nutrient.uncounted.map(\.reason).joined(separator: " ")),
                        ], style: .small)))
        }
        if !nutrient.tests.isEmpty {
            // Page 1 gives each test in full; here its name up to any bracket or colon will do.
            let names = nutrient.tests.compactMap { id in assessment.tests.first { $0.id == id }?.name }
                .map { detail == .full ? $0 : Self.shortName($0) }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: words.tests) + " ", bold: true), TextRun(names.joined(separator: "; ") + ".")], style: .small)))
        }
        if !nutrient.notes.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: words.notes) + " ", bold: true), TextRun(nutrient.notes.joined(separator: " "))], style: .small)
                ))
        }
        return blocks
    }

    /// What a rule rests on, in a word: risk, sign or symptom.
    func kindName(_ kind: RuleKind) -> String {
        switch kind {
        case .risk: words.risk
        case .sign: words.sign
        case .symptom: words.symptom
        }
    }

    // MARK: Other causes and instruments

    /// Known conditions to check (a known diabetic's control and feet), then the causes to rule out.
    func otherCauses() -> [Block] {
        otherCauses(known: true, words.knownConditions, "known-conditions") + otherCauses(known: false, words.otherCauses, "other-causes")
    }

    func otherCauses(known: Bool, _ title: String, _ destination: String) -> [Block] {
        let causes = assessment.otherCauses.filter { ($0.known != nil) == known }
        guard !causes.isEmpty else { return [] }
        var blocks: [Block] = [heading(1, title, destination)]
        let names = Dictionary(assessment.tests.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for cause in causes {
            let tests = cause.tests.compactMap { names[$0] }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun("• " + [cause.text, citation(cause.references)].filter { !$0.isEmpty }.joined(separator: " "))]
                            + (tests.isEmpty
                                ? []
                                : [TextRun(" " + words.labelled(text: words.test) + " ", bold: true), TextRun(tests.joined(separator: "; ") + ".")]),
                        style: .small)))
        }
        return blocks
    }

    func instruments() -> [Block] {
        guard !assessment.instruments.isEmpty else {
            return detail == .full
                ? [
                    heading(1, words.instruments, "instruments"),
                    .paragraph(Paragraph([TextRun(words.noInstruments)], style: .small)),
                ] : []
        }
        var blocks: [Block] = [heading(detail == .full ? 1 : 2, words.instruments, "instruments")]
        if detail == .short {
            // One line each: the total and what it means; the cut-offs are in the long form.
            for instrument in assessment.instruments {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [
                                TextRun(words.labelled(text: instrument.name) + " ", bold: true),
                                TextRun(
                                    words.instrumentResult(total: outOf(instrument), result: instrument.result) + " "
                                        + [instrument.meaning, citation(instrument.references)].filter { !$0.isEmpty }.joined(separator: " ")),
                            ], style: .small)))
            }
            return blocks
        }
        let rows = assessment.instruments.map {
            [
                $0.name, outOf($0), $0.cutoff,
                [$0.result + ". " + $0.meaning, citation($0.references)].filter { !$0.isEmpty }.joined(separator: " "),
            ]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init(words.questionnaireColumn, share: 0.2), .init(words.totalColumn, share: 0.1), .init(words.cutoffColumn, share: 0.28),
                        .init(words.resultColumn, share: 0.42),
                    ], rows: rows)))
        return blocks
    }

    /// "9 of 13".
    func outOf(_ instrument: Assessment.InstrumentResult) -> String {
        words.outOf(total: messages.number(instrument.total), maximum: messages.number(instrument.maximum))
    }
}
