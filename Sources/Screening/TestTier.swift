/// When a doctor orders a test: today, with the first bloods (a blood count, ferritin, B12,
/// folate, kidney function and salts, HbA1c, TSH…), or only if the first results are abnormal
/// (antibodies, MMA, PTH, a stool test…). A test in the catalogue says which, as data.
public enum TestTier: String, Sendable, Hashable, Codable, CaseIterable {
    case first
    case ifAbnormal = "if_abnormal"
}
