import Foundation
import Localization
import PropertyBased
import TestSupport
import Testing

@testable import Screening

@Suite struct DefaultQuestionnaireTests {
    let q = Default.questionnaire

    @Test func coversEveryNutrientTheProductPromises() {
        #expect(
            q.nutrients.map(\.id).sorted() == [
                "b12", "b6_high", "b6_low", "calcium", "copper", "folate", "iron", "magnesium", "phosphate", "potassium", "thiamine",
                "vitamin_d", "vitamin_e",
            ])
        #expect(Set(q.instruments.map(\.id)) == ["mnsi", "irlssg", "audit_c"])
        #expect(q.schemaVersion == Questionnaire.supportedSchemaVersion)
    }

    @Test func everyRuleGivesAReasonAndCitesAPublishedWork() {
        for nutrient in q.nutrients {
            #expect(!nutrient.rules.isEmpty && !nutrient.tests.isEmpty && !nutrient.foods.isEmpty, "\(nutrient.id) needs rules, tests and foods")
            for rule in nutrient.rules {
                #expect(!rule.reason.isEmpty && !rule.references.isEmpty, "\(nutrient.id): \(rule.condition.source)")
            }
        }
        for trigger in q.triggers { #expect(!trigger.message.isEmpty && !trigger.references.isEmpty, "\(trigger.id)") }
        for instrument in q.instruments { #expect(!instrument.references.isEmpty, "\(instrument.id)") }
        for advice in q.advice { #expect(!advice.references.isEmpty, "\(advice.id)") }
        for cause in q.otherCauses { #expect(!cause.references.isEmpty && !cause.tests.isEmpty, "\(cause.id)") }
        for reference in q.references {
            #expect(reference.citation.count > 20, "\(reference.id) needs authors or organisation, title and year")
            #expect(reference.url.map { $0.hasPrefix("https://") } ?? true, "\(reference.id)")
        }
    }

    @Test func nothingCitesTheProjectsOwnNotes() throws {
        // The product cites the public works its notes draw on, never the notes or seed articles.
        let text = try String(contentsOfFile: Default.path, encoding: .utf8)
        for note in ["seed 0", "seeds 0", "CLINICAL", "§", "[K]"] { #expect(!text.contains(note), "found '\(note)'") }
    }

    @Test func everyQuestionSaysWhyItIsAsked() {
        for item in q.questions { #expect(item.help?.isEmpty == false, "\(item.id) has no help") }
    }

    @Test func warningSignsComeFirstAndAgeAndSexBeforeAnythingThatDependsOnThem() {
        #expect(q.sections[0].id == "warning_signs")
        #expect(q.sections[1].id == "about_you")
        let ageAndSex = [q.order(of: "age"), q.order(of: "sex")].compactMap { $0 }.max() ?? .max
        for item in q.items where item.condition.map({ !$0.expression.references.isDisjoint(with: ["age", "sex"]) }) ?? false {
            #expect((q.order(of: item.id) ?? 0) > ageAndSex, "\(item.id) depends on age or sex but comes first")
        }
        // The symptoms come straight after: what brings the person here.
        #expect(q.sections[2].id == "symptoms")
    }

    /// Validated instruments keep their published wording (PHQ-9 item 9, AUDIT-C, MNSI).
    static let publishedWording: Set<String> = ["self_harm", "audit_q1", "audit_q2", "audit_q3"]

    @Test func questionsAndWhatPeopleActOnReadAtGradeEightOrLower() {
        for item in q.items where !Self.publishedWording.contains(item.id) && !item.id.hasPrefix("mnsi_") {
            let grade = ReadingGrade.grade(item.text)
            #expect(grade <= 8, "\(item.id) reads at grade \(grade): \(item.text)")
        }
        for trigger in q.triggers {
            #expect(ReadingGrade.grade(trigger.message) <= 8, "\(trigger.id): \(trigger.message)")
        }
        for advice in q.advice { #expect(ReadingGrade.grade(advice.text) <= 8, "\(advice.id): \(advice.text)") }
        // One sentence with a nutrient's name is a poor sample for the formula, which was made for
        // passages: "why we ask", the reasons and the other causes are measured as passages.
        let passages = [
            ("help", q.items.compactMap(\.help)), ("reasons", q.nutrients.flatMap(\.rules).map(\.reason)),
            ("other causes", q.otherCauses.map(\.text) + q.otherCauses.compactMap(\.known?.text)),
        ]
        for (name, texts) in passages {
            let grade = ReadingGrade.grade(texts.joined(separator: " "))
            #expect(grade <= 8, "\(name) read at grade \(grade)")
        }
    }

    @Test func wordingScreensAndNeverDiagnoses() throws {
        let text = try String(contentsOfFile: Default.path, encoding: .utf8).lowercased()
        for phrase in ["you have a deficiency", "you are deficient", "diagnosis:", "you have b12", "you have low"] {
            #expect(!text.contains(phrase), "found '\(phrase)'")
        }
        #expect(Messages.english.assessment.disclaimer.contains("not a diagnosis"))
        #expect(Messages(.es).assessment.disclaimer.contains("no un diagnóstico"))
    }

    @Test func templatedGrammarIsGone() throws {
        let text = try String(contentsOfFile: Default.path, encoding: .utf8)
        for phrase in ["Is the cramps", "Is the spasms", "Is the twitching"] { #expect(!text.contains(phrase)) }
    }

    // MARK: Rule kinds

    /// Symptom answers that point at one nutrient in particular, each with the reason it is allowed
    /// to count on its own (as a `sign`) rather than only beside a risk.
    static let specificSigns: [String: String] = [
        "neck_shock": "Lhermitte's sign: spinal-cord involvement, as in B12 deficiency",
        "stiff_legs": "stiff legs with numbness: spinal-cord involvement",
        "mouth_tingling": "perioral tingling: the early sign of low calcium",
        "cravings": "pica: typical of iron deficiency",
        "rls_met": "restless legs meeting all IRLSSG criteria: linked to low iron",
        "twitching_beyond_eyelids": "fasciculations beyond the eyelids: a classic sign of low magnesium",
        "bone_pain": "bone pain: osteomalacia from low vitamin D",
        "hips_thighs": "proximal weakness: the myopathy of low vitamin D",
        "double_vision": "eye signs: a Caine criterion for Wernicke's encephalopathy",
        "confusion": "new confusion: a Caine criterion for Wernicke's encephalopathy",
        "b6_dose_of_concern": "nerve symptoms while taking B6 at or above its European upper limit (or an amount not known)",
        "recent_results": "a blood result the person already knows",
        "attacks_breathing": "tingling and cramps only with fast breathing, gone between attacks: over-breathing, evidence against low calcium",
    ]

    @Test func onlyAnswersAboutRisksCountAsRisksAndEverySignIsJustified() {
        let symptomItems = Set(q.sections.first { $0.id == "symptoms" }?.items.map(\.id) ?? [])
        for nutrient in q.nutrients {
            for rule in nutrient.rules {
                let reads = rule.condition.expression.references
                switch rule.kind {
                case .risk:
                    // A risk rule reads something beyond the symptoms.
                    #expect(!reads.isSubset(of: symptomItems.union(["sensory", "has_symptoms"])), "\(nutrient.id): \(rule.condition.source)")
                case .sign:
                    let justified = Self.specificSigns.keys.contains { key in rule.condition.source.contains(key) }
                    #expect(justified, "\(nutrient.id): sign without a reason in specificSigns: \(rule.condition.source)")
                case .symptom:
                    #expect(rule.points > 0, "\(nutrient.id): \(rule.condition.source)")
                }
            }
        }
    }

    @Test func nonSpecificSymptomsAloneNeverFlagANutrient() async {
        // Every non-specific symptom, with every follow-up answered at random, on the baseline of no risks.
        let nonSpecific: [PlainValue] = [
            .list(["tingling", "numbness", "burning", "vibrating", "weakness", "cramps", "spasms", "tremor", "balance", "muscle_pain"]),
            .list(["fatigue", "breathless", "palpitations", "dizzy_standing", "memory", "low_mood", "sore_tongue", "hair_loss", "itching"]),
        ]
        let navigator = Navigator(questionnaire: q)
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SeededRandom(seed: seed)
            var answers = Default.answers(["symptoms": nonSpecific[0], "body_symptoms": nonSpecific[1]])
            // The date of birth stays unanswered: the baseline's age stands.
            for item in navigator.visibleItems(answers) where item.takesAnswer && answers[item.id] == nil && item.id != "birth_date" {
                answers[item.id] = AnswerSampler.randomAnswer(for: item, on: Today.machine.day, using: &rng)
            }
            // Answers that name a specific sign are set to "no" (weak hips and thighs are one).
            answers["stiff_legs"] = .boolean(.no)
            answers["weakness_where"] = .multiChoice(["lower_legs"])
            let assessment = Assessor(questionnaire: q, today: .machine).assess(answers)
            for nutrient in assessment.nutrients {
                #expect(nutrient.band == .low, "seed \(seed): \(nutrient.id) \(nutrient.score) from \(nutrient.supporting.map(\.reason))")
            }
        }
    }

    // MARK: Nutrients

    /// For each nutrient: answers that reach Likely, and a near miss one factor short.
    static let nutrientCases: [(nutrient: String, likely: [String: PlainValue], nearMiss: [String: PlainValue])] = [
        (
            "b12",
            [
                "diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(false),
                "symptoms": .list(["tingling", "balance"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
            ],
            [
                "diet": .string("vegan"), "plant_diet_years": .string("over_5"), "b12_fortified": .bool(true),
                "symptoms": .list(["tingling", "balance"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
            ]
        ),
        (
            "folate",
            Default.heavyDrinker.merging(["plant_foods": .string("rarely"), "body_symptoms": .list(["sore_tongue"])]) { $1 },
            Default.heavyDrinker.merging(["plant_foods": .string("most_days"), "body_symptoms": .list(["sore_tongue"])]) { $1 }
        ),
        (
            "b6_low",
            [
                "age": .number(70), "conditions": .list(["kidney_disease"]), "kidney_treatment": .string("dialysis"),
                "medicines": .list(["anticonvulsant"]), "symptoms": .list(["tingling"]), "body_symptoms": .list(["memory"]),
            ],
            [
                "age": .number(70), "conditions": .list(["kidney_disease"]), "kidney_treatment": .string("dialysis"),
                "symptoms": .list(["tingling"]), "body_symptoms": .list(["memory"]),
            ]
        ),
        (
            "b6_high",
            ["supplements": .list(["b_complex"]), "b6_mg": .number(60), "b6_duration": .string("over_6_months")],
            ["supplements": .list(["b_complex"]), "b6_mg": .number(60), "b6_duration": .string("under_1_month")]
        ),
        (
            "thiamine",
            Default.heavyDrinker.merging(["eating_less": .bool(true), "refeeding": .bool(false), "symptoms": .list(["burning"])]) { $1 },
            Default.heavyDrinker.merging(["eating_less": .bool(false), "symptoms": .list(["burning"])]) { $1 }
        ),
        (
            "magnesium",
            ["medicines": .list(["ppi", "thiazide"]), "ppi_long": .bool(true), "symptoms": .list(["cramps"]), "cramps_when": .string("any_time")],
            ["medicines": .list(["ppi", "thiazide"]), "ppi_long": .bool(false), "symptoms": .list(["cramps"]), "cramps_when": .string("any_time")]
        ),
        (
            "potassium",
            [
                "medicines": .list(["loop_diuretic"]), "vomiting": .string("prolonged"), "fluids_kept_down": .bool(true),
                "symptoms": .list(["weakness"]), "weakness_where": .list(["lower_legs"]),
            ],
            [
                "medicines": .list(["loop_diuretic"]), "vomiting": .string("brief"), "fluids_kept_down": .bool(true),
                "symptoms": .list(["weakness"]), "weakness_where": .list(["lower_legs"]),
            ]
        ),
        (
            "calcium",
            ["surgery": .list(["neck_surgery"]), "neck_surgery_recent": .bool(true), "symptoms": .list(["mouth_tingling"])],
            ["surgery": .list(["neck_surgery"]), "neck_surgery_recent": .bool(false), "symptoms": .list(["mouth_tingling"])]
        ),
        (
            "vitamin_d",
            ["sun": .string("little"), "skin_tone": .string("dark"), "body_symptoms": .list(["bone_pain"])],
            ["sun": .string("little"), "skin_tone": .string("light"), "body_symptoms": .list(["bone_pain"])]
        ),
        (
            "vitamin_e",
            ["conditions": .list(["liver_pancreas"]), "symptoms": .list(["balance", "numbness"]), "balance_dark": .bool(true)],
            ["conditions": .list(["crohns"]), "symptoms": .list(["balance", "numbness"]), "balance_dark": .bool(true)]
        ),
        (
            "iron",
            ["sex": .string("female"), "heavy_periods": .bool(true), "body_symptoms": .list(["cravings", "fatigue"])],
            ["sex": .string("female"), "heavy_periods": .bool(false), "body_symptoms": .list(["cravings", "fatigue"])]
        ),
        (
            "phosphate",
            [
                "eating_less": .bool(true), "refeeding": .bool(true), "symptoms": .list(["weakness"]), "weakness_where": .list(["all_over"]),
            ],
            [
                "eating_less": .bool(true), "refeeding": .bool(false), "symptoms": .list(["weakness"]), "weakness_where": .list(["all_over"]),
            ]
        ),
        (
            "copper",
            [
                "surgery": .list(["weight_loss_surgery"]), "bariatric_type": .string("bypass"), "symptoms": .list(["numbness", "balance"]),
                "sensory_where": .list(["feet"]), "sensory_side": .string("both"), "balance_dark": .bool(true),
            ],
            [
                "surgery": .list(["weight_loss_surgery"]), "bariatric_type": .string("band"), "symptoms": .list(["numbness", "balance"]),
                "sensory_where": .list(["feet"]), "sensory_side": .string("both"), "balance_dark": .bool(true),
            ]
        ),
    ]

    @Test func everyNutrientHasACase() {
        #expect(Set(Self.nutrientCases.map(\.nutrient)) == Set(q.nutrients.map(\.id)))
    }

    @Test(arguments: nutrientCases.map(\.nutrient))
    func nutrientReachesLikelyAndItsNearMissDoesNot(_ id: String) throws {
        let testCase = try #require(Self.nutrientCases.first { $0.nutrient == id })
        let likely = try #require(Default.assess(testCase.likely).nutrients.first { $0.id == id })
        let near = try #require(Default.assess(testCase.nearMiss).nutrients.first { $0.id == id })
        #expect(likely.band == .likely, "\(id): \(likely.score) with \(likely.supporting.map(\.reason))")
        #expect(near.band < .likely, "\(id): near miss scored \(near.score)")
        #expect(near.score < likely.score)
        #expect(!likely.supporting.isEmpty && likely.supporting.allSatisfy { !$0.evidence.isEmpty })
    }

    @Test func evidenceAgainstIsListedWithNegativePoints() throws {
        let result = try #require(
            Default.assess(["supplements": .list(["b12"]), "age": .number(70)]).nutrients.first { $0.id == "b12" })
        #expect(result.contrary.map(\.points) == [-3])
        #expect(result.contrary[0].evidence.first?.answer == "Vitamin B12")
    }

    @Test func aBComplexCountsAgainstLowB12() throws {
        let result = try #require(Default.assess(["supplements": .list(["b_complex"]), "age": .number(70)]).nutrients.first { $0.id == "b12" })
        #expect(result.contrary.map(\.points) == [-1])
    }

    @Test func eyelidTwitchingCountsOnceForMagnesium() throws {
        let eyelids = Default.assess([
            "medicines": .list(["thiazide"]), "symptoms": .list(["twitching"]), "twitching_where": .list(["eyelids"]),
        ])
        let magnesium = try #require(eyelids.nutrients.first { $0.id == "magnesium" })
        #expect(magnesium.supporting.filter { $0.evidence.contains { $0.itemID == "twitching_where" } }.count == 1)
    }

    @Test func aReasonSaysOnlyWhatTheAnswersSay() throws {
        // Cramps only at night: no reason claims they come "often at night" or in the calves.
        let assessment = Default.assess([
            "medicines": .list(["thiazide"]), "symptoms": .list(["cramps"]), "cramps_where": .list(["hands"]), "cramps_when": .string("night"),
        ])
        let reasons = assessment.nutrients.flatMap { $0.supporting.map(\.reason) }
        #expect(!reasons.contains { $0.contains("often at night") || $0.contains("Calf") })
        // Weak hips alone never say "legs first" for potassium.
        let hips = Default.assess(["medicines": .list(["loop_diuretic"]), "symptoms": .list(["weakness"]), "weakness_where": .list(["hips_thighs"])])
        let potassium = try #require(hips.nutrients.first { $0.id == "potassium" })
        #expect(!potassium.supporting.contains { $0.evidence.contains { $0.itemID == "weakness_where" } })
    }

    @Test func anEpisodeThatHasGoneIsNotNerveEvidence() throws {
        func b12(_ course: String) -> [String] {
            let assessment = Default.assess(
                TriggerTests.symptom([
                    "age": .number(70), "symptoms": .list(["tingling"]), "sensory_where": .list(["feet"]), "sensory_side": .string("both"),
                    "main_course": .string(course),
                ]))
            return assessment.nutrients.first { $0.id == "b12" }?.supporting.map(\.reason) ?? []
        }
        #expect(b12("same").contains { $0.contains("Tingling or numbness in both feet") })
        #expect(!b12("gone").contains { $0.contains("Tingling or numbness in both feet") })
    }

    @Test func theBaselineFlagsNothing() {
        let assessment = Default.assess([:])
        #expect(assessment.flaggedNutrients.isEmpty, "\(assessment.flaggedNutrients.map { "\($0.id) \($0.score)" })")
        #expect(assessment.triage.level == nil)
        #expect(assessment.nutrients.count == 13)
        #expect(assessment.tests.isEmpty && assessment.otherCauses.isEmpty)
    }
}
