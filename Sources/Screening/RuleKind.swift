/// What a nutrient rule rests on. Which kinds count only beside others is the questionnaire's
/// to say (`Scoring`, its `scoring:` block).
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A risk factor: diet, age, a medicine, a condition, an operation (or its absence, with negative points).
    case risk
    /// A sign that points at this nutrient in particular (pica for iron, tingling around the mouth for calcium).
    case sign
    /// A symptom that many causes share (tiredness, cramps, weakness).
    case symptom
}
