/// Works out which items are shown, in what order, and how far along a person is.
///
/// Visibility is decided in one forward pass: an item is shown when its condition holds for
/// the answers to the *shown* items before it, so answers to items that dropped out (after an
/// earlier answer changed) never count.
public struct Navigator: Sendable {
    public let questionnaire: Questionnaire
    /// When set, only questions that can still change the result are asked (see `Relevance`).
    public let relevance: Relevance?

    /// - Parameter pruning: ask only the questions that can still change the result. A
    ///   schemaVersion 1 questionnaire has no `ask: always`, so every question it shows is asked.
    public init(questionnaire: Questionnaire, pruning: Bool = false) {
        self.questionnaire = questionnaire
        self.relevance = pruning && questionnaire.schemaVersion >= 2 ? Relevance(questionnaire: questionnaire) : nil
    }

    /// Where the person is: section n of N, question n of up to M.
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

    /// `answers` with every calculated item worked out for the day of the screening. A value
    /// the item would refuse (an age below its minimum) is left out, so the question is asked.
    public func calculating(_ answers: AnswerSet, on today: CalendarDate) -> AnswerSet {
        var result = answers
        for item in questionnaire.items {
            guard let calculated = item.calculated, calculated.expression.references.allSatisfy({ result[$0] != nil }) else { continue }
            let plain: PlainValue
            switch Evaluator(questionnaire: questionnaire, answers: result, today: today).value(of: calculated.expression) {
            case .number(let n): plain = .number(n)
            case .bool(let b): plain = .bool(b)
            case .string(let s): plain = .string(s)
            default: continue
            }
            if case .success(let answer) = item.kind.answer(from: plain, today: today) { result[item.id] = answer }
        }
        return result
    }

    /// Items shown for these answers.
    public func visibleItems(_ answers: AnswerSet) -> [Item] { walk(answers).visible }

    /// Only the answers to items that are shown.
    public func effectiveAnswers(_ answers: AnswerSet) -> AnswerSet { walk(answers).effective }

    /// The questions to ask among those shown for `answers`: all of them, or with pruning only
    /// those that are always asked or can still change the result.
    public func questionsToAsk(_ answers: AnswerSet) -> [Item] {
        questionsToAsk(answers, open: relevance?.openItems(answers))
    }

    /// `questionsToAsk` given the relevance's `openItems` for `answers` (nil without pruning).
    private func questionsToAsk(_ answers: AnswerSet, open: Set<String>?) -> [Item] {
        let shown = visibleItems(answers).filter { $0.takesAnswer && !$0.isCalculated(in: answers) }
        guard let relevance, let open else { return shown }
        return shown.filter { answers[$0.id] != nil || relevance.asks($0, open: open) }
    }

    /// The next question to ask: the first one after `current` with neither an answer nor a
    /// skip, else the first such question anywhere; nil when nothing is left.
    public func next(after current: String?, answers: AnswerSet, skipped: Set<String>) -> Item? {
        let pending = questionsToAsk(answers).filter { answers[$0.id] == nil && !skipped.contains($0.id) }
        if let current, let order = questionnaire.order(of: current),
            let later = pending.first(where: { (questionnaire.order(of: $0.id) ?? 0) > order })
        {
            return later
        }
        return pending.first
    }

    /// The question right after `current` in asking order, answered or not (but not skipped):
    /// after going back, Enter walks forward one question at a time. Past the last question,
    /// the first one still without an answer or a skip.
    public func following(_ current: String, answers: AnswerSet, skipped: Set<String>) -> Item? {
        guard let order = questionnaire.order(of: current) else { return next(after: nil, answers: answers, skipped: skipped) }
        return questionsToAsk(answers).first { (questionnaire.order(of: $0.id) ?? 0) > order && !skipped.contains($0.id) }
            ?? next(after: current, answers: answers, skipped: skipped)
    }

    /// The question just before `id` among those asked, for going back.
    public func previous(before id: String, answers: AnswerSet) -> Item? {
        guard let order = questionnaire.order(of: id) else { return nil }
        return questionsToAsk(answers).last { (questionnaire.order(of: $0.id) ?? 0) < order }
    }

    /// True when every question to ask has an answer or was skipped.
    public func isComplete(_ answers: AnswerSet, skipped: Set<String>) -> Bool {
        !questionsToAsk(answers).contains { answers[$0.id] == nil && !skipped.contains($0.id) }
    }

    /// Progress at `item` for these answers: its place among the questions asked so far, and an
    /// estimate that counts every question still to come, follow-ups that may yet be shown included.
    public func progress(at item: Item, answers: AnswerSet) -> Progress {
        let order = questionnaire.order(of: item.id) ?? 0
        let open = relevance?.openItems(answers)
        let toAsk = questionsToAsk(answers, open: open)
        let before = toAsk.filter { (questionnaire.order(of: $0.id) ?? 0) < order }.count
        // After going back, the questions already answered further on still count.
        let answeredLater = toAsk.filter { (questionnaire.order(of: $0.id) ?? 0) > order && answers[$0.id] != nil }.count
        let coming = stillToCome(after: order, answers: answers, open: open)
        let sections = questionnaire.sections.filter { section in
            section.items.contains { toAsk.contains($0) || coming.contains($0.id) || $0.id == item.id }
        }
        let section = questionnaire.section(of: item.id)
        return Progress(
            sectionTitle: section?.title ?? "",
            sectionNumber: (sections.firstIndex { $0.id == section?.id } ?? 0) + 1,
            sectionCount: max(sections.count, 1),
            questionNumber: before + 1,
            questionCount: before + 1 + answeredLater + coming.count)
    }

    /// Questions after `order` that may still be asked: not answered, not certainly hidden, and
    /// (with pruning) still able to change the result or always asked.
    private func stillToCome(after order: Int, answers: AnswerSet, open: Set<String>?) -> Set<String> {
        let stillOpen = questionnaire.stillOpen(answers)
        return Set(
            questionnaire.items.dropFirst(order + 1).filter { item in
                guard stillOpen.contains(item.id) else { return false }
                guard let relevance, let open else { return true }
                return relevance.asks(item, open: open)
            }.map(\.id))
    }

    /// Triggers whose conditions hold for the effective answers, most urgent first.
    public func firedTriggers(_ answers: AnswerSet) -> [FiredTrigger] {
        firedTriggers(effective: effectiveAnswers(answers))
    }

    /// Triggers that hold for answers already reduced to the shown items, the lead first: the
    /// most urgent level, and within it a warning sign said yes to before a pattern inferred from
    /// other answers; otherwise in the questionnaire's order.
    public func firedTriggers(effective: AnswerSet) -> [FiredTrigger] {
        let evaluator = Evaluator(questionnaire: questionnaire, answers: effective)
        return questionnaire.triggers.enumerated().filter { evaluator.holds($0.element.condition) }
            .map { index, trigger in
                let saidYes = trigger.sign.map(evaluator.holds) ?? false
                return (index, FiredTrigger(trigger: trigger, evidence: evidence(for: trigger.condition.expression, in: effective), saidYes: saidYes))
            }
            .sorted { a, b in
                (a.1.trigger.urgency, a.1.saidYes ? 1 : 0, -a.0) > (b.1.trigger.urgency, b.1.saidYes ? 1 : 0, -b.0)
            }
            .map(\.1)
    }

    /// The answered items behind an expression that holds, following computed values to their
    /// items. Only branches of `or` (and rules of a sum) that hold are followed, and no negated
    /// `and` or `or` (an exclusion), so a reason never cites an answer that did not count. Where a rule tests `option in item`, only the
    /// options it tests are shown as the answer.
    public func evidence(for expression: Expression, in answers: AnswerSet) -> [Evidence] {
        let evaluator = Evaluator(questionnaire: questionnaire, answers: answers)
        let messages = questionnaire.messages
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
            case .not(let inner):
                // `not (a or b …)` excludes cases; the answers that rule them out did not fire
                // anything, so only a negated single fact (`not b12_source`) is cited.
                if case .binary(let op, _, _) = inner.node, op == .or || op == .and { return }
                visit(inner)
            case .negate(let inner): visit(inner)
            case .list(let elements): elements.forEach(visit)
            case .call(.band, let id):
                // A band is cited as the result it is ("Iron: Likely"), not as every answer behind it.
                guard !bands.contains(id), let nutrient = questionnaire.nutrient(id), let score = evaluator.score(of: id) else { return }
                bands.append(id)
                bandEvidence.append(Evidence(itemID: "band(\(id))", question: nutrient.name, answer: score.band.label(questionnaire.messages)))
            case .call(_, let id): whole.insert(id)
            case .name(let id):
                if let computed = questionnaire.computedValue(id) {
                    guard seenComputed.insert(id).inserted else { return }
                    switch computed.definition {
                    case .expression(let c): visit(c.expression)
                    case .sum(let rules):
                        let held = rules.filter { evaluator.holds($0.condition) }
                        for rule in held.isEmpty ? rules : held { visit(rule.condition.expression) }
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
            return Evidence(itemID: item.id, question: item.label, answer: shown.display(for: item, messages))
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
    /// The person said yes to the warning sign the trigger stands for.
    public var saidYes: Bool = false
}
