import Foundation
import PrivateFiles
import Screening

/// Checked questionnaires kept as `QuestionnaireArchive`s in `$XDG_CACHE_HOME/nutriscreen/`
/// (default `~/.cache/nutriscreen/`), so a questionnaire file is read and checked once per content
/// and per build of this program rather than on every start. One archive per questionnaire path,
/// replaced when either changes; files are 0600. The cache only ever saves time: when it is
/// missing, stale, damaged or cannot be written, the file is simply loaded as usual.
struct QuestionnaireCache {
    let directory: String
    /// Identifies this build of the program: an archive from another build is not trusted.
    let build: String
    /// Largest archive read: far above any real one (the default questionnaire's is about 100 KB).
    static let maximumBytes = 16 << 20

    /// The cache for this user and build, or nil when the running executable cannot be found.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> QuestionnaireCache? {
        guard let build = currentBuild() else { return nil }
        return QuestionnaireCache(directory: UserFolders.cache(environment: environment) + "/nutriscreen", build: build)
    }

    /// The executable's version, size and modification time: any rebuild changes it.
    static func currentBuild() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(NutriScreen.version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Where the archive for the questionnaire at `path` lives.
    func archivePath(for path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return directory + "/questionnaire-" + SHA256.hex(of: Array(absolute.utf8)).prefix(32) + ".archive"
    }

    /// The questionnaire at `path` if an archive of exactly this content and build is kept.
    func questionnaire(at path: String, contentHash: String) -> Questionnaire? {
        // Only a regular file, never through a link, never blocking: anything else at this path
        // (a pipe, a device) is ignored and replaced by the next `keep`.
        guard let bytes = try? InputFile.read(archivePath(for: path), limit: Self.maximumBytes, followLinks: false) else { return nil }
        return QuestionnaireArchive.decode(Array(bytes), build: build, contentHash: contentHash, path: path)
    }

    /// Keeps `questionnaire` for the next run; failures are ignored.
    func keep(_ questionnaire: Questionnaire) {
        do {
            try PrivateFile.makeDirectory(directory)
            let archive = Data(QuestionnaireArchive.encode(questionnaire, build: build))
            let path = archivePath(for: questionnaire.path)
            // Anything but a regular file where the archive goes (a pipe, a device, a link) is not
            // ours to write into: it is removed, and the archive written in its place.
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { unlink(path) }
            try PrivateFile.write(archive, to: path, durable: false)
        } catch {
            // A cache that cannot be written costs time on the next run, nothing else.
        }
    }
}
