import Foundation
import Localization
import PrivateFiles
import Screening

/// Checked questionnaires kept as `QuestionnaireArchive`s in `$XDG_CACHE_HOME/nutriscreen/`
/// (default `~/.cache/nutriscreen/`), so a questionnaire file is read and checked once per content
/// and per build of this program rather than on every start. One archive per questionnaire path
/// and language (a translated questionnaire is kept as translated, stamped with both files),
/// replaced when any of them changes; files are 0600. The cache only ever saves time: when it is
/// missing, stale, damaged or cannot be written, the file is simply loaded as usual.
///
/// An archive names the file's `Stamp`, so an unchanged file is not even read. A file changed
/// moments before its archive was kept is stamped as unsettled instead, and its archive is used
/// only after its SHA-256 is checked again.
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

    /// Where the archive for the questionnaire at `path`, in `language`, lives.
    func archivePath(for path: String, language: Language = .en) -> String {
        let absolute =
            (path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
            + (language == .en ? "" : "#" + language.rawValue)
        return directory + "/questionnaire-" + SHA256.hex(of: Array(absolute.utf8)).prefix(32) + ".archive"
    }

    /// One version of a file, known without reading it: device, inode, size, and modification and
    /// status-change times to the nanosecond. Any write, replacement or change of times changes
    /// the status-change time, which no program can set back.
    struct Stamp: Equatable {
        /// What an archive records.
        let text: String

        /// A file changed within the timestamps' granularity of the moment its stamp is taken
        /// could change again without changing the stamp, so a file changed in the last
        /// `settling` seconds gets this stamp, which never vouches for a file by itself.
        static let unsettled = Stamp(text: "unsettled")
        static let settling = 2

        private init(text: String) { self.text = text }

        /// The stamp of the file at `path` now; take it before reading the file, so a change
        /// made while it is read shows in the next stamp. Nil when the file cannot be examined.
        init?(of path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            guard max(info.st_mtim.tv_sec, info.st_ctim.tv_sec) <= Int(Clock.system.now.timeIntervalSince1970) - Self.settling else {
                self = .unsettled
                return
            }
            text =
                "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):"
                + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        }

        var isSettled: Bool { self != .unsettled }

        /// The stamp of two files read together (a questionnaire and its translation): settled
        /// only when both are.
        func combined(with other: Stamp) -> Stamp {
            isSettled && other.isSettled ? Stamp(text: text + " + " + other.text) : .unsettled
        }
    }

    /// The bytes of the archive kept for `path`: only a regular file, never through a link, never
    /// blocking; anything else there (a pipe, a device) is ignored and replaced by the next `keep`.
    private func archive(for path: String, language: Language = .en) -> Data? {
        try? InputFile.read(archivePath(for: path, language: language), limit: Self.maximumBytes, followLinks: false)
    }

    /// The build an archive names: this program's, and the questionnaire file's stamp.
    private func sealed(_ stamp: Stamp) -> String { build + " file " + stamp.text }

    /// The questionnaire at `path` from its archive, if the file is settled and unchanged since it
    /// was kept: found without reading the file.
    func questionnaire(at path: String, language: Language = .en, unchangedSince stamp: Stamp) -> Questionnaire? {
        guard stamp.isSettled, let bytes = archive(for: path, language: language),
            let questionnaire = QuestionnaireArchive.decode(Array(bytes), build: sealed(stamp), contentHash: nil, path: path)
        else { return nil }
        return questionnaire.language == language ? questionnaire : nil
    }

    /// The questionnaire at `path` from an archive kept while the file was unsettled, if its
    /// SHA-256 is still `contentHash`; kept again with `stamp` once the file has settled.
    func questionnaire(at path: String, contentHash: String, stamp: Stamp) -> Questionnaire? {
        guard let bytes = archive(for: path),
            let questionnaire = QuestionnaireArchive.decode(
                Array(bytes), build: sealed(.unsettled), contentHash: contentHash, path: path)
        else { return nil }
        if stamp.isSettled { keep(questionnaire, stamp: stamp) }
        return questionnaire
    }

    /// Keeps `questionnaire`, read from a file whose stamp before reading was `stamp`, for the
    /// next run; failures are ignored.
    func keep(_ questionnaire: Questionnaire, stamp: Stamp) {
        do {
            try PrivateFile.makePrivateFolder(directory)
            let archive = Data(QuestionnaireArchive.encode(questionnaire, build: sealed(stamp)))
            let path = archivePath(for: questionnaire.path, language: questionnaire.language)
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
