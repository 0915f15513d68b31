/// Every kind of question, by the name questionnaire files use.
public enum QuestionKinds {
    /// Every kind, in the order FORMAT.md lists them; the position is the kind's tag in the
    /// questionnaire archive.
    public static let all: [any QuestionKind.Type] = [
        BooleanKind.self, ChoiceKind.self, MultiChoiceKind.self, IntegerKind.self, DecimalKind.self, TextKind.self, DateKind.self,
        DisplayKind.self,
    ]

    /// The kind a questionnaire file names, if there is one.
    public static func named(_ name: String) -> (any QuestionKind.Type)? { all.first { $0.name == name } }

    /// Every kind's name.
    public static var names: [String] { all.map { $0.name } }

    /// The archive tag of a kind.
    static func tag(of kind: any QuestionKind) -> UInt64 {
        UInt64(all.firstIndex { $0 == type(of: kind) }!)
    }
}

/// A kind held by an item: compared and hashed as the kind it holds.
struct KindBox: Hashable, Sendable {
    let base: any QuestionKind

    static func == (a: KindBox, b: KindBox) -> Bool { AnyHashable(a.base) == AnyHashable(b.base) }
    func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(base)) }
}
