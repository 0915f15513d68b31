import Foundation
import Screening

/// Random complete answer sets for a questionnaire: every shown question answered, as a person
/// could. For property tests and benchmarks.
public enum AnswerSampler {
    /// Answers every question that is shown, in one forward pass (conditions read only earlier
    /// answers); a calculated item (an age from a date of birth) gets its worked-out value for
    /// the screening day `day`, as the interview gives it.
    public static func completePath(
        _ questionnaire: Questionnaire, on day: CalendarDate = Today.machine.day, using rng: inout some RandomNumberGenerator
    ) -> AnswerSet {
        let navigator = Navigator(questionnaire: questionnaire)
        var answers = AnswerSet()
        for item in questionnaire.items where item.takesAnswer && answers[item.id] == nil {
            if let condition = item.condition, !Evaluator(questionnaire: questionnaire, answers: answers).holds(condition) { continue }
            answers[item.id] = randomAnswer(for: item, on: day, using: &rng)
            answers = navigator.calculating(answers, on: day)
        }
        return answers
    }

    /// A valid random answer to one item, as it could be given on `day`.
    public static func randomAnswer(for item: Item, on day: CalendarDate, using rng: inout some RandomNumberGenerator) -> Answer {
        item.kind.sample(using: &rng, today: day)
    }
}
