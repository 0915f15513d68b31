import Foundation
import Localization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files that hold health data: readable by their owner only (0600), atomically
/// (a temp file in the same folder, fsync, rename), so a crash never leaves half a file.
public enum PrivateFile {
    /// Why a write failed, in words that say what to do (in any language NutriScreen speaks).
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public enum Problem: Sendable, Equatable {
            /// The target exists and overwriting was not allowed.
            case exists
            /// The target is a folder.
            case isFolder
            /// The target is a pipe or a device.
            case notRegular
            /// The target (a private file or folder) is a symbolic link, which is never followed.
            case isLink
            /// The system refused (an `errno`) while writing into `folder`.
            case refused(code: Int32, folder: String)
            /// The folder could not be made: an `errno`, or EEXIST when a file is in the way.
            case cannotMakeFolder(code: Int32)
            /// Something else, already in words.
            case other(String)
        }

        public var path: String
        public var problem: Problem

        public init(path: String, problem: Problem) {
            self.path = path
            self.problem = problem
        }

        /// True when the target exists and overwriting was not allowed.
        public var exists: Bool { problem == .exists }

        /// Why, in a clause: "it is a folder; give a file name".
        public func reason(_ messages: Messages) -> String {
            let words = messages.files
            switch problem {
            case .exists: return words.itExists
            case .isFolder: return words.isFolder
            case .notRegular: return words.notRegular
            case .isLink: return words.isLink
            case .refused(let code, let folder):
                let cause = Self.describe(code, messages)
                switch code {
                case ENOENT:
                    return cause + "; " + (PrivateFile.isFolder(folder) ? words.folderRefuses(folder: folder) : words.folderMissing(folder: folder))
                case EACCES, EPERM, EROFS: return cause + "; " + words.chooseWritableFolder
                case ENOSPC: return cause + "; " + words.freeSpace
                default: return cause
                }
            case .cannotMakeFolder(let code):
                return words.cannotMakeFolder(reason: code == EEXIST ? words.existsNotFolder : Self.describe(code, messages))
            case .other(let text): return text
            }
        }

        /// The whole message: "cannot write report.pdf: it is a folder; give a file name".
        public func message(_ messages: Messages) -> String {
            exists ? messages.files.exists(path: path) : messages.files.cannotWrite(path: path, reason: reason(messages))
        }

        public var description: String { message(.english) }

        /// A system error in words: the common ones from the messages, others as the C library says them.
        public static func describe(_ code: Int32, _ messages: Messages) -> String {
            let words = messages.files
            switch code {
            case ENOENT: return words.noSuchFile
            case EACCES: return words.permissionDenied
            case EPERM: return words.notPermitted
            case EROFS: return words.readOnly
            case ENOSPC: return words.noSpace
            case EDQUOT: return words.quotaExceeded
            default: return String(cString: strerror(code))
            }
        }
    }

    /// Writes `data` to `path` atomically with mode 0600.
    /// - Parameters:
    ///   - overwrite: when false, an existing file is left alone and `WriteError.exists` is set.
    ///   - durable: when false, the data is not forced to disk before the rename (for caches,
    ///     whose reader refuses a file torn by a crash); readers still never see a partial file.
    public static func write(_ data: Data, to path: String, overwrite: Bool = true, durable: Bool = true) throws(WriteError) {
        // Never write into a device or a pipe (opening a pipe blocks until someone reads it), and
        // never replace one or a folder.
        if let problem = problem(writing: path) { throw WriteError(path: path, problem: problem) }
        let directory = PathName.folder(of: path)
        if !overwrite, access(path, F_OK) == 0 { throw WriteError(path: path, problem: .exists) }
        var template = Array("\(directory)/.\(PathName.name(of: path)).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno, hint: directory) }
        let temporary = text(of: template)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        fchmod(fd, 0o600)
        do {
            try writeAll(data, to: fd, path: path)
        } catch {
            close(fd)
            throw error
        }
        guard !durable || fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw failure(path, code, hint: directory)
        }
        guard close(fd) == 0 else { throw failure(path, errno, hint: directory) }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw failure(path, errno, hint: directory) }
        } else {
            // link() refuses to replace an existing file, so a race cannot clobber one.
            guard link(temporary, path) == 0 else {
                let code = errno
                throw code == EEXIST ? WriteError(path: path, problem: .exists) : failure(path, code, hint: directory)
            }
            unlink(temporary)
        }
        succeeded = true
        guard durable else { return }
        let dirFD = open(directory, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Why `path` cannot be written as a private file, without opening it: it is a folder, a
    /// pipe, a device or a symbolic link (even a dangling one: a write is never sent where a link
    /// points); nil when it is a regular file or does not exist.
    public static func problem(writing path: String) -> WriteError.Problem? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .isFolder
        case S_IFLNK: return isFolder(path) ? .isFolder : .isLink
        default: return .notRegular
        }
    }

    /// Writes all of `data` to an open descriptor (standard output), reporting any write error;
    /// `name` says what it is in messages.
    public static func write(_ data: Data, toDescriptor fd: Int32, name: String) throws(WriteError) {
        try writeAll(data, to: fd, path: name)
    }

    /// Checks that a file can be created in `directory` (made, 0700, if missing), by creating and
    /// removing one: permissions alone do not tell (a read-only disk, a full one, root squash).
    public static func checkWritable(_ directory: String) throws(WriteError) {
        try makePrivateFolder(directory)
        var template = Array("\(directory)/.write-check.XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(directory, errno, hint: directory) }
        close(fd)
        unlink(text(of: template))
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(WriteError) {
        var code: Int32 = 0
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return false
                }
                offset += n
            }
            return true
        }
        if !written { throw failure(path, code, hint: PathName.folder(of: path)) }
    }

    /// True when `path` exists and is a folder (or a link to one).
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The program's own folder for private files (its data, state or cache folder): made with
    /// its parents if missing (0700), never a symbolic link, and made 0700 when it was left open
    /// to others (0777, say), so what it holds is this user's alone.
    public static func makePrivateFolder(_ path: String) throws(WriteError) {
        try makeDirectory(path)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw WriteError(path: path, problem: code == ELOOP || code == ENOTDIR ? .isLink : .cannotMakeFolder(code: code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WriteError(path: path, problem: .cannotMakeFolder(code: errno)) }
        if info.st_mode & 0o077 != 0, fchmod(fd, 0o700) != 0 { throw WriteError(path: path, problem: .cannotMakeFolder(code: errno)) }
    }

    /// Creates `path` and its parents with mode 0700 (owner only).
    public static func makeDirectory(_ path: String) throws(WriteError) {
        guard !isFolder(path) else { return }
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { throw WriteError(path: path, problem: .isLink) }
        let parent = PathName.parent(of: path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        guard mkdir(path, 0o700) == 0 || (errno == EEXIST && isFolder(path)) else {
            throw WriteError(path: path, problem: .cannotMakeFolder(code: errno))
        }
    }

    /// A C string buffer (such as an `mkstemp` template) as text.
    private static func text(of buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func failure(_ path: String, _ code: Int32, hint directory: String) -> WriteError {
        WriteError(path: path, problem: .refused(code: code, folder: directory))
    }
}
