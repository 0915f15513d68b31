import Foundation
import GRDB

/// Why the screening history could not be used, in words that say what to do. Every sentence
/// these errors say is here.
public enum HistoryError: Error, Sendable, Equatable {
    /// Another process held the history for longer than `HistoryStore.wait`.
    case busy(path: String)
    /// The file is damaged, or is not a NutriScreen history.
    case damaged(path: String, detail: String)
    /// Written by a newer NutriScreen, whose schema this version does not know: it is read, never changed.
    case newerVersion(path: String)
    /// The disk is full (or a file-size limit was met): nothing of the write was kept.
    case full(path: String)
    /// The file or its folder cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Any other failure of SQLite.
    case failed(path: String, reason: String)

    /// One line, without the program's name.
    public var message: String {
        switch self {
        case .busy(let path):
            "the screening history \(path) is in use by another nutriscreen process (waited \(Int(HistoryStore.wait)) seconds); try again when it has finished"
        case .damaged(let path, let detail):
            "the screening history \(path) is damaged or is not a NutriScreen history (\(detail)); it was left as it is: move it aside and a new one is started next time"
        case .newerVersion(let path):
            "the screening history \(path) was written by a newer NutriScreen; this version reads it but will not change it: update nutriscreen to add to it or forget from it"
        case .full(let path):
            "the disk holding the screening history \(path) is full, so nothing was written (the history is as it was); free some space and try again"
        case .cannotOpen(let path, let reason):
            "cannot open the screening history \(path): \(reason)"
        case .failed(let path, let reason):
            "the screening history \(path) could not be used (\(reason)); nothing was changed"
        }
    }

    /// The error SQLite (through GRDB) gave, said for `path`.
    init(_ error: any Error, path: String) {
        if let error = error as? HistoryError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .failed(path: path, reason: "\(error)")
            return
        }
        let detail = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged(path: path, detail: detail)
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            self = .cannotOpen(path: path, reason: "\(detail); check that you can write to it and its folder")
        case .SQLITE_IOERR: self = .failed(path: path, reason: "the disk could not be written or read: \(detail)")
        default: self = .failed(path: path, reason: detail)
        }
    }
}
