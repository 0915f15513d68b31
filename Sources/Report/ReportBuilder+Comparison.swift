import Foundation
import Screening

/// The section "Since your last screening (date)": each nutrient's band and score then and now,
/// see-a-doctor warnings and symptoms new or gone, and the scores over up to the last five
/// screenings. Present only when there is an earlier screening to compare with.
extension ReportBuilder {
    func sinceLastScreening() -> [Block] {
        guard let comparison else { return [] }
        let said = ComparisonWords(messages)
        let day = said.namer(for: comparison, in: timeZone)
        let small = { (runs: StyledText) in Block.paragraph(Paragraph(runs, style: .small)) }
        var blocks: [Block] = [
            heading(1, said.heading(lastDay: day(comparison.last.completed)), "since-last"),
            smallPrint(
                said.lead(
                    lastTime: LocalTime(comparison.last.completed, in: timeZone).readable(messages),
                    interval: said.interval(from: comparison.last.completed, to: comparison.current.completed))),
        ]
        if let difference = comparison.versionDifference {
            blocks.append(small([TextRun(said.versionNote(difference, current: comparison.current), bold: true)]))
        }

        // The short form tables the nutrients flagged last time or now and names the rest in a line.
        let tabled = detail == .full ? comparison.nutrients : comparison.nutrients.filter(\.isFlagged)
        let rest = detail == .full ? [] : comparison.nutrients.filter { !$0.isFlagged }
        if !tabled.isEmpty {
            let columns = said.columns
            blocks.append(
                .table(
                    Table(
                        columns: [
                            .init(columns.nutrient, share: 0.3), .init(columns.then, share: 0.2), .init(columns.now, share: 0.2),
                            .init(columns.change, share: 0.3),
                        ],
                        rows: tabled.map {
                            [$0.name, said.score($0.then), said.score($0.now), said.change($0)]
                        }, compact: detail == .short)))
        }
        if !rest.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(said.lowBothTimes(rest))], style: .small, gray: 0.25)))
        }

        // Each warning new or gone on a line of its own, under its label.
        for (label, triggers) in [(said.newWarnings, comparison.newTriggers), (said.goneWarnings, comparison.goneTriggers)]
        where !triggers.isEmpty {
            blocks.append(small([TextRun(label, bold: true)]))
            blocks += triggers.map { small([TextRun("• " + said.warning($0))]) }
        }
        if comparison.newTriggers.isEmpty, comparison.goneTriggers.isEmpty {
            blocks.append(
                small([
                    TextRun(
                        comparison.keptTriggers.isEmpty
                            ? said.noWarnings : said.sameWarnings(count: comparison.keptTriggers.count))
                ]))
        }

        var symptoms: StyledText = []
        for (label, list) in [(said.newSymptoms, comparison.newSymptoms), (said.goneSymptoms, comparison.goneSymptoms)]
        where !list.isEmpty {
            if !symptoms.isEmpty { symptoms.append(TextRun("  ")) }
            symptoms += [TextRun(label + " ", bold: true), TextRun(list.map(\.label).joined(separator: "; ") + ".")]
        }
        if !comparison.symptomsCompared { symptoms = [TextRun(said.symptomsNotCompared)] }
        blocks.append(small(symptoms.isEmpty ? [TextRun(said.sameSymptoms)] : symptoms))

        if !comparison.changedAnswers.isEmpty {
            let listed = detail == .full ? comparison.changedAnswers : Array(comparison.changedAnswers.prefix(ComparisonWords.changesListed))
            blocks.append(small([TextRun(said.changedAnswers, bold: true)]))
            blocks += listed.map { small([TextRun("• " + said.answerChange($0))]) }
            if listed.count < comparison.changedAnswers.count {
                blocks.append(small([TextRun(said.moreChanges(comparison.changedAnswers.count - listed.count))]))
            }
        }

        let charted = comparison.chartedNutrients
        if !charted.isEmpty {
            let days = comparison.trend.map { day($0.occasion.completed) }
            let scale = Self.barScale(scores: comparison.trend.flatMap(\.scores.values).map(\.score), likely: charted.map(\.thresholds.likely))
            let rows = charted.map { nutrient in
                TrendChart.Row(
                    name: nutrient.name,
                    points: zip(comparison.trend, days).map { point, day in
                        point.scores[nutrient.id].map {
                            TrendChart.Point(
                                score: $0.score, scoreText: messages.number($0.score), band: $0.band,
                                alternativeText: said.bar(nutrient.name, day: day, score: $0))
                        }
                    }, possible: nutrient.thresholds.possible, likely: nutrient.thresholds.likely)
            }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(said.chartCaption(count: comparison.trend.count, mixesVersions: comparison.trendMixesVersions))],
                        style: .fine, gray: 0.25)))
            blocks.append(
                .trendChart(
                    TrendChart(
                        title: said.columns.nutrient, columns: days.dropLast() + [said.nowColumn(days.last ?? "")], rows: rows,
                        scale: scale, missingText: said.notScored)))
        }
        return blocks
    }
}
