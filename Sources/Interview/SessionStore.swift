import Foundation
import PrivateFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Saved sessions in `$XDG_STATE_HOME/nutriscreen/` (default `~/.local/state/nutriscreen/`),
/// one JSON file each, written atomically with mode 0600.
public struct SessionStore: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The store for this user, following the XDG base-directory convention.
    public static func standard(environment: [String: String]) -> SessionStore {
        SessionStore(directory: UserFolders.state(environment: environment) + "/nutriscreen")
    }

    public func path(of record: SessionRecord) -> String { path(ofID: record.id) }

    private func path(ofID id: String) -> String { "\(directory)/session-\(id).json" }

    /// The hidden lock file of a session (see `SessionLock`).
    func lockPath(ofID id: String) -> String { "\(directory)/.session-\(id).lock" }

    /// Checks, before the first question, that answers can be saved here (the folder is made if
    /// missing).
    public func checkWritable() throws(PrivateFile.WriteError) {
        try PrivateFile.checkWritable(directory)
    }

    /// Holds `record`'s session for this process, or says another process has it.
    public func lock(_ record: SessionRecord) throws(SessionLock.Failure) -> SessionLock {
        try SessionLock(path: lockPath(ofID: record.id))
    }

    /// Whether a running nutriscreen process holds session `id` now (an interview is under way):
    /// taking its lock, let go at once, proves it does not.
    public func isHeld(id: String) -> Bool {
        do {
            _ = try SessionLock(path: lockPath(ofID: id))
            return false
        } catch {
            return error == .busy
        }
    }

    /// Why a session was not discarded.
    public enum DiscardFailure: Error, Equatable {
        /// Another process holds it: an interview on it is running.
        case busy
        /// Its file could not be deleted, or its lock taken.
        case failed(reason: String)
    }

    /// Deletes session `id`: its file, the temporary files of saves killed midway and its lock,
    /// once this process holds it. A session another process holds is left alone (`.busy`).
    public func discard(id: String) throws(DiscardFailure) {
        let lock: SessionLock
        do { lock = try SessionLock(path: lockPath(ofID: id)) } catch {
            switch error {
            case .busy: throw .busy
            case .cannotOpen(let reason): throw .failed(reason: reason)
            }
        }
        guard unlink(path(ofID: id)) == 0 || errno == ENOENT else {
            let reason = String(cString: strerror(errno))
            lock.releaseAndRemove()
            throw .failed(reason: reason)
        }
        let saves = ".session-\(id).json."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(saves) {
            unlink("\(directory)/\(name)")
        }
        lock.releaseAndRemove()
    }

    /// The saved record with this id, as it is on disk now.
    public func record(id: String) -> SessionRecord? {
        guard let data = FileManager.default.contents(atPath: path(ofID: id)) else { return nil }
        return try? Self.decoder.decode(SessionRecord.self, from: data)
    }

    /// Removes what interrupted runs left in the folder: temporary files of saves killed midway
    /// (`.session-ID.json.XXXXXX`) and lock files of sessions that never saved an answer
    /// (`.session-ID.lock` without `session-ID.json`, untouched for a minute). Only for sessions no
    /// running process holds: a held session's save may be under way. Returns how many went;
    /// `now` is the time it is.
    @discardableResult
    public func removeLeftovers(now: Date) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        let present = Set(names)
        var removed = 0
        var held: [String: Bool] = [:]
        /// Whether a live process holds session `id`: taking its lock (let go at once) proves not.
        func isHeld(_ id: String) -> Bool {
            if let known = held[id] { return known }
            let answer = (try? SessionLock(path: lockPath(ofID: id))) == nil
            held[id] = answer
            return answer
        }
        for name in names where name.hasPrefix(".session-") {
            let parts = name.dropFirst(".session-".count).split(separator: ".", omittingEmptySubsequences: false)
            let id = String(parts[0])
            let path = "\(directory)/\(name)"
            if parts.count == 3, parts[1] == "json", parts[2].count == 6 {
                if !isHeld(id), unlink(path) == 0 { removed += 1 }
            } else if parts.count == 2, parts[1] == "lock", !present.contains("session-\(id).json") {
                var info = stat()
                guard stat(path, &info) == 0, Int(now.timeIntervalSince1970) - Int(info.st_mtim.tv_sec) > 60, !isHeld(id) else { continue }
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Saves the record atomically.
    public func save(_ record: SessionRecord) throws(PrivateFile.WriteError) {
        try PrivateFile.makePrivateFolder(directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do { data = try encoder.encode(record) } catch {
            throw PrivateFile.WriteError(path: path(of: record), problem: .other("cannot encode the session: \(error)"))
        }
        try PrivateFile.write(data, to: path(of: record))
    }

    /// Every readable session, the latest saved first (saved in the same second: by id, so the
    /// order is the same every time); unreadable files are reported, never fatal.
    public func all() -> (sessions: [SessionRecord], unreadable: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return ([], []) }
        let decoder = Self.decoder
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
        return (sessions.sorted { $0.updated != $1.updated ? $0.updated > $1.updated : $0.id > $1.id }, unreadable)
    }

    /// The most recently updated session that is not finished (see `SessionRecord.isResumable`).
    public func latestUnfinished() -> SessionRecord? {
        all().sessions.first(where: \.isResumable)
    }
}
