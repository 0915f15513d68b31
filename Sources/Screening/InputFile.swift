import Foundation

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
        case unreadable(reason: String)
        /// Larger than the limit.
        case tooLarge(size: Int, limit: Int)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    /// - Parameter followLinks: when false, a symbolic link is refused too.
    public static func read(_ path: String, limit: Int, followLinks: Bool = true) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            throw .unreadable(reason: code == ENOENT ? "no such file" : code == ELOOP && !followLinks ? "it is a link" : Self.describe(code))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(reason: describe(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(reason: "it is a folder, not a file")
        default: throw .unreadable(reason: "it is a pipe or a device, not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw .tooLarge(size: Int(info.st_size), limit: limit) }
        var data = Data(count: Int(info.st_size) + 1)
        var filled = 0
        while filled < data.count {
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw .unreadable(reason: describe(errno)) }
            if n == 0 { break }
            filled += n
            // The file grew while it was read: take no more than the limit.
            if filled == data.count, filled <= limit { data.count = min(limit + 1, data.count * 2) }
        }
        guard filled <= limit else { throw .tooLarge(size: filled, limit: limit) }
        data.count = filled
        return data
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}
