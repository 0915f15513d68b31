import Foundation
import History
import Report
import ReportPDF
import Screening

/// What the screening history costs: keeping a screening at the end of an interview (open the
/// history, read the person's earlier screenings, compare, record: one transaction, on the disk
/// before it returns), and the comparison with earlier screenings in a report, in process and as
/// a whole `report` process.
enum HistoryBench {
    @MainActor
    static func run(
        assessment: Assessment, document: AnswersDocument, questionnaire: Questionnaire, runs: Int, scratch: String, nutriscreen: String,
        environment: [String: String], created: Date
    ) throws {
        let answers = document.yaml(for: questionnaire)
        let name = document.name ?? "Sam Sample"
        /// Opens the history as the interview does, compares and records the screening completed at `moment`.
        func keep(at path: String, _ moment: Date) throws {
            var current = assessment
            current.completed = moment
            let store = try HistoryStore.create(at: path)
            let earlier = try store.earlier(name: name, birthDate: nil, before: moment, limit: ScreeningComparison.trendLength - 1)
            if let last = earlier.last, let previous = try store.screening(id: last.id)?.assessment {
                _ = ScreeningComparison(last: previous, before: [], current: current)
            }
            _ = try store.record(
                NewScreening(
                    name: name, birthDate: nil, completed: moment, assessment: current, answers: answers, source: .interview, recorded: moment))
        }
        var moment = created
        let kept = try Measure.median(runs: runs) {
            moment += 86_400
            try keep(at: scratch + "/kept/history.sqlite", moment)
        }
        row("history: keep a screening at the end of an interview", ms(kept))
        var fresh = 0
        let created = try Measure.median(runs: runs) {
            fresh += 1
            try keep(at: scratch + "/fresh-\(fresh)/history.sqlite", moment)
        }
        row("  the same into a new history (created and migrated)", ms(created))

        // The sample, compared with four earlier screenings a month apart.
        let start = assessment.completed ?? moment
        let earlier = (1...4).reversed().map { months -> Assessment in
            var screening = assessment
            screening.completed = start.addingTimeInterval(-Double(months) * 30 * 86_400)
            return screening
        }
        let comparison = ScreeningComparison(earlier: earlier, current: assessment)
        func pdf(_ comparison: ScreeningComparison?) throws {
            _ = try ReportRenderer.pdf(
                assessment, paper: .a4, creator: "bench", created: start, zone: Today.bench.zone, comparison: comparison)
        }
        // In turn, round after round, so the machine's drifts touch both alike.
        func timed(_ comparison: ScreeningComparison?) -> Measure.Sample {
            let start = DispatchTime.now().uptimeNanoseconds
            let failed = (try? pdf(comparison)) == nil
            return Measure.Sample(seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, failed: failed)
        }
        let inProcess = Measure.interleaved(runs: runs, [{ timed(nil) }, { timed(comparison) }])
        row("the sample's whole PDF in process", ms(inProcess[0].median))
        row("  with 'Since your last screening' (5 screenings charted)", ms(inProcess[1].median))
        row(
            "  ratio with / without the comparison", String(format: "%.2f ×", inProcess[1].ratioToFirst),
            met: inProcess[0].failures + inProcess[1].failures == 0 ? nil : false)

        // The same as whole processes: the history holds the four earlier screenings.
        let data = environment["XDG_DATA_HOME"] ?? scratch + "/data"
        let store = try HistoryStore.create(at: HistoryStore.standardPath(environment: ["XDG_DATA_HOME": data]))
        for screening in earlier {
            let completed = screening.completed ?? start
            _ = try store.record(
                NewScreening(
                    name: name, birthDate: nil, completed: completed, assessment: screening, answers: answers, source: .import, recorded: completed))
        }
        let arguments = ["report", "--answers", sampleAnswers, "--questionnaire", questionnairePath, "--out", scratch + "/compared.pdf", "--force"]
        let series = Measure.interleaved(
            runs: runs,
            [
                { Measure.sample(nutriscreen, arguments + ["--no-history"], environment: environment) },
                { Measure.sample(nutriscreen, arguments, environment: environment) },
            ])
        row("whole `report` process, --no-history", ms(series[0].median))
        row("  the same with its comparison (history of 5 screenings)", ms(series[1].median))
        row(
            "  ratio with / without the comparison", String(format: "%.2f ×", series[1].ratioToFirst),
            met: series[0].failures + series[1].failures == 0 ? nil : false)
    }
}
