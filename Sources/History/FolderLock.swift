import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory lock (flock) on the history's folder while a process creates or migrates the
/// history, so two processes starting at once never both build the tables. SQLite's own locks
/// cover every other write.
struct FolderLock {
    private let descriptor: Int32

    /// Waits up to `wait` seconds for the folder; `path` names the history in errors.
    init(folder: String, wait: TimeInterval, path: String) throws(HistoryError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            throw .cannotOpen(path: path, reason: .folderUnopenable(folder, code: errno))
        }
        // Tries every 10 ms, `wait` seconds' worth of tries: no clock is read.
        var tries = max(1, Int(wait * 100))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            tries -= 1
            guard errno == EWOULDBLOCK || errno == EINTR, tries > 0 else {
                close(fd)
                throw .busy(path: path)
            }
            usleep(10_000)
        }
        descriptor = fd
    }

    /// Lets the folder go (closing the descriptor drops the lock).
    func release() { close(descriptor) }
}
