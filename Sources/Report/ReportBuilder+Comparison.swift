import Foundation
import Screening

/// The section "Since your last screening (date)": each nutrient's band and score then and now,
/// see-a-doctor warnings and symptoms new or gone, and the scores over up to the last five
/// screenings. Present only when there is an earlier screening to compare with.
extension ReportBuilder {
    func sinceLastScreening() -> [Block] {
        guard let comparison else { return [] }
        let day = { (date: Date) in LocalTime(date, in: self.timeZone).day.readable }
        let small = { (runs: StyledText) in Block.paragraph(Paragraph(runs, style: .small)) }
        var blocks: [Block] = [
            .heading(Heading(level: 1, text: ComparisonWords.heading(lastDay: day(comparison.last.completed)), destination: "since-last")),
            .paragraph(
                Paragraph(
                    [
                        TextRun(
                            ComparisonWords.lead(
                                lastTime: LocalTime(comparison.last.completed, in: timeZone).readable,
                                interval: ComparisonWords.interval(from: comparison.last.completed, to: comparison.current.completed)))
                    ], style: .small, gray: 0.25)),
        ]
        if let difference = comparison.versionDifference {
            blocks.append(small([TextRun(ComparisonWords.versionNote(difference, current: comparison.current), bold: true)]))
        }

        // The short form tables the nutrients flagged last time or now and names the rest in a line.
        let tabled = detail == .full ? comparison.nutrients : comparison.nutrients.filter(\.isFlagged)
        let rest = comparison.nutrients.filter { !tabled.contains($0) }
        if !tabled.isEmpty {
            let columns = ComparisonWords.columns
            blocks.append(
                .table(
                    Table(
                        columns: [
                            .init(columns.nutrient, share: 0.3), .init(columns.then, share: 0.2), .init(columns.now, share: 0.2),
                            .init(columns.change, share: 0.3),
                        ],
                        rows: tabled.map {
                            [$0.name, ComparisonWords.score($0.then), ComparisonWords.score($0.now), ComparisonWords.change($0)]
                        }, compact: detail == .short)))
        }
        if !rest.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(ComparisonWords.lowBothTimes(rest))], style: .small, gray: 0.25)))
        }

        // Each warning new or gone on a line of its own, under its label.
        for (label, triggers) in [(ComparisonWords.newWarnings, comparison.newTriggers), (ComparisonWords.goneWarnings, comparison.goneTriggers)]
        where !triggers.isEmpty {
            blocks.append(small([TextRun(label.trimmingCharacters(in: .whitespaces), bold: true)]))
            blocks += triggers.map { small([TextRun("• " + ComparisonWords.warning($0))]) }
        }
        if comparison.newTriggers.isEmpty, comparison.goneTriggers.isEmpty {
            blocks.append(
                small([
                    TextRun(
                        comparison.keptTriggers.isEmpty
                            ? ComparisonWords.noWarnings : ComparisonWords.sameWarnings(count: comparison.keptTriggers.count))
                ]))
        }

        var symptoms: StyledText = []
        for (label, list) in [(ComparisonWords.newSymptoms, comparison.newSymptoms), (ComparisonWords.goneSymptoms, comparison.goneSymptoms)]
        where !list.isEmpty {
            if !symptoms.isEmpty { symptoms.append(TextRun("  ")) }
            symptoms += [TextRun(label, bold: true), TextRun(list.map(\.label).joined(separator: "; ") + ".")]
        }
        if !comparison.symptomsCompared { symptoms = [TextRun(ComparisonWords.symptomsNotCompared)] }
        blocks.append(small(symptoms.isEmpty ? [TextRun(ComparisonWords.sameSymptoms)] : symptoms))

        let charted = comparison.chartedNutrients
        if !charted.isEmpty {
            let days = comparison.trend.map { day($0.occasion.completed) }
            let scale = comparison.trend.flatMap(\.scores.values).map(\.score).reduce(charted.map { $0.thresholds.likely + 3 }.max() ?? 10, max)
            let rows = charted.map { nutrient in
                TrendChart.Row(
                    name: nutrient.name,
                    points: zip(comparison.trend, days).map { point, day in
                        point.scores[nutrient.id].map {
                            TrendChart.Point(
                                score: $0.score, band: $0.band.label, alternativeText: ComparisonWords.bar(nutrient.name, day: day, score: $0))
                        }
                    }, possible: nutrient.thresholds.possible, likely: nutrient.thresholds.likely)
            }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(ComparisonWords.chartCaption(count: comparison.trend.count, mixesVersions: comparison.trendMixesVersions))],
                        style: .fine, gray: 0.25)))
            blocks.append(
                .trendChart(
                    TrendChart(
                        title: ComparisonWords.chartTitle, columns: days.dropLast() + [ComparisonWords.nowColumn(days.last ?? "")], rows: rows,
                        scale: scale, missingText: ComparisonWords.notScored)))
        }
        return blocks
    }
}
