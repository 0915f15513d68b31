import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A CUPS scheduler of the test's own: `cupsd -f` with its own configuration, spool and logs in a
/// temporary folder, reached through a socket there (no port, no system service), with one
/// cups-pdf virtual printer whose PDFs land in `printed`. A watcher stops the scheduler when the
/// test process ends, however it ends.
final class PrivateCUPS {
    static let cupsd = "/usr/sbin/cupsd"
    static let backend = "/usr/lib/cups/backend/cups-pdf"
    static let driver = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"

    /// Why no private CUPS can run here, or nil when it can. scripts/install-deps installs
    /// Debian's cups and printer-driver-cups-pdf; cups-pdf's backend (mode 0700) runs only under
    /// a scheduler started by root, and reads its settings only from /etc/cups.
    static var unavailable: String? {
        for path in [cupsd, backend, driver, "/usr/bin/lp", "/usr/sbin/lpadmin"] where access(path, F_OK) != 0 {
            return "\(path) is missing: CUPS with cups-pdf is not installed (scripts/install-deps installs cups and printer-driver-cups-pdf)"
        }
        if getuid() != 0 { return "cups-pdf prints only under a CUPS scheduler run by root, and the tests are not run as root" }
        return nil
    }

    let folder: String
    let printer: String
    /// Where cups-pdf writes what it prints.
    var printed: String { folder + "/printed" }
    var socket: String { folder + "/cups.sock" }
    /// cups-pdf reads a queue's settings from /etc/cups/cups-pdf-QUEUE.conf, and nowhere else.
    private var settings: String { "/etc/cups/cups-pdf-\(printer).conf" }
    private let watcher: Process

    /// What the program's environment needs to print here.
    var environment: [String: String] { ["CUPS_SERVER": socket] }

    init() throws {
        let id = UUID().uuidString.prefix(8).lowercased()
        printer = "nutriscreen-test-\(id)"
        folder = "/tmp/nutriscreen-cups-\(id)"
        let files = FileManager.default
        for (name, mode) in [
            ("", 0o755), ("/etc", 0o755), ("/etc/ppd", 0o755), ("/spool", 0o710), ("/cache", 0o755), ("/state", 0o755),
            ("/tmp", 0o1777), ("/log", 0o755), ("/printed", 0o755),
        ] {
            try files.createDirectory(atPath: folder + name, withIntermediateDirectories: true)
            chmod(folder + name, mode_t(mode))
        }
        chown(folder + "/spool", 0, 7)  // group lp, as the filters run as lp
        try """
        Listen \(folder)/cups.sock
        LogLevel warn
        WebInterface No
        Browsing No
        DefaultAuthType None
        <Location />
          Order allow,deny
          Allow all
        </Location>
        <Policy default>
          <Limit All>
            Order deny,allow
          </Limit>
        </Policy>

        """.write(toFile: folder + "/etc/cupsd.conf", atomically: true, encoding: .utf8)
        try """
        ServerRoot \(folder)/etc
        RequestRoot \(folder)/spool
        CacheDir \(folder)/cache
        StateDir \(folder)/state
        TempDir \(folder)/tmp
        ErrorLog \(folder)/log/error_log
        AccessLog \(folder)/log/access_log
        PageLog \(folder)/log/page_log
        ServerBin /usr/lib/cups
        DataDir /usr/share/cups
        User lp
        Group lp
        SystemGroup root
        FileDevice No

        """.write(toFile: folder + "/etc/cups-files.conf", atomically: true, encoding: .utf8)
        try "Out \(folder)/printed\nAnonDirName \(folder)/printed\nLabel 1\nUserUMask 0077\n".write(
            toFile: "/etc/cups/cups-pdf-\(printer).conf", atomically: true, encoding: .utf8)
        // The scheduler runs as long as this test process does, and is stopped through the stop
        // file. Signals cannot be used: the test process blocks them, and its children inherit
        // the mask (a trap would never run, `wait` would never return), so the watcher only
        // sleeps in the foreground and ends the scheduler with SIGKILL, which cannot be blocked.
        watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: "/bin/sh")
        watcher.arguments = [
            "-c",
            """
            \(Self.cupsd) -f -c \(folder)/etc/cupsd.conf -s \(folder)/etc/cups-files.conf & scheduler=$!
            while kill -0 \(getpid()) 2>/dev/null && kill -0 $scheduler 2>/dev/null && [ ! -e \(folder)/stop ]; do sleep 0.2; done
            kill -KILL $scheduler 2>/dev/null
            """,
        ]
        watcher.standardOutput = FileHandle.nullDevice
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        let deadline = Date().addingTimeInterval(30)
        while access(socket, F_OK) != 0, Date() < deadline { usleep(50_000) }
        let added = try run("lpadmin", ["-p", printer, "-E", "-v", "cups-pdf:/\(printer)", "-P", Self.driver])
        guard added.status == 0 else {
            stop()
            throw Failure(message: "lpadmin could not add \(printer): \(added.output)\n\(log)")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs a CUPS client command against this scheduler.
    func run(_ tool: String, _ arguments: [String]) throws -> Tool.Result {
        try Tool.run(tool, arguments, environment: ProcessInfo.processInfo.environment.merging(environment.merging(["LC_ALL": "C"]) { $1 }) { $1 })
    }

    /// The scheduler's error log, for a failure's message.
    var log: String { (try? String(contentsOfFile: folder + "/log/error_log", encoding: .utf8)) ?? "(no log)" }

    /// The PDFs cups-pdf has written once no job is left (or `timeout` seconds pass): printing
    /// goes through Ghostscript, which takes a while on a loaded machine.
    func printedFiles(timeout: TimeInterval = 240) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let pending = try run("lpstat", ["-o", printer]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            if pending.isEmpty { break }
            usleep(250_000)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: printed)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { printed + "/" + $0 }
    }

    /// Stops the scheduler and removes its folder and the queue's settings.
    func stop() {
        if watcher.isRunning {
            _ = FileManager.default.createFile(atPath: folder + "/stop", contents: nil)
            watcher.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: settings)
        try? FileManager.default.removeItem(atPath: folder)
    }
}
