import Foundation
import Interview
import Localization
import Screening

/// The command line's way into the saved sessions: the unfinished ones in order, and what is
/// said of each (whose, when started, how far, when saved), in the language of `messages`.
struct SessionsAccess {
    let store: SessionStore
    let messages: Messages
    /// The time it is, and the zone the sessions' times are told in.
    var clock = Clock.system
    private var words: Messages.Sessions { messages.sessions }

    /// This user's sessions (`$XDG_STATE_HOME/nutriscreen`).
    static func standard(_ messages: Messages) -> SessionsAccess {
        SessionsAccess(store: SessionStore.standard(environment: ProcessInfo.processInfo.environment), messages: messages)
    }

    /// ` --lang es` when the environment would not give the language.
    var languageArgument: String { LanguageOption.argument(for: messages.language) }

    /// `nutriscreen sessions REST` as a suggested command.
    func command(_ rest: String) -> String { Invocation.command + " sessions " + rest + languageArgument }

    /// The unfinished sessions, the latest saved first (the one `resume` continues is number 1);
    /// unreadable files are warned about on standard error.
    func unfinished() -> [SessionRecord] {
        let (sessions, unreadable) = store.all()
        for path in unreadable { printError("nutriscreen: " + messages.cli.unreadableSession(path: path)) }
        return sessions.filter(\.isResumable)
    }

    /// "1. Ann Example · started today at 14:05 UTC · at question 14 of up to 40 · saved today at 14:20 UTC".
    func line(_ record: SessionRecord, number: Int) -> String {
        var line = words.line(
            number: number, person: person(record), started: phrase(record.started), progress: progress(record), saved: phrase(record.updated))
        if store.isHeld(id: record.id) { line += " · " + words.inUse }
        return line
    }

    /// "Ann Example, started today at 14:05 UTC, at question 14 of up to 40": which one, in a question or a result.
    func describe(_ record: SessionRecord) -> String {
        words.describe(person: person(record), started: phrase(record.started), progress: progress(record))
    }

    /// "today at 14:05 UTC": `moment` told from now, on the clock.
    private func phrase(_ moment: Date) -> String {
        LocalTime(moment, in: clock.zone).phrase(now: LocalTime(clock.now, in: clock.zone), messages)
    }

    private func person(_ record: SessionRecord) -> String { record.name.map(Printable.escaped) ?? words.noName }

    /// How far it got, measured against its questionnaire as it is now.
    func progress(_ record: SessionRecord) -> String {
        if record.status == .finishing { return words.beingFinished }
        guard let questionnaire = QuestionnaireLocator.quietly(id: record.questionnaireID, path: record.questionnairePath) else {
            return words.answersOnly(count: record.answers.count, path: record.questionnairePath)
        }
        let summary = ResumeSummary(record: record, questionnaire: questionnaire, today: clock.today.day)
        let position = summary.position.map { words.position(number: $0.number, count: $0.count) } ?? words.onlyCheckLeft
        return record.status == .stoppedAtEmergency ? words.atEmergency(position: position) : position
    }
}
