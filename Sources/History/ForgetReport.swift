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
    /// True when no byte of the deleted rows is left in the history's files (their pages
    /// overwritten, the write-ahead log copied in and emptied); false when another process kept
    /// reading it meanwhile, so old pages stay until a later open finishes the erase.
    public var erased: Bool

    /// Where an erase that an earlier `forget` left unfinished stands after an open.
    public enum Erase: Sendable, Equatable {
        /// This open finished it: nothing of the people deleted is left in the files.
        case finished
        /// Still unfinished (another process is reading the history): tried again at the next open.
        case unfinished
    }
}
