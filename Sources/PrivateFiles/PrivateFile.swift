import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files that hold health data: readable by their owner only (0600), atomically
/// (a temp file in the same folder, fsync, rename), so a crash never leaves half a file.
public enum PrivateFile {
    /// Why a write failed, in words that say what to do.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        /// True when the target exists and overwriting was not allowed.
        public var exists: Bool
        public init(path: String, reason: String, exists: Bool) {
            self.path = path
            self.reason = reason
            self.exists = exists
        }

        public var description: String {
            exists
                ? "\(path) already exists; choose another name or pass --force to replace it"
                : "cannot write \(path): \(reason)"
        }
    }

    /// Writes `data` to `path` atomically with mode 0600.
    /// - Parameters:
    ///   - overwrite: when false, an existing file is left alone and `WriteError.exists` is set.
    ///   - durable: when false, the data is not forced to disk before the rename (for caches,
    ///     whose reader refuses a file torn by a crash); readers still never see a partial file.
    public static func write(_ data: Data, to path: String, overwrite: Bool = true, durable: Bool = true) throws(WriteError) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // Never replace a device, pipe or folder: write into a device or pipe, refuse a folder.
            guard info.st_mode & S_IFMT != S_IFDIR else { throw WriteError(path: path, reason: "it is a folder; give a file name", exists: false) }
            return try writeInPlace(data, to: path)
        }
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if !overwrite, access(path, F_OK) == 0 { throw WriteError(path: path, reason: "it exists", exists: true) }
        var template = Array("\(directory)/.\((path as NSString).lastPathComponent).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno, hint: directory) }
        let temporary = String(cString: template)
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
                throw code == EEXIST ? WriteError(path: path, reason: "it exists", exists: true) : failure(path, code, hint: directory)
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

    /// Writes to an existing device or pipe (such as /dev/stdout), reporting any write error.
    private static func writeInPlace(_ data: Data, to path: String) throws(WriteError) {
        let fd = open(path, O_WRONLY)
        guard fd >= 0 else { throw failure(path, errno, hint: (path as NSString).deletingLastPathComponent) }
        defer { close(fd) }
        try writeAll(data, to: fd, path: path)
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
        if !written { throw failure(path, code, hint: (path as NSString).deletingLastPathComponent) }
    }

    /// True when `path` exists and is a folder (or a link to one).
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates `path` and its parents with mode 0700 (owner only).
    public static func makeDirectory(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(path: path, reason: "cannot create the folder (\((error as NSError).localizedDescription))", exists: false)
        }
    }

    private static func failure(_ path: String, _ code: Int32, hint directory: String) -> WriteError {
        var reason = String(cString: strerror(code))
        switch code {
        case ENOENT:
            reason +=
                isFolder(directory)
                ? "; the folder \(directory) does not accept new files, choose another folder" : "; the folder \(directory) does not exist"
        case EACCES, EPERM, EROFS: reason += "; choose a folder you can write to"
        case ENOSPC: reason += "; free some disk space"
        default: break
        }
        return WriteError(path: path, reason: reason, exists: false)
    }
}
