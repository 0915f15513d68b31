/// What a nutrient rule rests on. Non-specific symptoms (tiredness, cramps, weakness) point at
/// many nutrients at once, so their points count only when a risk or a specific sign for the
/// same nutrient holds too: no nutrient reaches Possible on non-specific symptoms alone.
public enum RuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A risk factor: diet, age, a medicine, a condition, an operation (or its absence, with negative points).
    case risk
    /// A sign that points at this nutrient in particular (pica for iron, tingling around the mouth for calcium).
    case sign
    /// A symptom that many causes share; counts only beside a risk or a sign.
    case symptom
}
