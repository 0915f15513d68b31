import Foundation
import Testing

/// `--help`, mistyped commands and the man page, through the built executable.
@Suite struct HelpTests {
    static let commands = ["start", "resume", "assess", "report", "export", "history", "validate"]
    /// Commands under another command.
    static let nested = [["history", "list"], ["history", "show"], ["history", "import"], ["history", "forget"]]

    /// Each help text is wrapped once, by the argument parser, at the width asked for: no line is
    /// longer (but the usage line and, under a command with commands, its pointer to their help,
    /// which the parser never wraps), and no line of a paragraph ends
    /// early while the next word would have fitted (the sign of text wrapped twice).
    @Test(arguments: [60, 80, 120])
    func helpIsWrappedOnceToTheTerminal(columns: Int) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        for command in [[]] + Self.commands.map({ [$0] }) + Self.nested {
            let result = try runner.run(command + ["--help"], environment: ["COLUMNS": "\(columns)"])
            #expect(result.status == 0)
            let lines = result.stdout.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where !line.hasPrefix("USAGE:") && !line.hasSuffix("<subcommand>' for detailed help.") {
                #expect(line.count <= columns, "\(command) at \(columns): \(line)")
                guard index + 1 < lines.count, !line.isEmpty, !line.hasPrefix(" "), !line.hasSuffix(":") else { continue }
                let next = lines[index + 1]
                guard let word = next.split(separator: " ").first, !next.hasPrefix(" ") else { continue }
                // The parser breaks at the last space within the width, so a line holds at most columns - 1.
                #expect(line.count + 1 + word.count >= columns, "\(command) at \(columns): '\(word)' would fit after: \(line)")
            }
            #expect(result.stdout.contains("Examples:\n  nutriscreen \(command.first ?? "")"), "\(command) has examples")
        }
    }

    @Test func assessRequiresAnswersInItsUsage() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let help = try runner.run(["assess", "--help"])
        #expect(help.stdout.contains("USAGE: nutriscreen assess --answers <file> [--questionnaire <file>] [--json]"), "\(help.stdout)")
        let missing = try runner.run(["assess"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing expected argument '--answers <file>'"), "\(missing.stderr)")
        // report takes --answers-dir instead, so there --answers stays optional (its usage line,
        // too long to spell out since --print, --printer and --open, is collapsed to <options>).
        let report = try runner.run(["report"])
        #expect(report.status == 64)
        #expect(report.stderr.contains("Pass --answers FILE, or --answers-dir DIR with --out-dir DIR."), "\(report.stderr)")
        #expect(!report.stderr.contains("Missing expected argument"), "\(report.stderr)")
    }

    @Test(arguments: [
        ("asses", "assess"), ("reprot", "report"), ("resmue", "resume"), ("valdiate", "validate"), ("exprot", "export"), ("strat", "start"),
    ])
    func aMistypedCommandIsNamed(typed: String, meant: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        for arguments in [[typed], [typed, "--answers", "x.yaml"], ["help", typed]] {
            let result = try runner.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("nutriscreen: '\(typed)' is not a command; did you mean \(meant)?"), "\(result.stderr)")
            #expect(!result.stderr.contains("Usage: nutriscreen start"), "not start's usage")
            #expect(result.stdout.isEmpty, "nothing is asked")
        }
    }

    @Test func aStrangeWordListsTheCommands() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["banana"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "nutriscreen: 'banana' is not a command; the commands are start, resume, assess, report, export, history, sessions and validate"),
            "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Options alone still start a screening, and help still helps.
        let version = try runner.run(["--version"])
        #expect(version.status == 0 && !version.stdout.isEmpty)
        #expect(try runner.run(["help", "assess"]).stdout.contains("USAGE: nutriscreen assess"))
    }

    /// docs/nutriscreen.1 is generated (scripts/manual) from the command definitions: it names
    /// every subcommand and option the executable has, with the same help texts, so a command
    /// changed without regenerating the page fails here.
    @Test func theManPageMatchesTheCommands() throws {
        let page = try String(contentsOfFile: ProcessRunner.repository + "/docs/nutriscreen.1", encoding: .utf8)
        let lines = Set(page.components(separatedBy: "\n"))
        #expect(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\""))
        #expect(!lines.contains(""), "an empty line makes mdoc warn at every man run; scripts/manual makes them .Pp")
        let dump = try ProcessRunner().run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        // Every command, those under another command too.
        func within(_ info: [String: Any]) -> [[String: Any]] {
            (info["subcommands"] as? [[String: Any]] ?? []).flatMap { [$0] + within($0) }
        }
        let subcommands = within(command)
        #expect(Set(subcommands.compactMap { $0["commandName"] as? String }).isSuperset(of: Self.commands + Self.nested.map { $0[1] }))
        for (index, info) in ([command] + subcommands).enumerated() {
            let name = info["commandName"] as? String ?? ""
            if index > 0 { #expect(lines.contains(".It Em \(name)"), "\(name)") }
            if let abstract = info["abstract"] as? String { #expect(page.contains(abstract), "\(name): \(abstract)") }
            for line in (info["discussion"] as? String ?? "").components(separatedBy: "\n") where !line.isEmpty {
                #expect(lines.contains(line), "\(name): the page lacks '\(line)'; run scripts/manual")
            }
            for argument in info["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool == true {
                let long = (argument["names"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "long" }?["name"] as? String
                if let long {
                    #expect(lines.contains { $0.hasPrefix(".It Fl") && $0.contains("-\(long)") }, "\(name) --\(long); run scripts/manual")
                }
                if let abstract = argument["abstract"] as? String { #expect(lines.contains(abstract), "\(name): \(abstract)") }
            }
        }
    }
}
