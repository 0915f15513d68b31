import Testing

@testable import Screening

@Suite struct TriggerTests {
    /// For each trigger: answers that fire it, and a close but harmless pattern that must not.
    static let cases: [(trigger: String, fires: [String: PlainValue], silent: [String: PlainValue])] = [
        (
            "stroke_signs", ["rf_sudden_one_sided": .bool(true)],
            ["symptoms": .list(["weakness"]), "weakness_side": .string("both"), "weakness_onset": .string("gradual")]
        ),
        ("spreading_weakness", ["rf_spreading_weakness": .bool(true)], ["symptoms": .list(["weakness"]), "weakness_course": .string("same")]),
        ("rapid_paralysis", ["rf_cannot_stand": .bool(true)], ["symptoms": .list(["weakness", "fatigue"])]),
        ("cauda_equina", ["rf_back_saddle": .bool(true)], ["symptoms": .list(["numbness"]), "numbness_where": .list(["feet"])]),
        ("cord_compression", ["rf_cancer_back": .bool(true)], ["symptoms": .list(["bone_pain"])]),
        ("heart_rhythm", ["rf_heart": .bool(true)], ["symptoms": .list(["palpitations", "cramps"])]),
        ("tetany_seizure", ["rf_spasm_seizure": .bool(true)], ["symptoms": .list(["spasms"]), "spasms_course": .string("same")]),
        ("wernicke", ["rf_confusion": .bool(true)], ["symptoms": .list(["memory_mood"]), "self_harm": .bool(false)]),
        ("rhabdomyolysis", ["rf_dark_urine": .bool(true)], ["hard_exercise": .bool(true), "symptoms": .list(["cramps"])]),
        ("bleeding_anaemia", ["rf_bleeding": .bool(true)], ["symptoms": .list(["fatigue"]), "breathless_exertion": .bool(true)]),
        (
            "self_harm", ["symptoms": .list(["memory_mood"]), "self_harm": .bool(true)],
            ["symptoms": .list(["memory_mood"]), "self_harm": .bool(false)]
        ),
        (
            "no_fluids", ["vomiting_diarrhoea": .string("prolonged"), "keeps_fluids_down": .bool(false)],
            ["vomiting_diarrhoea": .string("brief"), "keeps_fluids_down": .bool(true)]
        ),
        (
            "b12_myelopathy",
            ["nitrous_oxide": .bool(true), "symptoms": .list(["numbness", "balance"]), "numbness_course": .string("worse")],
            ["nitrous_oxide": .bool(true), "symptoms": .list(["numbness", "balance"]), "numbness_course": .string("same")]
        ),
        (
            "motor_neurone_pattern",
            [
                "symptoms": .list(["weakness", "twitching"]), "weakness_wasting": .bool(true), "twitching_where": .list(["legs"]),
                "speech_swallow": .bool(false),
            ],
            ["symptoms": .list(["twitching"]), "twitching_where": .list(["legs"]), "speech_swallow": .bool(false)]
        ),
        (
            "one_sided_progressive",
            [
                "symptoms": .list(["weakness"]), "weakness_side": .string("one"), "weakness_onset": .string("gradual"),
                "weakness_course": .string("worse"), "weakness_since": .string("weeks_1_to_4"),
            ],
            [
                "symptoms": .list(["weakness"]), "weakness_side": .string("one"), "weakness_onset": .string("gradual"),
                "weakness_course": .string("same"), "weakness_since": .string("weeks_1_to_4"),
            ]
        ),
        (
            "focal_seizures", ["symptoms": .list(["tingling"]), "brief_attacks": .bool(true)],
            ["symptoms": .list(["tingling"]), "brief_attacks": .bool(false)]
        ),
        (
            "weight_loss_vomiting", ["symptoms": .list(["numbness"]), "weight_loss": .bool(true)],
            ["symptoms": .list(["fatigue"]), "weight_loss": .bool(true)]
        ),
        (
            "iron_investigation",
            ["sex": .string("male"), "symptoms": .list(["cravings", "fatigue"]), "breathless_exertion": .bool(true)],
            [
                "sex": .string("female"), "menopause": .bool(false), "heavy_periods": .bool(true), "symptoms": .list(["cravings", "fatigue"]),
                "breathless_exertion": .bool(true),
            ]
        ),
        (
            "pregnancy_or_bariatric_vomiting",
            [
                "sex": .string("female"), "age": .number(30), "pregnant": .string("pregnant"), "vomiting_diarrhoea": .string("prolonged"),
                "keeps_fluids_down": .bool(true),
            ],
            [
                "sex": .string("female"), "age": .number(30), "pregnant": .string("pregnant"), "vomiting_diarrhoea": .string("brief"),
                "keeps_fluids_down": .bool(true),
            ]
        ),
        (
            "b6_toxicity",
            [
                "supplements": .list(["b_complex"]), "b6_dose": .string("fifty_plus"), "b6_duration": .string("over_6_months"),
                "symptoms": .list(["numbness"]),
            ],
            [
                "supplements": .list(["b_complex"]), "b6_dose": .string("under_10"), "b6_duration": .string("over_6_months"),
                "symptoms": .list(["numbness"]),
            ]
        ),
        (
            "folic_acid_masking",
            ["supplements": .list(["folic_acid"]), "folic_acid_dose": .string("one_mg_plus"), "symptoms": .list(["tingling"])],
            ["supplements": .list(["folic_acid"]), "folic_acid_dose": .string("under_1mg"), "symptoms": .list(["tingling"])]
        ),
        (
            "persistent_symptoms",
            ["symptoms": .list(["tingling"]), "tingling_since": .string("over_6_months"), "tingling_course": .string("same")],
            [
                "symptoms": .list(["twitching", "cramps"]), "twitching_where": .list(["eyelids"]), "twitching_since": .string("over_6_months"),
                "twitching_course": .string("worse"),
                "cramps_night": .bool(true), "cramps_since": .string("over_6_months"), "cramps_course": .string("same"),
                "speech_swallow": .bool(false),
            ]
        ),
    ]

    @Test func everyTriggerHasACase() {
        #expect(Set(Self.cases.map(\.trigger)) == Set(Default.questionnaire.triggers.map(\.id)))
    }

    @Test(arguments: cases.map(\.trigger))
    func triggerFiresOnItsPatternAndStaysSilentOnAHarmlessOne(_ id: String) throws {
        let testCase = try #require(Self.cases.first { $0.trigger == id })
        let fired = Default.assess(testCase.fires)
        let trigger = try #require(fired.triggers.first { $0.id == id }, "\(id) did not fire")
        #expect(!trigger.evidence.isEmpty)
        #expect(fired.triage.level == fired.triggers.map(\.urgency).max())
        let silent = Default.assess(testCase.silent)
        #expect(!silent.triggers.contains { $0.id == id }, "\(id) fired on the harmless pattern")
    }

    @Test func anIsolatedEyelidTwitchAndNightCrampsAloneRaiseNoFlagAtAll() {
        let assessment = Default.assess(Self.cases.last!.silent)
        #expect(assessment.triggers.isEmpty, "\(assessment.triggers.map(\.id))")
        #expect(assessment.flaggedTargets.isEmpty, "\(assessment.flaggedTargets.map(\.id))")
    }

    @Test func theMostUrgentTriggerWinsTheHeadlineAndAllAreListed() {
        let assessment = Default.assess([
            "rf_heart": .bool(true), "symptoms": .list(["tingling"]), "brief_attacks": .bool(true), "tingling_since": .string("over_6_months"),
        ])
        #expect(assessment.triage.level == .emergency)
        #expect(assessment.triggers.map(\.urgency) == [.emergency, .urgent, .routine])
        #expect(assessment.triage.headline.hasPrefix("EMERGENCY"))
    }
}

@Suite struct InstrumentTests {
    private func instrument(_ id: String, _ changes: [String: PlainValue]) -> Assessment.InstrumentResult? {
        Default.assess(changes).instruments.first { $0.id == id }
    }

    private func mnsi(yes: Set<Int>) -> [String: PlainValue] {
        var answers: [String: PlainValue] = ["symptoms": .list(["numbness"])]
        for n in 1...15 { answers["mnsi_\(n)"] = .bool(yes.contains(n)) }
        return answers
    }

    @Test func mnsiScoresReverseItemsAndIgnoresItems4And10() {
        // Every item yes: 11 scored yes-items; 7 and 13 (yes) score 0; 4 and 10 are not scored.
        #expect(instrument("mnsi", mnsi(yes: Set(1...15)))?.total == 11)
        #expect(instrument("mnsi", mnsi(yes: Set(1...15)))?.band == "Likely neuropathy")
        // Every item no: only the reverse-scored 7 and 13 count.
        #expect(instrument("mnsi", mnsi(yes: []))?.total == 2)
        #expect(instrument("mnsi", mnsi(yes: []))?.band == "Below cut-off")
        // Items 4 and 10 alone change nothing.
        #expect(instrument("mnsi", mnsi(yes: [4, 7, 10, 13]))?.total == 0)
        // 1, 2 plus 7 and 13 answered no: 4, the lower cut-off.
        let four = instrument("mnsi", mnsi(yes: [1, 2]))
        #expect(four?.total == 4)
        #expect(four?.band == "Possible neuropathy")
        #expect(four?.maximum == 13)
        #expect(instrument("mnsi", mnsi(yes: [1, 2, 3, 5, 7, 13, 6, 8]))?.total == 6)
        #expect(instrument("mnsi", mnsi(yes: [1, 2, 3, 5, 13, 6, 8]))?.total == 7)
    }

    @Test func mnsiIsNotReportedWhenNotAsked() {
        #expect(instrument("mnsi", [:]) == nil)
    }

    private func rls(_ urge: Bool, mimic: Bool, frequent: Bool) -> [String: PlainValue] {
        [
            "symptoms": .list(["restless_legs"]), "rls_urge": .bool(urge), "rls_rest": .bool(true), "rls_movement": .bool(true),
            "rls_evening": .bool(true),
            "rls_mimic": .bool(mimic), "rls_frequency": .string(frequent ? "twice_weekly_plus" : "less"), "rls_impact": .bool(true),
        ]
    }

    @Test func irlssgNeedsAllFiveCriteriaWithCriterionFiveAnsweredNo() {
        #expect(instrument("irlssg", rls(true, mimic: false, frequent: true))?.band == "Criteria met: chronic-persistent")
        #expect(instrument("irlssg", rls(true, mimic: false, frequent: false))?.band == "Criteria met: intermittent")
        let mimic = instrument("irlssg", rls(true, mimic: true, frequent: true))
        #expect(mimic?.total == 4)
        #expect(mimic?.band == "Criteria not met")
        #expect(mimic?.positive == false)
        #expect(instrument("irlssg", rls(false, mimic: false, frequent: true))?.total == 4)
        // Meeting the criteria feeds iron.
        let iron = Default.assess(rls(true, mimic: false, frequent: true)).targets.first { $0.id == "iron" }
        #expect(iron?.supporting.contains { $0.points == 3 && $0.reason.contains("IRLSSG") } == true)
    }

    private func audit(_ sex: String, _ q1: String, _ q2: String, _ q3: String) -> [String: PlainValue] {
        [
            "sex": .string(sex), "audit_q1": .string(q1), "audit_q2": .string(q2), "audit_q3": .string(q3), "menopause": .bool(false),
            "heavy_periods": .bool(false),
        ]
    }

    @Test func auditCUsesTheCutOffForEachSex() {
        // 2 + 1 + 0 = 3: positive for a woman, negative for a man.
        let three = audit("female", "two_to_four_monthly", "three_four", "never")
        #expect(instrument("audit_c", three)?.total == 3)
        #expect(instrument("audit_c", three)?.band == "Positive")
        #expect(instrument("audit_c", audit("male", "two_to_four_monthly", "three_four", "never"))?.band == "Negative")
        // 3 + 1 + 0 = 4: positive for a man.
        #expect(instrument("audit_c", audit("male", "two_to_three_weekly", "three_four", "never"))?.band == "Positive")
        // 4 + 4 + 4 = 12, the maximum, high.
        let top = instrument("audit_c", audit("male", "four_plus_weekly", "ten_plus", "daily"))
        #expect(top?.total == 12)
        #expect(top?.band == "High (positive)")
        // A non-drinker scores 0 with the follow-up questions not asked.
        #expect(instrument("audit_c", ["audit_q1": .string("never")])?.total == 0)
    }

    @Test func aPositiveAuditCFeedsThiamineFolateAndMagnesiumStrongly() {
        let drinking = Default.assess(Default.heavyDrinker)
        for id in ["thiamine", "folate", "magnesium"] {
            let target = drinking.targets.first { $0.id == id }
            #expect(target?.supporting.contains { $0.points == 3 && $0.source.contains("§2.3") } == true, "\(id)")
        }
        for id in ["b12", "b6_low", "potassium"] {
            let target = drinking.targets.first { $0.id == id }
            #expect(target?.supporting.contains { $0.points == 2 && $0.source.contains("§2.3") } == true, "\(id)")
        }
    }
}

@Suite struct EvidenceTests {
    @Test func evidenceCitesOnlyTheBranchesThatHeld() throws {
        // Iron signs after the menopause: the bowel-habit branch did not hold and is not cited.
        let assessment = Default.assess([
            "sex": .string("female"), "age": .number(60), "menopause": .bool(true), "symptoms": .list(["cravings", "fatigue"]),
            "breathless_exertion": .bool(true),
        ])
        let trigger = try #require(assessment.triggers.first { $0.id == "iron_investigation" })
        let cited = Set(trigger.evidence.map(\.itemID))
        #expect(cited.contains("menopause"))
        #expect(!cited.contains("bowel_change"))
        #expect(
            trigger.evidence.first { $0.itemID == "symptoms" }?.answer == "Tiredness or lack of energy; Craving ice, clay, starch or other non-foods")
    }
}
