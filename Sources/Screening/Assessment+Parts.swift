import Localization

/// The parts of an assessment worked out from its answers and the questionnaire's `report:`
/// block: each answer as the report shows it, the person, the warning signs ruled out and the
/// person's context. The Assessor builds them for a new screening; `filledIn(from:)` for one
/// read from schemaVersion 2, which did not carry them.
extension Assessment {
    /// An assessment read from schemaVersion 2 with what that version did not carry taken from
    /// `questionnaire`, when it is the questionnaire it was scored with (by id): each answer's
    /// section id, label, kind and chosen options, the person's date of birth, age and sex, the
    /// warning signs ruled out, the context and the report block. An answer to an item the
    /// questionnaire no longer has keeps what version 2 gave. Any other assessment comes back as
    /// it is.
    public func filledIn(from questionnaire: Questionnaire) -> Assessment {
        guard schemaVersion < 3, self.questionnaire.id == questionnaire.id else { return self }
        var filled = self
        filled.answers = answers.map { answer in
            guard let item = questionnaire.item(answer.id) else { return answer }
            return AnsweredItem(item, in: questionnaire.section(of: item.id), value: answer.value, answer: answer.answer)
        }
        filled.report = questionnaire.report
        filled.person = Person(name: person.name, answers: filled.answers, items: questionnaire.report.person, on: nil)
        let fired = Set(triggers.map(\.id))
        filled.ruledOut = Self.ruledOut(filled.answers, in: questionnaire, firing: questionnaire.triggers.filter { fired.contains($0.id) })
        filled.context = Self.context(filled.answers, report: questionnaire.report)
        filled.unanswered = unanswered.map { UnansweredItem(id: $0.id, label: questionnaire.item($0.id)?.label ?? $0.label) }
        return filled
    }

    /// The warning signs ruled out: the options (but "none of these") of each item of the
    /// warning-sign section answered "none of these", but the signs a `firing` trigger stands
    /// for, which later answers gave (no report shows a sign as answered no beside a warning
    /// that rests on it).
    static func ruledOut(_ answers: [AnsweredItem], in questionnaire: Questionnaire, firing: [Trigger]) -> [WarningSign] {
        answers.filter { $0.section == questionnaire.report.warningSigns && $0.saysNone }.compactMap { questionnaire.item($0.id) }.flatMap { item in
            let given = firing.reduce(into: Set<String>()) { $0.formUnion($1.signOptions(of: item.id)) }
            return item.options.filter { !$0.exclusive && !given.contains($0.value) }.map {
                WarningSign(item: item.id, value: $0.value, label: $0.label)
            }
        }
    }

    /// Each topic of the person's context `report` names, with its answers in asking order;
    /// topics without an answer are left out.
    static func context(_ answers: [AnsweredItem], report: ReportConventions) -> [ContextEntry] {
        report.context.compactMap { part in
            let ids = answers.filter { part.items.contains($0.id) }.map(\.id)
            return ids.isEmpty ? nil : ContextEntry(topic: part.topic, answers: ids)
        }
    }
}

extension Assessment.AnsweredItem {
    /// `value` (in words, `answer`) as the answer to `item`, in `section`.
    init(_ item: Item, in section: Section?, value: PlainValue, answer: String) {
        let values: [String] =
            switch value {
            case .string(let value): [value]
            case .list(let values): values
            default: []
            }
        self.init(
            id: item.id, section: section?.id ?? "", sectionTitle: section?.title ?? "", question: item.text, label: item.label,
            kind: item.kind.name, answer: answer, value: value,
            options: values.compactMap(item.option).map { Assessment.ChosenOption(value: $0.value, label: $0.label, exclusive: $0.exclusive) },
            calculated: item.calculated != nil)
    }
}

extension Assessment.Person {
    /// Who `answers` say the person is, by the items `items` names; the age on `day` from the
    /// date of birth when there is one and `day` is given, else as answered.
    init(name: String?, answers: [Assessment.AnsweredItem], items: ReportConventions.PersonItems, on day: CalendarDate?) {
        func value(_ id: String?) -> PlainValue? { id.flatMap { id in answers.first { $0.id == id }?.value } }
        self.init(name: name)
        if case .string(let iso)? = value(items.birthDate) { birthDate = CalendarDate(iso: iso) }
        if let birthDate, let day, birthDate <= day {
            age = birthDate.years(until: day)
        } else if case .number(let years)? = value(items.age) {
            age = Int(exactly: years)
        }
        if case .string(let sex)? = value(items.sex) { self.sex = sex }
    }
}
