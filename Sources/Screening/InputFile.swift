import Foundation
import Localization

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file given as input (a questionnaire, answers, a kept archive): only a regular file,
/// opened without blocking, so a pipe or a device is refused at once rather than waited on or
/// read forever; and its size is checked before a byte is read.
public enum InputFile {
    /// Why the file was not read.
    public enum Failure: Error, Equatable {
        /// Missing, not a regular file, or not readable: `reason` says which.
        case unreadable(reason: Reason)
        /// Larger than the limit.
        case tooLarge(size: Int, limit: Int)
    }

    /// Why a file could not be read, to be said in the person's language.
    public enum Reason: Hashable, Sendable {
        case missing, folder, device, link
        /// Another system error (`errno`).
        case system(Int32)

        /// "no such file", "it is a folder, not a file"…
        public func text(_ messages: Messages) -> String {
            let words = messages.files
            switch self {
            case .missing: return words.readMissing
            case .folder: return words.readFolder
            case .device: return words.readDevice
            case .link: return words.readLink
            case .system(let code): return String(cString: strerror(code)).lowercased()
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    /// - Parameter followLinks: when false, a symbolic link is refused too.
    public static func read(_ path: String, limit: Int, followLinks: Bool = true) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            throw .unreadable(reason: code == ENOENT ? .missing : code == ELOOP && !followLinks ? .link : .system(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(reason: .system(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(reason: .folder)
        default: throw .unreadable(reason: .device)
        }
        guard Int(info.st_size) <= limit else { throw .tooLarge(size: Int(info.st_size), limit: limit) }
        var data = Data(count: Int(info.st_size) + 1)
        var filled = 0
        while filled < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .unreadable(reason: .system(errno)) }
            if n == 0 { break }
            filled += n
            // The file grew while it was read: take no more than the limit.
            if filled == data.count, filled <= limit { data.count = min(limit + 1, data.count * 2) }
        }
        guard filled <= limit else { throw .tooLarge(size: filled, limit: limit) }
        data.count = filled
        return data
    }
}
