import Foundation
import TestSupport
import Testing

/// The man page's own sections (ENVIRONMENT, FILES, EXIT STATUS, SEE ALSO), its header, and its
/// examples at 80 columns, as `man` shows them.
@Suite struct ManualTests {
    static let path = ProcessRunner.repository + "/docs/nutriscreen.1"

    /// The page as `man` shows it at 80 columns, plain text.
    static func rendered() throws -> [String] {
        let text = try Tool.run(
            "/bin/sh", ["-c", "MANWIDTH=80 man -l '\(path)' | col -bx"], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        )
        .output
        return text.components(separatedBy: "\n")
    }

    /// The lines of the section `name` in the page's source.
    static func section(_ name: String, of page: String) -> [String] {
        let lines = page.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0 == ".Sh \(name)" || $0 == ".Sh \"\(name)\"" }) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { !$0.hasPrefix(".Sh ") })
    }

    @Test func itHasTheSectionsAPageOfSectionOneHas() throws {
        let page = try String(contentsOfFile: Self.path, encoding: .utf8)
        let sections = page.components(separatedBy: "\n").filter { $0.hasPrefix(".Sh ") }.map {
            $0.dropFirst(4).replacingOccurrences(of: "\"", with: "")
        }
        #expect(sections == ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "FILES", "EXIT STATUS", "SEE ALSO"], "\(sections)")
        let environment = Set(
            Self.section("ENVIRONMENT", of: page).filter { $0.hasPrefix(".It Ev ") }.flatMap { $0.split(separator: " ").map(String.init) })
        for variable in [
            "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "NUTRISCREEN_QUESTIONNAIRES", "LC_ALL", "LC_MESSAGES", "LANG", "SOURCE_DATE_EPOCH",
            "NO_COLOR", "TZ", "NUTRISCREEN_COMMAND",
        ] {
            #expect(environment.contains(variable), "ENVIRONMENT lacks \(variable)")
        }
        let files = Self.section("FILES", of: page).joined(separator: "\n")
        for file in ["nutriscreen/session-*.json", "history.sqlite", "$XDG_CACHE_HOME/nutriscreen/", "Reports/"] {
            #expect(files.contains(file), "FILES lacks \(file)")
        }
        // Every exit code the program uses has its row: those of ExitStatus, and 1 for a question not answered yes.
        let source = try String(contentsOfFile: ProcessRunner.repository + "/Sources/nutriscreen/ExitStatus.swift", encoding: .utf8)
        let codes = Set(source.matches(of: /ExitCode\((\d+)\)/).map { String($0.1) }).union(["0", "1"])
        let rows = Set(Self.section("EXIT STATUS", of: page).filter { $0.hasPrefix(".It ") }.map { String($0.dropFirst(4)) })
        #expect(rows == codes, "EXIT STATUS rows \(rows.sorted()), the program's codes \(codes.sorted())")
        #expect(!page.contains(".Ex -std"), "the generic 'exits 0 on success, and >0 if an error occurs' is gone")
        #expect(Self.section("SEE ALSO", of: page).contains { $0.hasPrefix(".Xr lp 1") })
    }

    @Test func itsHeaderNamesSectionOneOfNutriScreen() throws {
        let lines = try Self.rendered()
        let header = try #require(lines.first { !$0.isEmpty })
        #expect(header.hasPrefix("NUTRISCREEN(1)") && header.hasSuffix("NUTRISCREEN(1)"), "\(header)")
        #expect(!header.contains("BSD"), "\(header)")
        #expect(header.contains("General Commands Manual"), "\(header)")
        let footer = try #require(lines.last { !$0.isEmpty })
        #expect(footer.hasPrefix("NutriScreen 0.1.0") && !footer.contains("BSD"), "\(footer)")
    }

    /// Every example of every command's help is one whole line of the page at 80 columns, never
    /// broken or hyphenated where the commands are indented under their parent.
    @Test func itsExamplesDoNotBreakAt80Columns() throws {
        let shown = Set(try Self.rendered().map(Self.collapsed))
        let dump = try ProcessRunner().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func within(_ info: [String: Any]) -> [[String: Any]] { [info] + (info["subcommands"] as? [[String: Any]] ?? []).flatMap(within) }
        var examples = 0
        for info in within(try #require(root["command"] as? [String: Any])) {
            let discussion = (info["discussion"] as? String ?? "").components(separatedBy: "\n")
            guard let start = discussion.firstIndex(of: "Examples:") else { continue }
            for example in discussion[(start + 1)...] where example.hasPrefix("  ") {
                examples += 1
                #expect(shown.contains(Self.collapsed(example)), "\(info["commandName"] ?? ""): '\(example)' breaks at 80 columns")
            }
        }
        #expect(examples > 30)
    }

    static func collapsed(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
