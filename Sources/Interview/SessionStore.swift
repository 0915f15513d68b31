import Foundation
import PrivateFiles

/// Saved sessions in `$XDG_STATE_HOME/nutriscreen/` (default `~/.local/state/nutriscreen/`),
/// one JSON file each, written atomically with mode 0600.
public struct SessionStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The store for this user, following the XDG base-directory convention.
    public static func standard(environment: [String: String]) -> SessionStore {
        SessionStore(directory: UserFolders.state(environment: environment) + "/nutriscreen")
    }

    public func path(of record: SessionRecord) -> String { "\(directory)/session-\(record.id).json" }

    /// Saves the record atomically.
    public func save(_ record: SessionRecord) throws(PrivateFile.WriteError) {
        try PrivateFile.makeDirectory(directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(record) } catch {
            throw PrivateFile.WriteError(path: path(of: record), reason: "cannot encode the session: \(error)", exists: false)
        }
        try PrivateFile.write(data, to: path(of: record))
    }

    /// Every readable session, newest first; unreadable files are reported, never fatal.
    public func all() -> (sessions: [SessionRecord], unreadable: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return ([], []) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var sessions: [SessionRecord] = []
        var unreadable: [String] = []
        for name in names where name.hasPrefix("session-") && name.hasSuffix(".json") {
            let path = "\(directory)/\(name)"
            if let data = FileManager.default.contents(atPath: path), let record = try? decoder.decode(SessionRecord.self, from: data) {
                sessions.append(record)
            } else {
                unreadable.append(path)
            }
        }
        return (sessions.sorted { $0.updated > $1.updated }, unreadable)
    }

    /// The most recently updated session that is not finished.
    public func latestUnfinished() -> SessionRecord? {
        all().sessions.first { $0.status == .inProgress }
    }
}
