import Foundation
import TestSupport
import Testing

/// The README's Layout table names every module folder, and nothing that is not one.
@Suite struct LayoutTests {
    @Test func theLayoutTableNamesEveryModuleAndNoOther() throws {
        let repository = ProcessRunner.repository
        let readme = try String(contentsOfFile: repository + "/README.md", encoding: .utf8)
        let layout = try #require(readme.components(separatedBy: "\n## Layout\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        let named = Set(
            layout.split(separator: "\n").filter { $0.hasPrefix("| `Sources/") }.flatMap { row in
                row.split(separator: "|")[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
            })
        let folders = try FileManager.default.contentsOfDirectory(atPath: repository + "/Sources").map { "Sources/" + $0 }
        // Each folder is named at the start of a row, or (the build-time tools) in the row of what they build.
        for folder in folders {
            #expect(named.contains(folder) || layout.contains("`\(folder)`"), "README's Layout table does not name \(folder)")
        }
        for path in named { #expect(folders.contains(path), "README's Layout table names \(path), which does not exist") }
        #expect(named.count >= 10, "\(named)")
    }
}

/// Only the executable reads the clock and the zone (issue #22 §2): the core is given its day.
@Suite struct ClockLayoutTests {
    /// Ways Swift and the C library read the time now or the system's zone.
    static let reads = [
        "Date()", "Date.now", "Date.init)", "Date(timeIntervalSinceNow", "time(nil)", "time(&", "gettimeofday", "clock_gettime",
        "CFAbsoluteTimeGetCurrent", "tzset", "localtime", "TimeZone.current", "TimeZone.autoupdatingCurrent", "NSTimeZone",
        "getenv(\"TZ\")", "[\"TZ\"]", "/etc/localtime",
    ]

    @Test func theCoreReadsNoClockAndNoZone() throws {
        let sources = ProcessRunner.repository + "/Sources"
        let core = ["Screening", "Interview", "History", "Report", "ReportPDF", "Exports", "PrivateFiles", "Localization"]
        var found: [String] = []
        for module in core {
            let folder = sources + "/" + module
            let files = try #require(FileManager.default.subpaths(atPath: folder)).filter { $0.hasSuffix(".swift") }
            #expect(!files.isEmpty, "\(module) has no Swift files")
            for file in files {
                let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for read in Self.reads where line.contains(read) { found.append("Sources/\(module)/\(file):\(number + 1): \(read)") }
                }
            }
        }
        #expect(found.isEmpty, "the core reads the clock or the zone; pass the day in from Sources/nutriscreen:\n\(found.joined(separator: "\n"))")
    }

    @Test func theExecutableReadsTheClockInOnePlace() throws {
        let folder = ProcessRunner.repository + "/Sources/nutriscreen"
        var readers: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            if Self.reads.contains(where: text.contains) { readers.insert(file) }
        }
        #expect(readers == ["SystemClock.swift"], "Clock.system and Zone.system (SystemClock.swift) are the executable's one clock: \(readers)")
    }
}
