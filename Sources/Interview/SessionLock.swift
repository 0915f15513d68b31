import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive hold on one session while an interview runs, so a second process on the same
/// session (two `resume` at once) is turned away instead of overwriting the first one's answers.
/// A `flock` on a hidden lock file beside the session; the system releases it when the process
/// ends, however it ends.
public final class SessionLock {
    private let fd: Int32
    public let path: String

    /// Why a session could not be held.
    public enum Failure: Error, Equatable {
        /// Another process holds it.
        case busy
        /// The lock file could not be opened.
        case cannotOpen(reason: String)
    }

    /// Takes the lock at `path` without waiting.
    public init(path: String) throws(Failure) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .cannotOpen(reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            throw code == EWOULDBLOCK ? .busy : .cannotOpen(reason: String(cString: strerror(code)))
        }
        self.fd = fd
        self.path = path
    }

    /// Lets go of the session, removing the lock file (the session is finished).
    public func releaseAndRemove() {
        unlink(path)
        flock(fd, LOCK_UN)
    }

    deinit { close(fd) }
}
