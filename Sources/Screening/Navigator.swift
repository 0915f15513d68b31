/// Works out which items are shown, in what order, and how far along a person is.
///
/// Visibility is decided in one forward pass: an item is shown when its condition holds for
/// the answers to the *shown* items before it, so answers to items that dropped out (after an
/// earlier answer changed) never count.
public struct Navigator: Sendable {
    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// Where the person is: section n of N, question n of about M.
    public struct Progress: Hashable, Sendable {
        public var sectionTitle: String
        public var sectionNumber: Int
        public var sectionCount: Int
        public var questionNumber: Int
        /// Questions that can still be shown given the answers so far (grows or shrinks as they change).
        public var questionCount: Int
    }

    /// The shown items and the answers that count, in asking order.
    public func walk(_ answers: AnswerSet) -> (visible: [Item], effective: AnswerSet) {
        var effective = AnswerSet()
        var visible: [Item] = []
        for item in questionnaire.items {
            if let condition = item.condition,
                !Evaluator(questionnaire: questionnaire, answers: effective).holds(condition)
            {
                continue
            }
            visible.append(item)
            if let answer = answers[item.id] { effective[item.id] = answer }
        }
        return (visible, effective)
    }

    /// Items shown for these answers.
    public func visibleItems(_ answers: AnswerSet) -> [Item] { walk(answers).visible }

    /// Only the answers to items that are shown.
    public func effectiveAnswers(_ answers: AnswerSet) -> AnswerSet { walk(answers).effective }

    /// The next question to ask: the first shown question after `current` that has neither an
    /// answer nor a skip, else the first such question anywhere; nil when nothing is left.
    public func next(after current: String?, answers: AnswerSet, skipped: Set<String>) -> Item? {
        let pending = visibleItems(answers).filter { $0.takesAnswer && answers[$0.id] == nil && !skipped.contains($0.id) }
        if let current, let order = questionnaire.order(of: current),
            let later = pending.first(where: { (questionnaire.order(of: $0.id) ?? 0) > order })
        {
            return later
        }
        return pending.first
    }

    /// The shown question just before `id`, for going back.
    public func previous(before id: String, answers: AnswerSet) -> Item? {
        guard let order = questionnaire.order(of: id) else { return nil }
        return visibleItems(answers).last { $0.takesAnswer && (questionnaire.order(of: $0.id) ?? 0) < order }
    }

    /// True when every shown question has an answer or was skipped.
    public func isComplete(_ answers: AnswerSet, skipped: Set<String>) -> Bool {
        next(after: nil, answers: answers, skipped: skipped) == nil
    }

    /// Progress at `item` for these answers.
    public func progress(at item: Item, answers: AnswerSet) -> Progress {
        let questions = visibleItems(answers).filter(\.takesAnswer)
        let sectionsShown = questionnaire.sections.filter { section in questions.contains { q in section.items.contains { $0.id == q.id } } }
        let section = questionnaire.section(of: item.id)
        let number = (questions.firstIndex { $0.id == item.id } ?? questions.count) + 1
        return Progress(
            sectionTitle: section?.title ?? "",
            sectionNumber: (sectionsShown.firstIndex { $0.id == section?.id } ?? 0) + 1,
            sectionCount: max(sectionsShown.count, 1),
            questionNumber: number,
            questionCount: max(questions.count, number))
    }

    /// Triggers whose conditions hold for the effective answers, most urgent first.
    public func firedTriggers(_ answers: AnswerSet) -> [FiredTrigger] {
        firedTriggers(effective: effectiveAnswers(answers))
    }

    /// Triggers that hold for answers already reduced to the shown items.
    public func firedTriggers(effective: AnswerSet) -> [FiredTrigger] {
        let evaluator = Evaluator(questionnaire: questionnaire, answers: effective)
        return questionnaire.triggers.filter { evaluator.holds($0.condition) }
            .map { FiredTrigger(trigger: $0, evidence: evidence(for: $0.condition.expression, in: effective)) }
            .sorted { $0.trigger.urgency > $1.trigger.urgency }
    }

    /// The answered items behind an expression that holds, following computed values to their
    /// items. Only branches of `or` (and rules of a sum) that hold are followed, so a reason
    /// never cites an answer that did not count. Where a rule tests `option in item`, only the
    /// options it tests are shown as the answer.
    public func evidence(for expression: Expression, in answers: AnswerSet) -> [Evidence] {
        let evaluator = Evaluator(questionnaire: questionnaire, answers: answers)
        var whole: Set<String> = []
        var options: [String: Set<String>] = [:]
        var seenComputed: Set<String> = []
        var bands: [String] = []
        var bandEvidence: [Evidence] = []
        func visit(_ e: Expression) {
            switch e.node {
            case .binary(.or, let lhs, let rhs):
                let held = [lhs, rhs].filter { evaluator.value(of: $0).isTrue }
                (held.isEmpty ? [lhs, rhs] : held).forEach(visit)
            case .binary(.in, let lhs, let rhs):
                if case .string(let option) = lhs.node, case .name(let id) = rhs.node, questionnaire.item(id) != nil {
                    options[id, default: []].insert(option)
                } else {
                    visit(lhs)
                    visit(rhs)
                }
            case .binary(_, let lhs, let rhs):
                visit(lhs)
                visit(rhs)
            case .not(let inner), .negate(let inner): visit(inner)
            case .list(let elements): elements.forEach(visit)
            case .call(.band, let id):
                // A band is cited as the result it is ("Iron: Likely"), not as every answer behind it.
                guard !bands.contains(id), let target = questionnaire.target(id), let score = evaluator.score(of: id) else { return }
                bands.append(id)
                bandEvidence.append(Evidence(itemID: "band(\(id))", question: target.name, answer: score.band.label))
            case .call(_, let id): whole.insert(id)
            case .name(let id):
                if let computed = questionnaire.computedValue(id) {
                    guard seenComputed.insert(id).inserted else { return }
                    switch computed.definition {
                    case .expression(let c): visit(c.expression)
                    case .sum(let rules):
                        let held = rules.filter { evaluator.holds($0.condition) }
                        (held.isEmpty ? rules : held).forEach { visit($0.condition.expression) }
                    }
                } else {
                    whole.insert(id)
                }
            case .number, .string, .bool: break
            }
        }
        visit(expression)
        let ids = whole.union(options.keys)
        let answered: [Evidence] = ids.compactMap { questionnaire.order(of: $0) }.sorted().compactMap { order in
            let item = questionnaire.items[order]
            guard let answer = answers[item.id] else { return nil }
            var shown = answer
            if !whole.contains(item.id), let tested = options[item.id], case .multiChoice(let selected) = answer {
                let matching = selected.filter(tested.contains)
                shown = .multiChoice(matching.isEmpty ? selected : matching)
            }
            return Evidence(itemID: item.id, question: item.shortText ?? item.text, answer: shown.display(for: item))
        }
        return answered + bandEvidence
    }
}

/// An answer shown as a reason: the question and what the person said.
public struct Evidence: Hashable, Sendable, Codable {
    public var itemID: String
    public var question: String
    public var answer: String
}

/// A trigger that holds, with the answers that made it hold.
public struct FiredTrigger: Hashable, Sendable {
    public var trigger: Trigger
    public var evidence: [Evidence]
}
