/// Random complete answer sets for a questionnaire: every shown question answered, as a person
/// could. For property tests and benchmarks.
public enum AnswerSampler {
    /// Answers every question that is shown, in one forward pass (conditions read only earlier answers).
    public static func completePath(_ questionnaire: Questionnaire, using rng: inout some RandomNumberGenerator) -> AnswerSet {
        var answers = AnswerSet()
        for item in questionnaire.items where item.takesAnswer {
            if let condition = item.condition, !Evaluator(questionnaire: questionnaire, answers: answers).holds(condition) { continue }
            answers[item.id] = randomAnswer(for: item, using: &rng)
        }
        return answers
    }

    /// A valid random answer to one item.
    public static func randomAnswer(for item: Item, using rng: inout some RandomNumberGenerator) -> Answer {
        switch item.kind {
        case .boolean(let unsure):
            return .boolean(unsure && Int.random(in: 0..<5, using: &rng) == 0 ? .unsure : Bool.random(using: &rng) ? .yes : .no)
        case .choice(let options): return .choice(options.randomElement(using: &rng)!.value)
        case .multiChoice(let options):
            let plain = options.filter { !$0.exclusive }
            let picked = plain.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 }.map(\.value)
            if picked.isEmpty, let none = options.first(where: \.exclusive) { return .multiChoice([none.value]) }
            return .multiChoice(picked.isEmpty ? [plain[0].value] : picked)
        case .integer(let r): return .integer(Int.random(in: Int(r.min ?? 0)...Int(r.max ?? 100), using: &rng))
        case .decimal(let r): return .decimal((Double.random(in: (r.min ?? 0)...(r.max ?? 100), using: &rng) * 10).rounded() / 10)
        case .text: return .text("free text \(Int.random(in: 0...999, using: &rng))")
        case .display: return .text("")
        }
    }
}
