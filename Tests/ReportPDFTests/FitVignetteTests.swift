import Foundation
import Localization
import Testing

@testable import Report
@testable import ReportPDF
@testable import Screening

/// Classes of patients whose report must fit them (issue 24): no food against their diet or
/// illness, no note or advice for someone it does not apply to. Each expectation was written from
/// the reference named beside it before the content was changed. Foods are checked among the foods
/// of the flagged nutrients; phrases in the whole text of the report (case-insensitive).
@Suite struct FitVignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        /// Nutrients that must be flagged, so the foods and notes checked are on the report.
        var flagged: Set<String> = []
        /// Food texts (their beginnings) that must not be suggested.
        var foodsNever: [String] = []
        /// Flagged nutrients whose foods cannot help: none are listed.
        var noFoods: Set<String> = []
        /// Other causes the person is known to have: named as known conditions, not to rule out.
        var known: Set<String> = []
        /// Phrases page 1 must carry (the medicines by name).
        var pageOne: [String] = []
        var say: [String] = []
        var never: [String] = []
        var description: String { file }
    }

    static let expectations: [Expectation] = [
        // Vegans and vegetarians: plant sources and fortified foods (BDA; NHS vegetarian and vegan diets).
        Expectation(
            file: "vegan-b12-foods", flagged: ["b12"], foodsNever: ["Fish", "Meat", "Liver", "Eggs, milk and cheese"],
            say: ["with B12 added"]),
        Expectation(
            file: "vegetarian-iron-foods", flagged: ["iron"], foodsNever: ["Red meat", "Liver"], say: ["Beans, lentils and chickpeas"],
            never: ["in a man, or after the menopause"]),
        // Coeliac disease: a gluten-free diet for life (NICE NG20): no wheat, whole grains or breads.
        Expectation(
            file: "coeliac-no-gluten-foods", flagged: ["iron"], foodsNever: ["Breads and cereals", "Whole grains", "Whole or enriched grains"]),
        // Haemodialysis with a low-potassium diet (NICE NG203; the renal dietitian's diet).
        Expectation(
            file: "dialysis-low-potassium-diet", foodsNever: ["Potatoes", "Bananas", "Beans and lentils", "Spinach, tomatoes"],
            say: ["kidney team", "Stretching your calves"], never: ["Drink enough water"]),
        // Dialysis and kidney diets limit phosphate as well as potassium (NICE NG203; the renal dietitian):
        // no nuts, seeds, whole grains, dairy or liver suggested, and no magnesium supplements (NIH ODS
        // magnesium: a risk when the kidneys fail); the kidney team decides the diet. Low iron on dialysis goes to
        // the kidney team, who decide whether to look for its cause (NICE NG8), not straight to 'the gut'.
        Expectation(
            file: "dialysis-phosphate-foods",
            foodsNever: [
                "Nuts and seeds", "Whole grains", "Milk, yogurt and cheese", "Eggs, milk and cheese", "Liver", "Sunflower seeds", "Almonds",
            ],
            say: ["magnesium supplements", "which foods fit it", "ask your kidney team"], never: ["will look for its cause in the gut"]),
        // Spironolactone keeps potassium in (BNF: avoid potassium supplements); heart failure on a fluid limit (NICE NG106).
        Expectation(
            file: "spironolactone-heart-failure", foodsNever: ["Potatoes", "Bananas", "Beans and lentils", "Spinach, tomatoes"],
            say: ["amount of fluid your doctor advised"], never: ["Drink enough water"]),
        // Pregnancy: no liver or vitamin A (NHS: vitamins and nutrition in pregnancy).
        Expectation(file: "pregnant-no-liver", foodsNever: ["Liver"], pageOne: ["Pregnancy and breastfeeding", "Pregnant"], say: ["midwife"]),
        // Folic acid in pregnancy is taken without waiting for tests (NHS: 400 micrograms a day until week 12).
        Expectation(
            file: "pregnant-folate-not-waiting", flagged: ["folate"], say: ["keep taking 400 micrograms of folic acid"],
            never: ["should not be started before low B12"]),
        // Iron deficiency in a premenopausal woman: heavy periods are the usual cause; the gut is looked at
        // in men and after the menopause (BSG 2021; NICE CKS anaemia – iron deficiency).
        Expectation(file: "premenopausal-iron-note", flagged: ["iron"], never: ["in a man, or after the menopause"]),
        // Refeeding is supervised (NICE CG32): never 'a varied diet' or 'eat more' as the advice.
        // One decision per topic: with thiamine flagged, thiamine does not wait for the tests (NICE CG32;
        // EFNS 2010), so 'tests before supplements' is said for the other supplements only.
        Expectation(
            file: "refeeding-no-eat-more", flagged: ["thiamine"], say: ["with a doctor or dietitian", "should not wait"],
            never: ["A varied diet", "Ask for blood tests before you start new supplements"]),
        // Likely low vitamin D with bone pain or weakness (suspected osteomalacia): a treatment dose after
        // the test, not only the everyday 10 micrograms (NHS vitamin D; CLINICAL floor §1.15).
        Expectation(file: "osteomalacia-vitamin-d", flagged: ["vitamin_d"], say: ["treatment dose"], never: ["10 micrograms a day"]),
        // No ileum or pernicious anaemia: food B12 is not absorbed; B12 by injection (NICE NG239).
        Expectation(
            file: "ileal-resection-b12", flagged: ["b12"], noFoods: ["b12"],
            say: ["injection"]),
        Expectation(
            file: "pernicious-anaemia-b12", flagged: ["b12"], noFoods: ["b12"],
            say: ["injection"]),
        // Calf stretching eases leg cramps (NHS leg cramps); the sweating advice is for heavy sweating.
        Expectation(file: "hand-cramps-only", never: ["Stretching your calves", "If you sweat a lot"]),
        // Wernicke's encephalopathy: confusion, eye movement or gait signs with a thiamine risk (EFNS 2010).
        Expectation(file: "stable-outpatient-no-wernicke", never: ["In suspected Wernicke"]),
        Expectation(
            file: "heavy-drinker-withdrawal", flagged: ["thiamine"], say: ["talk to your doctor before you cut down", "fits"],
            never: ["In suspected Wernicke"]),
        // The ferritin threshold of 75 µg/L is for restless legs (AASM 2024 iron guidance).
        Expectation(file: "no-restless-legs-ferritin", flagged: ["iron"], never: ["75 µg/L"]),
        // A known condition is named as known, with what to check: a known diabetic's HbA1c control and
        // feet checked at least once a year (NICE NG19; NICE NG28), never 'diabetes is the commonest cause'
        // to rule out; a treated underactive thyroid gets a TSH test of the dose (NICE NG145).
        Expectation(
            file: "known-diabetes-nerves", known: ["diabetes_nerves"], pageOne: ["Long-term conditions", "Diabetes"],
            say: ["Known conditions", "HbA1c", "feet checked"],
            never: ["commonest cause of numb"]),
        Expectation(
            file: "known-hypothyroid", known: ["thyroid"], say: ["Known conditions", "TSH", "dose"], never: ["An underactive thyroid can cause"]),
        // Drugs by name, with the action to discuss. Long-term acid tablets: review the need (NICE CG184,
        // NICE CKS dyspepsia); metformin for years: a B12 test with symptoms (MHRA Drug Safety Update 2022);
        // isoniazid: the TB team adds pyridoxine (BNF); 5 mg folic acid with nerve symptoms: B12 first (BNF);
        // heavy daily drinking: talk to the doctor before cutting down, stopping suddenly can cause fits
        // (NICE CG100); a blood thinner: ask before adding supplements (BNF warfarin; ODS vitamin E).
        Expectation(
            file: "long-term-ppi", pageOne: ["Omeprazole"], say: ["still need the acid tablet"],
            never: ["such as omeprazole, lansoprazole or pantoprazole"]),
        Expectation(
            file: "tests-two-tiers", known: ["diabetes_nerves"], pageOne: ["Omeprazole", "Metformin"],
            say: ["still need the acid tablet", "metformin can lower vitamin B12", "feet checked"], never: ["commonest cause of numb"]),
        Expectation(file: "isoniazid-no-pyridoxine", pageOne: ["Isoniazid"], say: ["TB team", "pyridoxine"]),
        Expectation(file: "high-dose-folic-acid", say: ["B12 test"]),
        Expectation(
            file: "warfarin-vitamin-e", pageOne: ["Warfarin"], say: ["before you start any supplement"],
            never: ["apixaban, rivaroxaban, edoxaban or dabigatran"]),
    ]

    static func assessment(_ file: String, _ language: Language = .en) throws -> Assessment {
        try Sample.assessment("Tests/ScreeningTests/Fixtures/fit-vignettes/\(file).yaml", language)
    }

    /// Someone with numb feet who has not said they have diabetes: diabetes is still the cause to
    /// rule out (NICE NG28), with its HbA1c test.
    @Test func diabetesNotKnownIsStillACauseToRuleOut() throws {
        let assessment = try Self.assessment("isoniazid-no-pyridoxine")
        let cause = try #require(assessment.otherCauses.first { $0.id == "diabetes_nerves" })
        #expect(cause.known == nil)
        #expect(cause.text.contains("commonest cause"))
        #expect(cause.tests == ["hba1c"])
    }

    /// The known form in Spanish: its name and text are the translation's, not the English.
    @Test func aKnownConditionIsNamedInSpanish() throws {
        let english = try #require(try Self.assessment("known-diabetes-nerves").otherCauses.first { $0.id == "diabetes_nerves" })
        let spanish = try #require(try Self.assessment("known-diabetes-nerves", .es).otherCauses.first { $0.id == "diabetes_nerves" })
        #expect(spanish.known == "Diabetes conocida")
        #expect(spanish.text != english.text && spanish.text.contains("pies"))
        let text = Sample.document(try Self.assessment("known-diabetes-nerves", .es)).texts.joined(separator: " ")
        #expect(text.contains("Enfermedades conocidas: qué revisar"))
        #expect(!text.contains("causa más frecuente de pies"))
    }

    @Test(arguments: expectations)
    func theReportFitsThePerson(_ expected: Expectation) throws {
        let assessment = try Self.assessment(expected.file)
        #expect(assessment.unanswered.isEmpty, "a vignette answers every question it is shown: \(assessment.unanswered)")
        let flagged = assessment.flaggedNutrients
        for id in expected.flagged { #expect(flagged.contains { $0.id == id }, "\(id) should be flagged") }
        for id in expected.noFoods { #expect(flagged.first { $0.id == id }?.foods == [], "no foods of \(id) can help") }
        let foods = flagged.flatMap(\.foods)
        for food in expected.foodsNever {
            #expect(!foods.contains { $0.lowercased().hasPrefix(food.lowercased()) }, "'\(food)' must not be suggested: \(foods)")
        }
        for id in expected.known {
            #expect(assessment.otherCauses.first { $0.id == id }?.known != nil, "\(id) is a known condition")
        }
        let text = Sample.normalised(Sample.document(assessment, detail: .short).texts.joined(separator: " ")).lowercased()
        for phrase in expected.say { #expect(text.contains(phrase.lowercased()), "the report must say '\(phrase)'") }
        for phrase in expected.never { #expect(!text.contains(phrase.lowercased()), "the report must not say '\(phrase)'") }
        if !expected.pageOne.isEmpty {
            let first = try Self.pageOne(assessment)
            for phrase in expected.pageOne { #expect(first.contains(phrase), "page 1 must name '\(phrase)': \(first)") }
        }
    }

    /// The text of the short report's first page, laid out as the PDF lays it out.
    static func pageOne(_ assessment: Assessment) throws -> String {
        let layout = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        return Sample.normalised(
            layout.pages[0].elements.compactMap { if case .text(let t) = $0 { t.lines.map(\.text).joined(separator: " ") } else { nil } }
                .joined(separator: " "))
    }
}
