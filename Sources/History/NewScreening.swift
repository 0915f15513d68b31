import Foundation
import Screening

/// A completed screening to record: whose, when, the answers and their assessment.
public struct NewScreening: Sendable {
    public var name: String
    public var birthDate: CalendarDate?
    public var completed: Date
    public var assessment: Assessment
    /// The answers as an answers file (`AnswersDocument.yaml`), so the screening can be reported again.
    public var answers: String
    public var source: ScreeningSource
    /// When it is recorded (the history reads no clock: the caller gives the time).
    public var recorded: Date

    public init(
        name: String, birthDate: CalendarDate?, completed: Date, assessment: Assessment, answers: String, source: ScreeningSource, recorded: Date
    ) {
        self.name = name
        self.birthDate = birthDate
        self.completed = completed
        self.assessment = assessment
        self.answers = answers
        self.source = source
        self.recorded = recorded
    }
}
