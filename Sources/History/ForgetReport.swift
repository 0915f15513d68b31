import Foundation

/// What `HistoryStore.forget` deleted.
public struct ForgetReport: Sendable, Equatable {
    /// One person deleted, with how many screenings and their span.
    public struct Forgotten: Sendable, Equatable {
        public var person: HistoryPerson
        public var screenings: Int
        public var first: Date?
        public var last: Date?
    }

    public var people: [Forgotten]
    /// True when the file was rewritten and its write-ahead log emptied, so no page of the deleted
    /// rows is left in either; false when another process kept reading it meanwhile.
    public var compacted: Bool
}
