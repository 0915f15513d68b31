import ArgumentParser
import Foundation
import History
import Localization
import Report
import Screening

/// The command line's way into the screening history: where it is, keeping a finished
/// interview's screening, and what a failure says and exits with. Whose a screening is and the
/// comparison with the last one are the history's (`ScreeningOwner`, `HistoryStore.comparison`).
/// The sentences the commands say about the history, beyond `HistoryError`'s and the commands'
/// own, are here.
struct HistoryAccess: Sendable {
    let path: String
    /// The language the history's sentences are said in.
    let messages: Messages
    /// The time screenings are recorded at, and the zone their times are shown in.
    var clock = Clock.system
    /// The nutrients' names in that language, by id: the history keeps the English ones.
    var nutrientNames: [String: String] = [:]
    private var words: Messages.History { messages.history }
    /// `nutriscreen history REST` as a suggested command, ending with `--lang` when the environment
    /// would not give the language (after the subcommand, where ArgumentParser reads it).
    func historyCommand(_ rest: String = "") -> String {
        Invocation.command + " history" + (rest.isEmpty ? "" : " " + rest) + LanguageOption.argument(for: messages.language)
    }

    /// This user's history (`$XDG_DATA_HOME/nutriscreen/history.sqlite`), said in the language of `messages`.
    static func standard(_ messages: Messages) -> HistoryAccess {
        var access = HistoryAccess(path: HistoryStore.standardPath(environment: ProcessInfo.processInfo.environment), messages: messages)
        if let questionnaire = QuestionnaireLocator.quietly(id: nil, path: nil, language: messages.language) {
            access.nutrientNames = Dictionary(questionnaire.nutrients.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
        return access
    }

    /// 69 while another process holds it, 65 when it is damaged, 73 when it cannot be written.
    static func exitCode(for error: HistoryError) -> ExitCode {
        switch error {
        case .busy: ExitStatus.sessionInUse
        case .damaged: ExitStatus.dataError
        case .newerVersion, .full, .cannotOpen, .failed: ExitStatus.cannotCreate
        }
    }

    /// Prints what went wrong with the history and gives the exit code to throw.
    func failure(_ error: HistoryError) -> ExitCode { fail(error.message(messages), Self.exitCode(for: error)) }

    /// The history, for a command that reads it; nil when there is none yet.
    func openExisting() throws -> HistoryStore? {
        do { return try HistoryStore.open(at: path, creating: false).map(said) } catch { throw failure(error) }
    }

    /// The history, created when missing, for a command that adds to it.
    func create() throws -> HistoryStore {
        do { return said(try HistoryStore.create(at: path)) } catch { throw failure(error) }
    }

    /// `store`, once what its open did with an erase an earlier `forget` left unfinished is said
    /// (on standard error, so no output a script reads changes).
    func said(_ store: HistoryStore) -> HistoryStore {
        switch store.erase {
        case .finished: printError("nutriscreen: " + words.eraseFinished(path: path))
        case .unfinished: printError("nutriscreen: " + words.eraseStillUnfinished(path: path))
        case nil: break
        }
        return store
    }

    /// For `report`: the comparison with the person's earlier screenings, if the history holds
    /// any. Never creates the history; when it cannot be read, says so and gives none.
    func comparisonForReport(_ assessment: Assessment, questionnaire: Questionnaire) -> ScreeningComparison? {
        guard let owner = ScreeningOwner(assessment) else { return nil }
        do {
            guard let store = try HistoryStore.open(at: path, creating: false).map(said) else { return nil }
            return try store.comparison(of: assessment, owner: owner, questionnaire: questionnaire, now: clock.now)
        } catch {
            printError("nutriscreen: " + words.reportWithout(problem: error.message(messages)))
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
        guard let owner = ScreeningOwner(assessment) else {
            return Kept(
                comparison: nil,
                notice: { [words, self] _ in
                    words.noNameKept(command: historyCommand("import --person \(words.namePlaceholder) \(words.filePlaceholder)"))
                }, failed: false)
        }
        let name = owner.name
        // Compared first, so a history that can be read but not written still gives the comparison.
        var comparison: ScreeningComparison?
        do throws(HistoryError) {
            let store = said(try HistoryStore.create(at: path))
            comparison = try store.comparison(of: assessment, owner: owner, questionnaire: questionnaire, now: clock.now)
            // A first screening under a name close to another's: a typing slip starts a new person.
            let like = comparison == nil ? try store.nameLike(name) : nil
            let recorded = try store.record(
                NewScreening(
                    name: name, birthDate: owner.birthDate, completed: document.completed ?? clock.now, assessment: assessment,
                    answers: document.yaml(for: questionnaire), source: .interview, recorded: clock.now))
            let id: Int64
            switch recorded {
            case .added(let added): id = added
            case .duplicate(let existing): id = existing
            }
            let slip = like.map {
                " " + words.newPersonDidYouMean(name: Printable.quoted(name), suggestion: Printable.quoted($0))
            }
            return Kept(
                comparison: comparison,
                notice: { [words, path, self] _ in
                    words.kept(id: Int(id), path: path, command: historyCommand("--person " + Invocation.shellQuoted(name))) + (slip ?? "")
                }, failed: false)
        } catch {
            return Kept(
                comparison: comparison,
                notice: { [words, messages, self] answersFile in
                    "nutriscreen: "
                        + words.notKept(
                            problem: error.message(messages), session: session, file: answersFile,
                            command: historyCommand("import " + Invocation.shellQuoted(answersFile)))
                }, failed: true)
        }
    }

    // MARK: What the history commands say

    /// "Ann Example, born 20 May 1991", or "Ann Example (no date of birth)".
    func describe(_ person: HistoryPerson) -> String {
        person.birthDate.map { words.personBorn(name: person.name, date: $0.readable(messages)) } ?? words.personNoBirthDate(name: person.name)
    }

    /// One screening on one line: "#3 · 9 March 2026, 09:40 UTC · ROUTINE · Vitamin B12 Likely (7) · neuro_nutrition 2.0.0".
    func describe(_ entry: ScreeningEntry) -> String {
        let flagged =
            entry.flagged.isEmpty
            ? words.noNutrientFlagged
            : entry.flagged.map {
                words.flagged(nutrient: nutrientNames[$0.id] ?? $0.name, band: $0.band.label(messages), score: messages.number($0.score))
            }
            .joined(separator: ", ")
        return [
            "#\(entry.id)", LocalTime(entry.completed, in: clock.zone).readable(messages),
            entry.triage?.name(messages).uppercased() ?? words.noWarning, flagged,
            "\(entry.questionnaireID) \(entry.questionnaireVersion)",
        ].joined(separator: " · ")
    }

    /// "1 screening", "3 screenings".
    func screenings(_ count: Int) -> String { count == 1 ? words.oneScreening : words.screenings(count: count) }

    var empty: String { words.empty(path: path, command: historyCommand("import \(words.filePlaceholder)")) }

    func noOne(named name: String, among names: [String]) -> String {
        guard let suggestion = Suggestion.closest(to: name, among: Set(names)) else {
            return words.noOne(name: Printable.quoted(name), path: path)
        }
        return words.noOneDidYouMean(name: Printable.quoted(name), path: path, suggestion: Printable.quoted(suggestion))
    }

    func noOneBorn(_ name: String, _ born: String, among people: [HistoryPerson]) -> String {
        let listed = people.map(describe).joined(separator: "; ")
        return people.count == 1
            ? words.noOneBornOne(name: Printable.quoted(name), born: born, people: listed)
            : words.noOneBornMany(name: Printable.quoted(name), born: born, people: listed)
    }

    func ambiguous(_ name: String, among people: [HistoryPerson]) -> String {
        words.ambiguous(count: people.count, name: Printable.quoted(name), people: people.map(describe).joined(separator: "; "))
    }

    func noScreening(_ id: Int64) -> String { words.noScreening(id: Int(id), path: path, command: historyCommand()) }

    var unreadableAssessment: String { words.unreadableAssessment }
    var noName: String { words.noName }
    var noCompleted: String { words.noCompleted }

    func otherPerson(_ named: String, given: String) -> String { words.otherPerson(named: Printable.quoted(named), given: Printable.quoted(given)) }

    func added(_ file: String, id: Int64, name: String, completed: Date) -> String {
        words.added(file: file, id: Int(id), name: name, time: LocalTime(completed, in: clock.zone).readable(messages))
    }

    func alreadyThere(_ file: String, id: Int64, name: String, completed: Date) -> String {
        words.alreadyThere(file: file, id: Int(id), name: name, time: LocalTime(completed, in: clock.zone).readable(messages))
    }

    func importStopped(_ file: String, _ error: HistoryError, added: Int) -> String {
        added > 0
            ? words.importStoppedAfter(file: file, problem: error.message(messages), count: added)
            : words.importStopped(file: file, problem: error.message(messages))
    }

    func importTotals(files: Int, added: Int, already: Int, failed: Int) -> String {
        words.importTotals(files: files, added: added, already: already, failed: failed)
    }

    /// What `forget` deleted, and what it did not touch.
    func forgotten(_ report: ForgetReport, sessions: SessionForgetting.Outcome) -> String {
        var lines = report.people.map { forgotten -> String in
            let person = describe(forgotten.person)
            let count = screenings(forgotten.screenings)
            guard let first = forgotten.first.map({ LocalTime($0, in: clock.zone).day.readable(messages) }),
                let last = forgotten.last.map({ LocalTime($0, in: clock.zone).day.readable(messages) })
            else { return words.forgotNone(person: person, screenings: count, path: path) }
            return first == last
                ? words.forgotOn(person: person, screenings: count, day: first, path: path)
                : words.forgotFromTo(person: person, screenings: count, first: first, last: last, path: path)
        }
        if report.erased { lines.append(words.erased) }
        if sessions.deleted > 0 { lines.append(words.sessionsForgotten(folder: sessions.folder, count: sessions.deleted)) }
        lines += sessions.held.map { words.sessionLeftHeld(path: $0) } + sessions.unsure.map { words.sessionLeftUnsure(path: $0) }
        lines += sessions.failed.map { words.sessionLeftFailed(path: $0.path, reason: $0.reason) }
        lines.append(words.notTouched)
        return lines.joined(separator: "\n")
    }

    var eraseUnfinished: String { words.eraseUnfinished(command: historyCommand()) }
}
