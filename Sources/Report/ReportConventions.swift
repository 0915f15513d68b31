/// The item and section ids the report reads by convention, for display only; documented in
/// Questionnaires/FORMAT.md ("Report conventions"). A questionnaire without them still gives a
/// report: those parts are left out.
public struct ReportConventions: Sendable, Equatable {
    /// A `date` item: shown as "Born <date> (age N)" beside the name when answered.
    public var birthDate = "birth_date"
    /// Shown beside the name when there is no date of birth.
    public var age = "age"
    public var sex = "sex"
    /// The section whose answers say why the person came.
    public var symptomsSection = "symptoms"
    /// The section of medicines and supplements.
    public var medicinesSection = "medicines"
    /// The section of warning signs, asked of everyone; those answered "none" are shown as ruled out.
    public var warningSignsSection = "warning_signs"

    public init() {}

    /// The conventions of the default questionnaire.
    public static let standard = ReportConventions()
}
