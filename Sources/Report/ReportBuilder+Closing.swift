import Foundation
import Localization
import Screening

/// The end of the report: the part for the person, the answers appendix, the notes box, the
/// references and the disclaimer.
extension ReportBuilder {
    // MARK: The part for the person

    func forThePerson() -> [Block] {
        var blocks: [Block] = [
            heading(1, words.forYou, "for-you"),
            smallPrint(
                words.forYouIntro
                    + (assessment.tests.isEmpty || detail == .full
                        ? "" : " " + (assessment.tests.count == 1 ? words.askAboutTheTest : words.askWhichTests(count: assessment.tests.count))),
                gray: 0.2),
        ]
        if !assessment.tests.isEmpty, detail == .full {
            blocks.append(heading(2, words.whatToAsk, "ask"))
            do {
                for test in assessment.tests {
                    blocks.append(.paragraph(Paragraph([TextRun("• \(test.name). ", bold: true), TextRun(test.why)], style: .small)))
                }
            }
        }
        let withFoods = assessment.flaggedNutrients.filter { !$0.foods.isEmpty }
        if !withFoods.isEmpty {
            blocks.append(heading(2, words.foods, "foods"))
            for nutrient in withFoods {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [TextRun(words.labelled(text: nutrient.name) + " ", bold: true), TextRun(nutrient.foods.joined(separator: "; ") + ".")],
                            style: .small)
                    ))
            }
        }
        if !assessment.advice.isEmpty {
            blocks.append(heading(2, words.lookingAfterYourself, "advice"))
            for item in assessment.advice {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [TextRun("• " + [item.text, citation(item.references)].filter { !$0.isEmpty }.joined(separator: " "))], style: .small)))
            }
        }
        return blocks.count > 2 ? blocks : []
    }

    // MARK: Appendix: the answers

    /// Every answer, two to a row; in the short form without those page 1 and the evidence tables
    /// already show.
    func answersAppendix() -> [Block] {
        let shownInEvidence = Set(assessment.flaggedNutrients.flatMap { ($0.supporting + $0.contrary).flatMap { $0.evidence.map(\.itemID) } })
        let report = assessment.report
        let onPageOne = Set(report.person.ids + assessment.context.flatMap(\.answers))
        let sectionsOnPageOne = [report.symptoms, report.warningSigns].compactMap { $0 }
        let shownAbove = { (answer: Assessment.AnsweredItem) in
            shownInEvidence.contains(answer.id) || onPageOne.contains(answer.id) || sectionsOnPageOne.contains(answer.section) || answer.isTyped
        }
        let answers = detail == .full ? assessment.answers : assessment.answers.filter { !shownAbove($0) }
        var blocks: [Block] = [heading(1, detail == .full ? words.allAnswers : words.otherAnswers, "answers")]
        if detail == .short {
            blocks.append(smallPrint(words.notRepeated, gray: 0.3))
        }
        if answers.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(assessment.answers.isEmpty ? words.noAnswers : words.allShown)], style: .small)))
        } else {
            // Two answers to a row, each as "Question: answer", read across.
            let cells = answers.map { words.labelled(text: $0.label) + " " + shown($0) }
            let rows = stride(from: 0, to: cells.count, by: 2).map { [cells[$0], $0 + 1 < cells.count ? cells[$0 + 1] : ""] }
            blocks.append(
                .table(Table(columns: [.init(words.answerColumn, share: 0.5), .init(words.answerColumn, share: 0.5)], rows: rows, compact: true)))
        }
        if !assessment.unanswered.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.labelled(text: words.notAnswered) + " ", bold: true),
                            TextRun(assessment.unanswered.map(\.label).joined(separator: "; ") + "."),
                        ], style: .small)))
        }
        return blocks
    }

    // MARK: Notes, references, disclaimer

    func closing() -> [Block] {
        var blocks: [Block] = [
            heading(1, words.notesForClinician, "notes"),
            .notesBox(NotesBox(title: words.clinicianNotes, lines: detail == .full ? 7 : 4, minimumLines: 3)),
        ]
        if !assessment.references.isEmpty {
            blocks.append(heading(1, words.references, "references"))
            // The long form gives each work a paragraph and its address; the short one runs the
            // citations together, which find the works as well.
            if detail == .full {
                for (index, reference) in assessment.references.enumerated() {
                    let link = reference.url.map { " " + $0 } ?? ""
                    blocks.append(.paragraph(Paragraph([TextRun("\(index + 1). ", bold: true), TextRun(reference.citation + link)], style: .fine)))
                }
            } else {
                var runs: StyledText = []
                for (index, reference) in assessment.references.enumerated() {
                    runs += [TextRun((index == 0 ? "" : "   ") + "\(index + 1).\u{00A0}", bold: true), TextRun(reference.citation)]
                }
                blocks.append(.paragraph(Paragraph(runs, style: .fine)))
            }
        }
        blocks += [
            .paragraph(Paragraph([TextRun(words.disclaimer + " ", bold: true), TextRun(assessment.disclaimer)], style: .fine, gray: 0.15)),
            .paragraph(
                Paragraph(
                    [
                        TextRun(
                            words.colophon(
                                questionnaire: "\(assessment.questionnaire.id) \(assessment.questionnaire.version)",
                                hash: String(assessment.questionnaire.contentHash.prefix(16)), creator: creator))
                    ], style: .fine, gray: 0.4)),
        ]
        return blocks
    }
}
