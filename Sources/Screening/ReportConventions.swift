/// Which answers the report shows where, and who a person is in the history: the questionnaire's
/// `report:` block (Questionnaires/FORMAT.md, "The report block"), checked when the questionnaire
/// is loaded and carried into every assessment, so the report reads it from there. A
/// questionnaire without the block still gives a report: the parts it would name are left out.
public struct ReportConventions: Codable, Sendable, Equatable {
    /// The items that say who the person is, shown beside the name.
    public struct PersonItems: Codable, Sendable, Equatable {
        /// A `date` item: the date of birth, shown as "born 12 April 1958 (age 67)"; with the
        /// name, who a person is in the history.
        public var birthDate: String?
        /// An `integer` item: the age in years, shown when there is no date of birth.
        public var age: String?
        /// A `choice` item: the sex.
        public var sex: String?

        public init(birthDate: String? = nil, age: String? = nil, sex: String? = nil) {
            self.birthDate = birthDate
            self.age = age
            self.sex = sex
        }

        /// The ids named, in the order page 1 shows them.
        public var ids: [String] { [birthDate, age, sex].compactMap { $0 } }
    }

    /// One part of the person's context on page 1: a topic and the items that tell it, in
    /// asking order.
    public struct ContextPart: Codable, Sendable, Equatable {
        public var topic: ContextTopic
        public var items: [String]

        public init(topic: ContextTopic, items: [String]) {
            self.topic = topic
            self.items = items
        }
    }

    public var person: PersonItems
    /// The section whose answers say why the person came; screenings are compared by them.
    public var symptoms: String?
    /// The section of warning signs asked of everyone: the signs of its items answered "none"
    /// are listed as ruled out.
    public var warningSigns: String?
    /// The person's context, in the order page 1 shows it.
    public var context: [ContextPart]

    public init(person: PersonItems = PersonItems(), symptoms: String? = nil, warningSigns: String? = nil, context: [ContextPart] = []) {
        self.person = person
        self.symptoms = symptoms
        self.warningSigns = warningSigns
        self.context = context
    }

    /// A questionnaire without a `report:` block: nothing shown by convention.
    public static let none = ReportConventions()

    /// Every item the block names outside its sections: the person's items and the context's.
    public var namedItems: [String] { person.ids + context.flatMap(\.items) }

    func write(to archive: inout ArchiveWriter) {
        for id in [person.birthDate, person.age, person.sex, symptoms, warningSigns] { archive.optional(id) { $0.string($1) } }
        archive.array(context) { w, part in
            w.string(part.topic.rawValue)
            w.strings(part.items)
        }
    }

    static func read(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> ReportConventions {
        func id(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> String? {
            try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }
        }
        let person = PersonItems(birthDate: try id(&archive), age: try id(&archive), sex: try id(&archive))
        let symptoms = try id(&archive)
        let warningSigns = try id(&archive)
        let context = try archive.array { (r) throws(ArchiveReader.Malformed) in
            guard let topic = ContextTopic(rawValue: try r.string()) else { throw ArchiveReader.Malformed() }
            return ContextPart(topic: topic, items: try r.strings())
        }
        return ReportConventions(person: person, symptoms: symptoms, warningSigns: warningSigns, context: context)
    }
}

/// What a part of the person's context is about; the report heads each with its own words.
public enum ContextTopic: String, Codable, Sendable, CaseIterable {
    /// Long-term conditions: diabetes, kidney disease, a bowel condition.
    case conditions
    /// Medicines and supplements.
    case medicines
    /// What the person eats and drinks.
    case diet
    /// Pregnancy and breastfeeding.
    case pregnancy
}
