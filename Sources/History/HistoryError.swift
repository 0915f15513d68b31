import Foundation
import GRDB
import Localization
import PrivateFiles

/// Why the screening history could not be used, in words that say what to do. Every sentence
/// these errors say is in the message catalogue's `history` group.
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
    case cannotOpen(path: String, reason: Reason)
    /// Any other failure of SQLite.
    case failed(path: String, reason: Reason)

    /// One line, without the program's name, in the language of `messages`.
    public func message(_ messages: Messages) -> String {
        let words = messages.history
        return switch self {
        case .busy(let path): words.busy(path: path, seconds: Int(HistoryStore.wait))
        case .damaged(let path, let detail): words.damaged(path: path, detail: detail)
        case .newerVersion(let path): words.newerVersion(path: path)
        case .full(let path): words.full(path: path)
        case .cannotOpen(let path, let reason): words.cannotOpen(path: path, reason: reason.text(messages))
        case .failed(let path, let reason): words.failed(path: path, reason: reason.text(messages))
        }
    }

    /// Why the history could not be opened or used: SQLite's own words (English), or ours.
    public enum Reason: Sendable, Equatable {
        /// SQLite's message, as it gave it.
        case sqlite(String)
        /// SQLite could not open or write the file: its message, and what to check.
        case notWritable(String)
        /// The disk failed: SQLite's message.
        case disk(String)
        /// The folder could not be made.
        case folder(PrivateFile.WriteError.Problem, path: String)
        /// The system refused (an `errno`).
        case system(Int32)
        /// The folder could not be opened to lock it (an `errno`).
        case folderUnopenable(String, code: Int32)
        /// This file of the history is a symbolic link, which is never followed.
        case link(String)

        func text(_ messages: Messages) -> String {
            switch self {
            case .sqlite(let detail): detail
            case .notWritable(let detail): messages.history.checkWritable(detail: detail)
            case .disk(let detail): messages.history.diskError(detail: detail)
            case .folder(let problem, let path): PrivateFile.WriteError(path: path, problem: problem).reason(messages)
            case .system(let code): PrivateFile.WriteError.describe(code, messages)
            case .link(let file): messages.files.linkRefused(path: file)
            case .folderUnopenable(let folder, let code):
                messages.history.folderCannotOpen(folder: folder, reason: PrivateFile.WriteError.describe(code, messages))
            }
        }
    }

    /// The error SQLite (through GRDB) gave, said for `path`.
    init(_ error: any Error, path: String) {
        if let error = error as? HistoryError {
            self = error
            return
        }
        if let error = error as? Deflate.Damaged {
            self = .damaged(path: path, detail: error.detail)
            return
        }
        guard let error = error as? DatabaseError else {
            self = .failed(path: path, reason: .sqlite("\(error)"))
            return
        }
        let detail = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged(path: path, detail: detail)
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            self = .cannotOpen(path: path, reason: .notWritable(detail))
        case .SQLITE_IOERR: self = .failed(path: path, reason: .disk(detail))
        default: self = .failed(path: path, reason: .sqlite(detail))
        }
    }
}
