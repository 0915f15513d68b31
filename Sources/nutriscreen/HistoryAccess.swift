import ArgumentParser
import Foundation
import History
import Report
import Screening

/// The command line's way into the screening history: where it is, whose a screening is (the
/// name, and the date of birth the answers give by `ReportConventions`), the comparison with the
/// last screening, recording one, and what a failure says and exits with. The sentences the
/// commands say about the history, beyond `HistoryError`'s and the commands' own, are here.
struct HistoryAccess: Sendable {
    let path: String
    let conventions = ReportConventions.standard

    /// This user's history (`$XDG_DATA_HOME/nutriscreen/history.sqlite`).
    static var standard: HistoryAccess { HistoryAccess(path: HistoryStore.standardPath(environment: ProcessInfo.processInfo.environment)) }

    /// 69 while another process holds it, 65 when it is damaged, 73 when it cannot be written.
    static func exitCode(for error: HistoryError) -> ExitCode {
        switch error {
        case .busy: ExitStatus.sessionInUse
        case .damaged: ExitStatus.dataError
        case .newerVersion, .full, .cannotOpen, .failed: ExitStatus.cannotCreate
        }
    }

    /// Opens the history for a `history` command; prints what went wrong and throws its exit code.
    func open(creating: Bool) throws -> HistoryStore? {
        do { return try HistoryStore.open(at: path, creating: creating) } catch { throw fail(error.message, Self.exitCode(for: error)) }
    }

    /// The date of birth the answers give, if any.
    func birthDate(in answers: AnswerSet) -> CalendarDate? {
        if case .date(let day) = answers[conventions.birthDate] { return day }
        return nil
    }

    /// The comparison of `current` with up to the last screenings of the same person before it
    /// (nil for their first).
    func comparison(
        _ store: HistoryStore, name: String, birthDate: CalendarDate?, current: Assessment, questionnaire: Questionnaire
    ) throws(HistoryError) -> ScreeningComparison? {
        let completed = current.completed.flatMap(ISO8601.parse) ?? Date()
        let earlier = try store.earlier(
            name: name, birthDate: birthDate, before: completed, limit: ScreeningComparison.trendLength - 1)
        // The last screening is read in full; the ones before it only for the chart, from their scores.
        guard let last = earlier.last, let previous = try store.screening(id: last.id)?.assessment else { return nil }
        return ScreeningComparison(
            last: previous, before: earlier.dropLast().map(Self.trendPoint), current: current, questionnaire: questionnaire,
            conventions: conventions)
    }

    /// A screening's scores, as the chart shows them.
    static func trendPoint(_ entry: ScreeningEntry) -> ScreeningComparison.TrendPoint {
        ScreeningComparison.TrendPoint(
            occasion: .init(
                completed: entry.completed, questionnaireID: entry.questionnaireID, questionnaireVersion: entry.questionnaireVersion,
                contentHash: entry.contentHash),
            scores: Dictionary(entry.scores.map { ($0.id, .init(score: $0.score, band: $0.band)) }, uniquingKeysWith: { a, _ in a }))
    }

    /// For `report`: the comparison with the person's earlier screenings, if the history holds
    /// any. Never creates the history; when it cannot be read, says so and gives none.
    func comparisonForReport(_ assessment: Assessment, document: AnswersDocument, questionnaire: Questionnaire) -> ScreeningComparison? {
        guard let name = assessment.name else { return nil }
        do {
            guard let store = try HistoryStore.open(at: path, creating: false) else { return nil }
            return try comparison(store, name: name, birthDate: birthDate(in: document.answers), current: assessment, questionnaire: questionnaire)
        } catch {
            printError("nutriscreen: \(error.message); the report is written without the comparison with earlier screenings")
            return nil
        }
    }

    /// What keeping a finished interview's screening did.
    struct Kept {
        var comparison: ScreeningComparison?
        /// Said after the report's paths: where it was kept, or why not.
        var notice: (_ answersFile: String) -> String
        /// True when it could not be kept: the notice goes to standard error.
        var failed: Bool
    }

    /// At the end of an interview: compares the screening with the person's earlier ones, then
    /// records it. Nothing here stops the interview: a failure is said, and the answers stay in
    /// the session folder and the answers file beside the report.
    func keep(_ assessment: Assessment, document: AnswersDocument, questionnaire: Questionnaire, session: String) -> Kept {
        guard let name = document.name else {
            return Kept(
                comparison: nil,
                notice: { _ in
                    "Not kept in your screening history: it has no name. Start with --name NAME to keep the next one, or add this one with: \(Invocation.command) history import --person NAME FILE"
                }, failed: false)
        }
        let birthDate = birthDate(in: document.answers)
        do throws(HistoryError) {
            guard let store = try HistoryStore.open(at: path, creating: true) else { throw .cannotOpen(path: path, reason: "it was not created") }
            let comparison = try comparison(store, name: name, birthDate: birthDate, current: assessment, questionnaire: questionnaire)
            let recorded = try store.record(
                NewScreening(
                    name: name, birthDate: birthDate, completed: document.completed ?? Date(), assessment: assessment,
                    answers: document.yaml(for: questionnaire), source: .interview))
            let id: Int64
            switch recorded {
            case .added(let added): id = added
            case .duplicate(let existing): id = existing
            }
            return Kept(
                comparison: comparison,
                notice: { _ in
                    "Kept in your screening history as screening \(id) (\(self.path)); see them all with: \(Invocation.command) history --person \(Invocation.shellQuoted(name))"
                }, failed: false)
        } catch {
            return Kept(
                comparison: nil,
                notice: { answersFile in
                    "nutriscreen: not kept in your screening history: \(error.message). Your answers are safe in \(session) and \(answersFile); add them later with: \(Invocation.command) history import \(Invocation.shellQuoted(answersFile))"
                }, failed: true)
        }
    }

    // MARK: What the history commands say

    /// "Ann Example, born 20 May 1991", or "Ann Example (no date of birth)".
    func describe(_ person: HistoryPerson) -> String {
        person.birthDate.map { "\(person.name), born \($0.readable)" } ?? "\(person.name) (no date of birth)"
    }

    /// One screening on one line: "#3 · 9 March 2026, 09:40 UTC · ROUTINE · Vitamin B12 Likely (7) · neuro_nutrition 2.0.0".
    func describe(_ entry: ScreeningEntry) -> String {
        let flagged =
            entry.flagged.isEmpty
            ? "no nutrient flagged" : entry.flagged.map { "\($0.name) \($0.band.label) (\(NumberText.plain($0.score)))" }.joined(separator: ", ")
        return [
            "#\(entry.id)", LocalTime(entry.completed).readable, entry.triage?.rawValue.uppercased() ?? "no warning", flagged,
            "\(entry.questionnaireID) \(entry.questionnaireVersion)",
        ].joined(separator: " · ")
    }

    var empty: String {
        "No screenings in your history yet (\(path)). A finished screening with a name is kept there; add answers files with: \(Invocation.command) history import FILE"
    }

    func noOne(named name: String, among names: [String]) -> String {
        let suggestion = Suggestion.closest(to: name, among: Set(names)).map { " (did you mean \(Printable.quoted($0))?)" } ?? ""
        return "no one named \(Printable.quoted(name)) is in your history (\(path))\(suggestion); nothing was changed"
    }

    func noOneBorn(_ name: String, _ born: String, among people: [HistoryPerson]) -> String {
        "no one named \(Printable.quoted(name)) and born \(born) is in your history; \(people.count == 1 ? "the one of that name is" : "those of that name are") \(people.map(describe).joined(separator: "; ")); nothing was changed"
    }

    func ambiguous(_ name: String, among people: [HistoryPerson]) -> String {
        "\(people.count) people named \(Printable.quoted(name)) are in your history (\(people.map(describe).joined(separator: "; "))); say which with --born YYYY-MM-DD (or --born unknown); nothing was changed"
    }

    func noScreening(_ id: Int64) -> String {
        "there is no screening \(id) in your history (\(path)); \(Invocation.command) history lists them"
    }

    let unreadableAssessment =
        "Its assessment was kept by a newer NutriScreen in a form this version cannot read; its answers still can be (--answers)."

    let noName =
        "these answers carry no name, and the history keeps a screening under a person's name; add 'name: ...' to the file, or pass --person NAME"

    let noCompleted =
        "these answers carry no completed time, which the history needs to tell one screening from another; add one, such as 'completed: 2026-01-31T09:30:00Z'"

    func otherPerson(_ named: String, given: String) -> String {
        "these answers are of \(Printable.quoted(named)), not of --person \(Printable.quoted(given)); import them without --person"
    }

    func added(_ file: String, id: Int64, name: String, completed: Date) -> String {
        "\(file): added as screening \(id) (\(name), completed \(LocalTime(completed).readable))"
    }

    func alreadyThere(_ file: String, id: Int64, name: String, completed: Date) -> String {
        "\(file): already in your history as screening \(id) (\(name), completed \(LocalTime(completed).readable)); not added again"
    }

    func importStopped(_ file: String, _ error: HistoryError, added: Int) -> String {
        "\(file): \(error.message)" + (added > 0 ? "; the \(added) screening(s) before it were added" : "")
    }

    func importTotals(files: Int, added: Int, already: Int, failed: Int) -> String {
        "\(files) file(s): \(added) added, \(already) already in your history, \(failed) with problems"
    }

    /// What `forget` deleted, and what it did not touch.
    func forgotten(_ report: ForgetReport) -> String {
        var lines = report.people.map { forgotten -> String in
            var span: String?
            if let first = forgotten.first.map({ LocalTime($0).day.readable }), let last = forgotten.last.map({ LocalTime($0).day.readable }) {
                span = first == last ? ", on \(first)" : ", from \(first) to \(last)"
            }
            return
                "Forgot \(describe(forgotten.person)): \(forgotten.screenings) screening\(forgotten.screenings == 1 ? "" : "s")\(span ?? ""), deleted from \(path)."
        }
        if report.compacted {
            lines.append("The history file was rewritten and its log emptied, so nothing of them is left in it.")
        }
        lines.append(
            "Not touched: reports and answers files written elsewhere (such as Reports/) and unfinished sessions in $XDG_STATE_HOME/nutriscreen; delete those yourself if you wish."
        )
        return lines.joined(separator: "\n")
    }

    let notCompacted =
        "the rows are deleted, but another nutriscreen process kept reading the history, so pieces of them may stay in its file until it has finished; run the same command again then"
}
