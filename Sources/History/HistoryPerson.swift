import Screening

/// A person in the history: a name, and a date of birth when one was given.
public struct HistoryPerson: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var birthDate: CalendarDate?

    init(_ record: PersonRecord) {
        id = record.id ?? 0
        name = record.name
        birthDate = record.birthDate.flatMap(CalendarDate.init(iso:))
    }
}
