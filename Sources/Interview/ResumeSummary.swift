import Foundation
import Localization
import Screening

/// An unfinished screening in words, for the offer to continue it: whose it is, how far it got
/// (answers given, and the Navigator's estimate of the questions still to come) and when it was
/// last saved, in local time.
public struct ResumeSummary: Equatable, Sendable {
    /// The person's name, if they gave one.
    public var name: String?
    /// Answers that count (to questions still shown, in the questionnaire as it is now).
    public var answered: Int
    /// Questions still to ask, the next one included (an estimate, as in "question 13 of up to
    /// 32"); 0 when only the final review is left.
    public var toGo: Int
    /// When it was last saved.
    public var updated: Date
    /// The number of the question it goes on with, and of the questions in all as estimated now
    /// ("question 14 of up to 40"); nil when only the final review is left.
    public var position: Position?

    /// Where in the questionnaire a session is: question `number` of up to `count`.
    public struct Position: Equatable, Sendable {
        public var number: Int
        public var count: Int
        public init(number: Int, count: Int) { (self.number, self.count) = (number, count) }
    }

    public init(name: String?, answered: Int, toGo: Int, updated: Date, position: Position? = nil) {
        (self.name, self.answered, self.toGo, self.updated, self.position) = (name, answered, toGo, updated, position)
    }

    /// The summary of `record` against `questionnaire` as it is now, on `today` (answers that no
    /// longer fit are not counted).
    public init(record: SessionRecord, questionnaire: Questionnaire, today: CalendarDate) {
        let navigator = Navigator(questionnaire: questionnaire, pruning: true)
        let answers = navigator.effectiveAnswers(record.answerSet(for: questionnaire, today: today).answers)
        var toGo = 0
        var position: Position?
        if let next = Interviewer.resumePoint(of: record, answers: answers, navigator: navigator) {
            let progress = navigator.progress(at: next, answers: answers)
            toGo = progress.questionCount - progress.questionNumber + (answers[next.id] == nil ? 1 : 0)
            position = Position(number: progress.questionNumber, count: progress.questionCount)
        }
        // A calculated item worked out from other answers (an age from a date of birth) is kept
        // with the answers but was not asked; typed in their place (no date of birth), it was.
        let answered = answers.values.keys.filter { id in
            guard let formula = questionnaire.item(id)?.calculated else { return true }
            return !formula.expression.references.allSatisfy { answers[$0] != nil }
        }.count
        self.init(name: record.name, answered: answered, toGo: toGo, updated: record.updated, position: position)
    }

    /// "You have an unfinished screening for Ann Example, saved today at 14:05 CET: 12 questions
    /// answered, up to 20 to go." (`offer`), or "Continuing the screening…" (not `offer`).
    /// The time is told, and the day counted, on `clock`.
    public func text(offer: Bool, _ messages: Messages, clock: Clock) -> String {
        let words = messages.resume
        let saved = LocalTime(updated, in: clock.zone).phrase(now: LocalTime(clock.now, in: clock.zone), messages)
        if let name {
            let whose = Printable.escaped(name)
            return offer
                ? words.unfinishedFor(name: whose, saved: saved, progress: progress(messages))
                : words.continuingFor(name: whose, saved: saved, progress: progress(messages))
        }
        return offer ? words.unfinished(saved: saved, progress: progress(messages)) : words.continuing(saved: saved, progress: progress(messages))
    }

    /// "12 questions answered, up to 20 to go".
    public func progress(_ messages: Messages) -> String {
        let words = messages.resume
        let done =
            switch answered {
            case 0: words.noneAnswered
            case 1: words.oneAnswered
            default: words.answered(count: answered)
            }
        switch toGo {
        case 0: return words.onlyCheckLeft(done: done)
        case 1: return words.toGoOne(done: done)
        default: return words.toGo(done: done, count: toGo)
        }
    }
}
