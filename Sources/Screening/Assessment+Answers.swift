extension Assessment {
    /// Who the screening is about, from the answers the `report:` block names.
    public struct Person: Codable, Sendable, Equatable {
        public var name: String?
        public var birthDate: CalendarDate?
        /// Whole years on the day the screening was completed: worked out from the date of birth,
        /// else as given.
        public var age: Int?
        /// The value of the option chosen for sex (`female`, `male`, `other`); its words are in `answers`.
        public var sex: String?

        public init(name: String? = nil, birthDate: CalendarDate? = nil, age: Int? = nil, sex: String? = nil) {
            self.name = name
            self.birthDate = birthDate
            self.age = age
            self.sex = sex
        }

        private enum CodingKeys: String, CodingKey { case name, birthDate, age, sex }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            if let iso = try container.decodeIfPresent(String.self, forKey: .birthDate) {
                guard let day = CalendarDate(iso: iso) else {
                    throw DecodingError.dataCorruptedError(forKey: .birthDate, in: container, debugDescription: "not a date: \(iso)")
                }
                birthDate = day
            }
            age = try container.decodeIfPresent(Int.self, forKey: .age)
            sex = try container.decodeIfPresent(String.self, forKey: .sex)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(name, forKey: .name)
            try container.encodeIfPresent(birthDate?.iso, forKey: .birthDate)
            try container.encodeIfPresent(age, forKey: .age)
            try container.encodeIfPresent(sex, forKey: .sex)
        }
    }

    /// One answer that counts, with what a report needs to show it.
    public struct AnsweredItem: Codable, Sendable, Equatable {
        public var id: String
        /// The id of its section.
        public var section: String
        public var sectionTitle: String
        public var question: String
        /// Its name in summaries: the item's `short` text, else its question.
        public var label: String
        /// The item's type, as questionnaire files name it (`boolean`, `multiChoice`, `text`…).
        public var kind: String
        /// The answer in words.
        public var answer: String
        /// The answer as an answers file gives it.
        public var value: PlainValue
        /// The options chosen (a choice or multiChoice item), in the item's order.
        public var options: [ChosenOption]
        /// True for an item the questionnaire works out from other answers when they are given
        /// (`calculated:`, an age from a date of birth): it follows the calendar, not the person.
        public var calculated: Bool

        public init(
            id: String, section: String, sectionTitle: String, question: String, label: String, kind: String, answer: String,
            value: PlainValue, options: [ChosenOption] = [], calculated: Bool = false
        ) {
            self.id = id
            self.section = section
            self.sectionTitle = sectionTitle
            self.question = question
            self.label = label
            self.kind = kind
            self.answer = answer
            self.value = value
            self.options = options
            self.calculated = calculated
        }

        /// True when the answer says "nothing here": no, or no option but "none of these".
        public var saysNone: Bool {
            switch value {
            case .bool(let value): !value
            case .list: options.allSatisfy(\.exclusive)
            default: false
            }
        }

        /// True for words the person typed (`text`), which a report quotes as they are.
        public var isTyped: Bool { kind == TextKind.name }
    }

    /// An option chosen in an answer.
    public struct ChosenOption: Codable, Sendable, Equatable {
        public var value: String
        public var label: String
        /// "None of these": chosen alone.
        public var exclusive: Bool

        public init(value: String, label: String, exclusive: Bool = false) {
            self.value = value
            self.label = label
            self.exclusive = exclusive
        }
    }

    /// A warning sign asked about and ruled out: an option of a warning-sign item answered
    /// "none of these".
    public struct WarningSign: Codable, Sendable, Equatable {
        /// The item that asked about it.
        public var item: String
        public var value: String
        public var label: String

        public init(item: String, value: String, label: String) {
            self.item = item
            self.value = value
            self.label = label
        }
    }

    /// A topic of the person's context, and the answers that tell it (ids of `answers`).
    public struct ContextEntry: Codable, Sendable, Equatable {
        public var topic: ContextTopic
        public var answers: [String]

        public init(topic: ContextTopic, answers: [String]) {
            self.topic = topic
            self.answers = answers
        }
    }

    /// A shown question left without an answer.
    public struct UnansweredItem: Codable, Sendable, Equatable {
        public var id: String
        /// Its name in summaries: its `short` text, else its question.
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The answers that tell a topic of the person's context, in asking order.
    public func answers(of entry: ContextEntry) -> [AnsweredItem] { entry.answers.compactMap(answer) }
}
