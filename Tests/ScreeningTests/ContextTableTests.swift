import Foundation
import Testing

@testable import Screening

/// The context table (`contexts:` and each text's `notFor:` / `onlyFor:`): checked at load, and
/// walked against the pairs the references forbid.
@Suite struct ContextTableTests {
    /// Text beginnings that must never be shown in a context, from the references: BDA and NHS
    /// vegetarian and vegan diets; NICE NG20 (a gluten-free diet for life); NICE NG203 and the renal
    /// diet (potassium); BNF (potassium-sparing medicines); NHS pregnancy (no liver); NICE NG239 (no
    /// food B12 without the ileum or with pernicious anaemia); NICE CG32 (refeeding is supervised).
    static let forbidden: [String: [String]] = [
        "vegan": ["Meat", "Fish", "Liver", "Eggs", "Egg yolks", "Milk, yogurt", "Pork", "Poultry", "Red meat", "Sardines", "Oily fish"],
        "no_fish": ["Meat", "Fish", "Liver", "Pork", "Poultry", "Red meat", "Sardines", "Oily fish"],
        "no_meat": ["Meat", "Liver", "Pork", "Red meat"],
        "pregnant": ["Liver"],
        "coeliac": ["Whole", "Breads", "A varied diet"],
        "low_potassium_diet": ["Potatoes", "Bananas", "Beans", "Spinach", "Leafy greens", "Dark leafy greens", "A varied diet"],
        "potassium_kept": ["Potatoes and sweet potatoes", "Bananas, oranges", "Beans and lentils", "Spinach, tomatoes"],
        "no_food_b12": ["b12: "],  // every food of B12
        "refeeding": ["A varied diet"],
    ]

    /// Contexts that hold whenever another does: a vegan eats no fish or meat.
    static let implied: [String: Set<String>] = ["vegan": ["no_fish", "no_meat"], "no_fish": ["no_meat"]]

    /// Every food, note and piece of advice of `q`, with what it belongs to (a food: its nutrient's id).
    static func texts(_ q: Questionnaire) -> [(owner: String, text: String, fit: Fit)] {
        q.nutrients.flatMap { n in n.foods.map { (n.id, $0.text, $0.fit) } + n.notes.map { ("notes of \(n.id)", $0.text, $0.fit) } }
            + q.advice.map { ("advice \($0.id)", $0.text, $0.fit) }
    }

    @Test func everyPairTheReferencesForbidIsDeclared() {
        let q = Default.questionnaire
        let declared = Set(q.contexts.map(\.id))
        #expect(Set(Self.forbidden.keys).isSubset(of: declared), "contexts the references need: \(Set(Self.forbidden.keys).subtracting(declared))")
        var walked = 0
        for context in q.contexts {
            for (owner, text, fit) in Self.texts(q) {
                walked += 1
                let forbidden = (Self.forbidden[context.id] ?? []).contains {
                    $0 == "\(owner): " || text.lowercased().hasPrefix($0.lowercased())
                }
                if forbidden {
                    #expect(
                        !fit.applies(in: Self.implied[context.id, default: []].union([context.id])),
                        "'\(text)' (\(owner)) must not be shown in context '\(context.id)'")
                }
            }
        }
        #expect(walked > 14 * 80)
    }

    @Test func notesForSomePeopleAreOnlyForThem() {
        let q = Default.questionnaire
        func fit(_ beginning: String) -> Fit? { Self.texts(q).first { $0.text.hasPrefix(beginning) }?.fit }
        #expect(fit("New iron deficiency in a man")?.onlyFor == ["man_or_after_menopause"])
        #expect(fit("With restless legs, iron is advised")?.onlyFor == ["restless_legs"])
        #expect(fit("In suspected Wernicke")?.onlyFor == ["wernicke_signs"])
        #expect(fit("Stretching your calves")?.onlyFor == ["leg_cramps"])
        #expect(fit("If you sweat a lot")?.onlyFor == ["heavy_sweating"])
        #expect(fit("Without the end of the small bowel")?.onlyFor == ["no_food_b12"])
        #expect(!Self.texts(q).contains { $0.text.contains("sweat a lot") && $0.fit.onlyFor.isEmpty }, "one text, one decision")
    }

    @Test func anUnknownContextIsALocatedError() throws {
        let text = try Self.defaultText()
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("notFor: [coeliac]") }) + 1
        let problems = Fixture.problems(text.replacingOccurrences(of: "notFor: [coeliac]", with: "notFor: [celiac]"))
        let problem = try #require(problems.first)
        #expect(problem.location.line == line)
        #expect(problem.message == "unknown context 'celiac'; did you mean 'coeliac'?; declare it in 'contexts' at the top level")
    }

    /// An other cause's known form names a declared context, and has a name and references.
    @Test func aKnownFormNamesADeclaredContext() throws {
        let text = try Self.defaultText()
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("context: known_diabetes") }) + 1
        let problems = Fixture.problems(text.replacingOccurrences(of: "context: known_diabetes", with: "context: known_diabetic"))
        let problem = try #require(problems.first)
        #expect(problem.location.line == line)
        #expect(problem.message.hasPrefix("unknown context 'known_diabetic'; did you mean 'known_diabetes'?"))
        let nameless = Fixture.problems(text.replacingOccurrences(of: "name: \"Known diabetes\"", with: "")).map(\.message)
        #expect(nameless.contains { $0.contains("the known form of other cause 'diabetes_nerves'") && $0.contains("name") }, "\(nameless)")
    }

    @Test func theArchiveKeepsTheKnownForms() throws {
        let q = Default.questionnaire
        let copy = try #require(
            QuestionnaireArchive.decode(QuestionnaireArchive.encode(q, build: "test"), build: "test", contentHash: q.contentHash, path: q.path))
        #expect(copy.otherCauses == q.otherCauses)
        #expect(q.otherCauses.filter { $0.known != nil }.count >= 4)
    }

    @Test func aContextNeedsAYesOrNoConditionOnKnownAnswers() throws {
        let text = try Self.defaultText()
        let yaml = text.replacingOccurrences(
            of: "\ncontexts:\n",
            with: """

                contexts:
                  - { id: vegan, when: "dite == vegan", reason: "No food from animals." }
                  - { id: coeliac, when: "age", reason: "Not yes or no." }

                """)
        let messages = Fixture.problems(yaml).map(\.message)
        #expect(messages.contains { $0.contains("unknown id 'dite'") }, "\(messages)")
        #expect(messages.contains { $0.contains("duplicate context id 'coeliac'") }, "\(messages)")
        #expect(messages.contains { $0.contains("yes/no condition") }, "\(messages)")
    }

    static func defaultText() throws -> String {
        try String(contentsOfFile: Default.path, encoding: .utf8)
    }

    @Test func theArchiveKeepsTheTable() throws {
        let q = Default.questionnaire
        let copy = try #require(
            QuestionnaireArchive.decode(QuestionnaireArchive.encode(q, build: "test"), build: "test", contentHash: q.contentHash, path: q.path))
        #expect(copy.contexts == q.contexts)
        #expect(Self.texts(copy).map(\.fit) == Self.texts(q).map(\.fit))
    }

    @Test func theSpanishQuestionnaireFollowsTheSameTable() {
        let spanish = DefaultTranslationTests.spanish
        #expect(spanish.contexts == Default.questionnaire.contexts)
        #expect(Self.texts(spanish).map(\.fit) == Self.texts(Default.questionnaire).map(\.fit))
    }
}
