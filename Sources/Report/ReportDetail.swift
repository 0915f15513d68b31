/// How much the report says: the short form a clinician reads in minutes, or the long form with
/// every nutrient, every piece of evidence and every answer in full.
public enum ReportDetail: String, Sendable, Equatable, CaseIterable {
    /// Page 1 carries the visit; then one compact section per flagged nutrient, a part for the
    /// person, an appendix of the answers the evidence does not show, notes and references.
    case short
    /// Everything the short form says, and every nutrient's chart row, each piece of evidence with
    /// its question, symptoms that did not count, and every answer.
    case full
}
