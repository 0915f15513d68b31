/// Reading the triage: the levels (`levels:`) and the triggers that name them (`triggers:`).
extension QuestionnaireBuilder {
    /// The levels, most urgent first, each a disposition the program knows, once.
    mutating func readLevels(_ node: YAMLNode?) -> [TriageLevel] {
        var levels: [TriageLevel] = []
        let known = Urgency.allCases.sorted(by: >).map(\.rawValue)
        for entry in reader.list(node, "levels") {
            guard let f = reader.fields(entry, "a level", allowed: ["id", "headline", "advice"], required: ["id", "headline", "advice"]),
                let id = reader.identifier(f["id"], "a level id")
            else { continue }
            guard let urgency = Urgency(rawValue: id) else {
                reader.error(
                    at: f["id"],
                    "unknown level \(Printable.quoted(id))\(Suggestion.didYouMean(id, among: known)); a level is one of \(known.joined(separator: ", "))"
                )
                continue
            }
            if levels.contains(where: { $0.urgency == urgency }) {
                reader.error(at: f["id"], "the level '\(id)' is declared twice")
                continue
            }
            if let last = levels.last, urgency > last.urgency {
                reader.error(
                    at: f["id"],
                    "levels run from the most urgent down (\(known.joined(separator: ", "))): '\(id)' must come before '\(last.urgency.rawValue)'")
            }
            levels.append(
                TriageLevel(
                    urgency: urgency, headline: reader.string(f["headline"], "headline") ?? "", advice: reader.string(f["advice"], "advice") ?? ""))
        }
        return levels
    }

    mutating func readTriggers(_ node: YAMLNode?, levels: [TriageLevel]) -> [Trigger] {
        var triggers: [Trigger] = []
        var seen: Set<String> = []
        let declared = levels.map(\.urgency.rawValue)
        for entry in reader.list(node, "triggers") {
            guard
                let f = reader.fields(
                    entry, "a trigger", allowed: ["id", "when", "sign", "inferred", "urgency", "message", citationKey],
                    required: ["id", "when", "urgency", "message", citationKey]),
                let id = reader.identifier(f["id"], "a trigger id"), let whenNode = f["when"]
            else { continue }
            if !seen.insert(id).inserted { reader.error(at: f["id"], "duplicate trigger id '\(id)'") }
            let urgencyText = reader.string(f["urgency"], "urgency") ?? ""
            guard let urgency = Urgency(rawValue: urgencyText), declared.contains(urgencyText) else {
                reader.error(
                    at: f["urgency"],
                    declared.isEmpty
                        ? "urgency \(Printable.quoted(urgencyText)) names a level, but the questionnaire declares none; add 'levels:'"
                        : "urgency \(Printable.quoted(urgencyText)) is not a declared level\(Suggestion.didYouMean(urgencyText, among: declared)); use one of \(declared.joined(separator: ", "))"
                )
                continue
            }
            guard let checked = condition(whenNode, checker: checker(bands: true), expecting: .bool) else { continue }
            var trigger = Trigger(
                id: id, condition: checked.condition, urgency: urgency, message: reader.string(f["message"], "message") ?? "",
                references: citations(f, of: "trigger '\(id)'", required: true))
            let inferred = f["inferred"].flatMap { reader.bool($0, "inferred") } ?? false
            if inferred, f["sign"] == nil { reader.error(at: f["inferred"], "an inferred pattern needs the 'sign' it stands for") }
            if let signNode = f["sign"], let sign = condition(signNode, checker: checker(bands: false), expecting: .bool)?.condition {
                let items = sign.expression.references.filter { if case .item? = symbols[$0] { true } else { false } }
                if items.isEmpty {
                    reader.error(sign.location, "a sign reads the answers it stands for, such as a warning-sign list; this one reads no question")
                } else {
                    trigger.sign = sign
                    trigger.inferred = inferred
                    if inferred { trigger.condition = Self.gated(trigger.condition, by: sign, items: items.sorted()) }
                }
            }
            triggers.append(trigger)
        }
        return triggers
    }

    /// `condition`, except when every item `sign` reads was answered and the sign does not hold:
    /// a pattern inferred from other answers never fires against the person's own "no".
    static func gated(_ condition: Condition, by sign: Condition, items: [String]) -> Condition {
        let answered = items.map { Expression(.call(.answered, $0)) }
        let allAnswered = answered.dropFirst().reduce(answered[0]) { Expression(.binary(.and, $0, $1)) }
        let denied = Expression(.binary(.and, allAnswered, Expression(.not(sign.expression))))
        let source = "(\(condition.source)) and not (\(items.map { "answered(\($0))" }.joined(separator: " and ")) and not (\(sign.source)))"
        return Condition(
            source: source, expression: Expression(.binary(.and, condition.expression, Expression(.not(denied)))), location: condition.location)
    }
}
