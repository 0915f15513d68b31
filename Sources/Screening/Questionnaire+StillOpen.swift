extension Questionnaire {
    /// Items that may still be answered: no answer yet, and not certainly hidden. An item's
    /// condition is read with every unanswered item open, which can only widen the set.
    func stillOpen(_ answers: AnswerSet) -> Set<String> {
        let unanswered = Set(items.filter { $0.takesAnswer && answers[$0.id] == nil }.map(\.id))
        let partial = PartialEvaluator(questionnaire: self, answers: answers, open: unanswered)
        return unanswered.filter { id in !(item(id)?.condition.map { partial.value(of: $0).isKnownFalse } ?? false) }
    }
}
