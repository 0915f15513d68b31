import Foundation
import Screening

/// The section "Since your last screening (date)": each nutrient's band and score then and now,
/// see-a-doctor warnings and symptoms new or gone, and the scores over up to the last five
/// screenings. Present only when there is an earlier screening to compare with.
extension ReportBuilder {
    func sinceLastScreening() -> [Block] {
        guard let comparison else { return [] }
        let said = ComparisonWords(messages)
        let day = said.namer(for: comparison, in: zone)
        let small = { (runs: StyledText) in Block.paragraph(Paragraph(runs, style: .small)) }
        var blocks: [Block] = [
            heading(1, said.heading(lastDay: day(comparison.last.completed)), "since-last"),
            smallPrint(
                said.lead(
                    lastTime: LocalTime(comparison.last.completed, in: zone).readable(messages),
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

        // Warnings, symptoms and other answers that changed: each listed item on a line of its own.
        for change in said.changes(comparison, listing: detail == .full ? nil : ComparisonWords.changesListed) {
            switch change {
            case .list(let label, let items):
                blocks.append(small([TextRun(label, bold: true)]))
                blocks += items.map { small([TextRun("• " + $0)]) }
            case .labelled(let label, let text): blocks.append(small([TextRun(label + " ", bold: true), TextRun(text)]))
            case .line(let text): blocks.append(small([TextRun(text)]))
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
