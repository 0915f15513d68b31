/// Reading the `report:` block: which answers the report shows where. Every id it names must be
/// a section, or an item of the type its place needs.
extension QuestionnaireBuilder {
    mutating func readReport(_ node: YAMLNode?, sections: [Section]) -> ReportConventions {
        guard let node, let f = reader.fields(node, "the report block", allowed: ["person", "symptoms", "warningSigns", "context"]) else {
            return .none
        }
        var report = ReportConventions()
        if let personNode = f["person"], let p = reader.fields(personNode, "the report's person", allowed: ["birthDate", "age", "sex"]) {
            report.person.birthDate = reportItem(p["birthDate"], "birthDate", of: DateKind.self)
            report.person.age = reportItem(p["age"], "age", of: IntegerKind.self)
            report.person.sex = reportItem(p["sex"], "sex", of: ChoiceKind.self)
        }
        report.symptoms = reportSection(f["symptoms"], "symptoms", among: sections)
        report.warningSigns = reportSection(f["warningSigns"], "warningSigns", among: sections)
        for entry in reader.list(f["context"], "the report's context") {
            guard
                let c = reader.fields(entry, "a part of the report's context", allowed: ["topic", "section", "items"], required: ["topic"]),
                let name = reader.string(c["topic"], "topic")
            else { continue }
            let names = ContextTopic.allCases.map(\.rawValue)
            guard let topic = ContextTopic(rawValue: name) else {
                reader.error(
                    at: c["topic"],
                    "unknown context topic \(Printable.quoted(name))\(Suggestion.didYouMean(name, among: names)); use one of \(names.joined(separator: ", "))"
                )
                continue
            }
            if report.context.contains(where: { $0.topic == topic }) {
                reader.error(at: c["topic"], "the context topic '\(name)' is listed twice; give all its items in one place")
                continue
            }
            let items: [String]
            switch (c["section"], c["items"]) {
            case (let sectionNode?, nil):
                guard let id = reportSection(sectionNode, "section", among: sections) else { continue }
                items = sections.first { $0.id == id }?.items.filter(\.takesAnswer).map(\.id) ?? []
            case (nil, let itemsNode?):
                items = reader.list(itemsNode, "the items of the context topic '\(name)'").compactMap { reportItem($0, "an item", of: nil) }
            default:
                reader.error(at: entry, "the context topic '\(name)' needs exactly one of 'section' (a section id) or 'items' (a list of item ids)")
                continue
            }
            report.context.append(.init(topic: topic, items: items))
        }
        return report
    }

    /// The id in `node` when it names an item that takes an answer, of `kind` when given.
    private mutating func reportItem(_ node: YAMLNode?, _ what: String, of kind: (any QuestionKind.Type)?) -> String? {
        guard let node, let id = reader.identifier(node, what) else { return nil }
        guard case .item(let item, _)? = symbols[id], item.takesAnswer else {
            let items = symbols.compactMap { if case .item(let item, _) = $1, item.takesAnswer { item.id } else { nil } }
            reader.error(at: node, "\(what) '\(id)' is not a question of this questionnaire\(Suggestion.didYouMean(id, among: items))")
            return nil
        }
        if let kind, type(of: item.kind) != kind {
            let named = { (name: String) in ("aeiou".contains(name.prefix(1)) ? "an " : "a ") + name }
            reader.error(at: node, "\(what) '\(id)' is \(named(item.kind.name)) item; the report's \(what) needs \(named(kind.name)) item")
            return nil
        }
        return id
    }

    /// The id in `node` when it names one of `sections`.
    private mutating func reportSection(_ node: YAMLNode?, _ what: String, among sections: [Section]) -> String? {
        guard let node, let id = reader.identifier(node, what) else { return nil }
        guard sections.contains(where: { $0.id == id }) else {
            reader.error(at: node, "\(what) '\(id)' is not a section of this questionnaire\(Suggestion.didYouMean(id, among: sections.map(\.id)))")
            return nil
        }
        return id
    }
}
