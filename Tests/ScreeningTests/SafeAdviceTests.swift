import Foundation
import Localization
import PropertyBased
import TestSupport
import Testing

@testable import Screening

/// Advice, foods and tests that must fit the person, or not be given at all.
@Suite struct SafeAdviceTests {
    private func advice(_ assessment: Assessment) -> Set<String> { Set(assessment.advice.map(\.id)) }
    private func foods(_ assessment: Assessment, _ nutrient: String) -> [String] {
        assessment.nutrients.first { $0.id == nutrient }?.foods ?? []
    }

    @Test func aKidneyDietIsNeverToldToEatPotassiumFoodsOrDrinkMore() {
        let kidney = Default.assess([
            "conditions": .list(["kidney_disease"]), "kidney_treatment": .string("dialysis"), "kidney_diet": .bool(true),
            "symptoms": .list(["cramps"]), "cramps_when": .string("any_time"), "medicines": .list(["thiazide"]),
        ])
        #expect(foods(kidney, "potassium").isEmpty)
        #expect(!advice(kidney).contains("fluids") && !advice(kidney).contains("balanced_diet"))
        #expect(advice(kidney).isSuperset(of: ["no_potassium_supplements", "fluids_limited"]))
        let other = Default.assess(["symptoms": .list(["cramps"]), "cramps_when": .string("any_time"), "medicines": .list(["thiazide"])])
        #expect(foods(other, "potassium").contains { $0.contains("Bananas") })
        #expect(advice(other).contains("fluids"))
    }

    @Test func heartFailureOnFurosemideGetsNoExtraFluidAdvice() {
        let heart = Default.assess([
            "age": .number(75), "conditions": .list(["heart_failure"]), "medicines": .list(["loop_diuretic"]), "symptoms": .list(["cramps"]),
            "cramps_when": .string("night"),
        ])
        #expect(!advice(heart).contains("fluids"))
        #expect(advice(heart).contains("fluids_limited"))
    }

    @Test func pregnancyGetsTheNHSSupplementsNeverLiverAndTheRightB12Test() {
        let pregnant = Default.assess([
            "sex": .string("female"), "age": .number(30), "pregnant": .string("pregnant"), "body_symptoms": .list(["fatigue"]),
            "main_since": .string("months_1_to_6"), "main_onset": .string("gradual"), "main_course": .string("same"), "diet": .string("vegan"),
            "plant_diet_years": .string("over_5"), "b12_fortified": .bool(false),
        ])
        #expect(advice(pregnant).contains("pregnancy_supplements"))
        #expect(!advice(pregnant).contains("tests_before_supplements"))
        #expect(!advice(pregnant).contains("vitamin_d_supplement"))
        for nutrient in ["iron", "b12"] { #expect(!foods(pregnant, nutrient).contains("Liver"), "\(nutrient)") }
        let testIDs = Set(pregnant.tests.map(\.id))
        #expect(testIDs.contains("active_b12") && !testIDs.contains("serum_b12"))
    }

    @Test func aManIsNeverOfferedThePregnancyB12Test() {
        let man = Default.assess(["diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(false), "age": .number(70)])
        let testIDs = Set(man.tests.map(\.id))
        #expect(testIDs.contains("serum_b12") && !testIDs.contains("active_b12"))
    }

    @Test func sunlightIsAdviceNotAFood() {
        let indoors = Default.assess(["sun": .string("little"), "skin_tone": .string("dark"), "body_symptoms": .list(["bone_pain"])])
        #expect(!foods(indoors, "vitamin_d").contains { $0.lowercased().contains("sun") })
        // With bone pain and likely low vitamin D (possible osteomalacia), a treatment dose after the
        // test, not the everyday 10 micrograms (NHS vitamin D); without them, the everyday dose.
        #expect(advice(indoors).contains("vitamin_d_treatment") && !advice(indoors).contains("vitamin_d_supplement"))
        let little = Default.assess(["sun": .string("little"), "skin_tone": .string("dark")])
        #expect(advice(little).contains("vitamin_d_supplement") && !advice(little).contains("vitamin_d_treatment"))
    }

    @Test func aNamedCauseComesWithWhatToDoAboutIt() {
        #expect(advice(Default.assess(["nitrous_oxide": .string("few_times")])).contains("stop_nitrous_oxide"))
        #expect(advice(Default.assess(["supplements": .list(["b6"]), "b6_mg": .number(100)])).contains("pause_b6"))
        let statin = Default.assess(["medicines": .list(["statin"]), "symptoms": .list(["muscle_pain"])])
        #expect(advice(statin).contains("keep_statin"))
        #expect(statin.otherCauses.contains { $0.id == "statin_muscles" && $0.tests == ["ck"] })
    }

    @Test func numbBurningFeetWithDiabetesPointToDiabetesAndHbA1c() {
        let diabetic = Default.assess([
            "conditions": .list(["diabetes"]), "diabetes_control": .string("well"), "medicines": .list(["metformin"]), "metformin_long": .bool(true),
            "symptoms": .list(["numbness", "burning"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
        ])
        #expect(diabetic.otherCauses.contains { $0.id == "diabetes_nerves" })
        #expect(diabetic.tests.contains { $0.id == "hba1c" && $0.for.contains("diabetes_nerves") })
    }
}

/// The test catalogue: each test once, with everything it serves, and only where it applies.
@Suite struct TestCatalogueTests {
    @Test func everyNutrientAndOtherCauseNamesCatalogueTests() {
        let q = Default.questionnaire
        let ids = Set(q.tests.map(\.id))
        #expect(ids.count == q.tests.count)
        for nutrient in q.nutrients { #expect(Set(nutrient.tests).isSubset(of: ids), "\(nutrient.id)") }
        for cause in q.otherCauses { #expect(Set(cause.tests).isSubset(of: ids), "\(cause.id)") }
        // Every catalogue entry is used by something.
        let used = Set(q.nutrients.flatMap(\.tests) + q.otherCauses.flatMap(\.tests))
        #expect(ids == used, "unused: \(ids.subtracting(used))")
    }

    @Test func aTestServingSeveralNutrientsIsListedOnceWithAllOfThem() throws {
        let assessment = try Default.vignette("crohns-resection")
        let ids = assessment.tests.map(\.id)
        #expect(ids.count == Set(ids).count, "a test is listed twice: \(ids)")
        let bloodCount = try #require(assessment.tests.first { $0.id == "fbc" })
        #expect(Set(bloodCount.for).isSuperset(of: ["b12", "folate", "iron"]))
        // Only tests of flagged nutrients and other causes that apply are listed.
        let flagged = Set(assessment.flaggedNutrients.map(\.id) + assessment.otherCauses.map(\.id))
        for test in assessment.tests { #expect(Set(test.for).isSubset(of: flagged), "\(test.id)") }
    }

    @Test func anECGOnlyWithAHeartSymptomOrWaterTabletsAndWeakness() throws {
        let magnesiumOnly = Default.assess([
            "medicines": .list(["ppi"]), "ppi_long": .bool(true), "symptoms": .list(["cramps", "tremor"]), "cramps_when": .string("any_time"),
        ])
        #expect(magnesiumOnly.nutrients.first { $0.id == "magnesium" }?.band != .low)
        #expect(!magnesiumOnly.tests.contains { $0.id == "ecg" })
        let racing = try Default.vignette("diuretics-diarrhoea")
        #expect(racing.tests.contains { $0.id == "ecg" })
    }

    @Test func theReferencesListHoldsExactlyWhatTheResultsCite() throws {
        let assessment = try Default.vignette("older-metformin-ppi")
        var cited = Set(assessment.triggers.flatMap(\.references) + assessment.instruments.flatMap(\.references))
        cited.formUnion(assessment.advice.flatMap(\.references) + assessment.otherCauses.flatMap(\.references))
        for nutrient in assessment.flaggedNutrients { cited.formUnion((nutrient.supporting + nutrient.contrary).flatMap(\.references)) }
        #expect(Set(assessment.references.map(\.id)) == cited)
    }
}
