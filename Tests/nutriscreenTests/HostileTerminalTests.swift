import Foundation
import GRDB
import TestSupport
import Testing

/// What reaches the terminal: control characters (a bell, `ESC ] 52` that writes the clipboard,
/// `ESC c` that resets the terminal) in a questionnaire, a translation, a file name or the history
/// are refused where they are written, or shown escaped where they are printed, never raw.
@Suite struct HostileTerminalTests {
    static let fixtures = ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures"
    static let ann = ProcessRunner.repository + "/Tests/ReportPDFTests/Fixtures/ann-before-b12.yaml"
    /// The clipboard-writing sequence, as YAML's double quotes write it and as it is in text.
    static let clipboardYAML = "\\e]52;c;aGVsbG8=\\a"
    static let clipboard = "\u{1B}]52;c;aGVsbG8=\u{07}"

    /// True when `text` holds a character a terminal would act on (other than line breaks).
    static func raw(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    /// A copy of the basic fixture with `line` (a line of it) replaced, in the runner's folder.
    static func questionnaire(_ runner: ProcessRunner, replacing line: String, with replacement: String) throws -> String {
        let text = try String(contentsOfFile: fixtures + "/basic.yaml", encoding: .utf8)
        #expect(text.contains(line))
        let path = runner.state + "/hostile.yaml"
        try FileManager.default.createDirectory(atPath: runner.state, withIntermediateDirectories: true)
        try text.replacingOccurrences(of: line, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [clipboardYAML, "\\a", "\\ec", "\\t", "\\n", "\\x7f", "\\x9b31m", "\\r"])
    func validateRefusesAControlCharacterInALabel(written: String) throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.questionnaire(
            runner, replacing: "{ value: vegetarian, label: Vegetarian }", with: "{ value: vegetarian, label: \"Vege\(written)tarian\" }")
        let result = try runner.run(["validate", path])
        #expect(result.status == 65, "\(written): \(result.stdout) \(result.stderr)")
        // At the character; a tab or line break, which YAML folds with the spaces around it, on its line.
        let place = ["\\t", "\\n", "\\r"].contains(written) ? "\(path):32:" : "\(path):32:46: "
        #expect(result.stderr.contains(place), "\(written): located at the character: \(result.stderr)")
        #expect(result.stderr.contains("a text is plain text on one line: remove it"), "\(result.stderr)")
        #expect(!Self.raw(result.stderr + result.stdout), "\(written)")
        // Every command that reads the questionnaire refuses it the same way.
        let answers = runner.state + "/answers.yaml"
        try "name: Ann\ncompleted: 2026-01-31T09:30:00Z\nsudden_weakness: false\nage: 70\ndiet: vegan\nb12_supplement: false\nmedicines: [none]\n"
            .write(toFile: answers, atomically: true, encoding: .utf8)
        let assess = try runner.run(["assess", "--questionnaire", path, "--answers", answers])
        #expect(assess.status == 65 && !Self.raw(assess.stderr + assess.stdout), "\(assess.stderr)")
    }

    @Test func validateRefusesAControlCharacterInAnIdOrACondition() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let path = try Self.questionnaire(
            runner, replacing: "{ value: vegetarian, label: Vegetarian }", with: "{ value: \"vege\\ec\", label: Vegetarian }")
        let result = try runner.run(["validate", path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):32:27: "), "\(result.stderr)")
        #expect(result.stderr.contains("holds an escape, which starts a terminal escape sequence (U+001B)"), "\(result.stderr)")
    }

    @Test func validateRefusesAControlCharacterInATranslation() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try FileManager.default.createDirectory(atPath: runner.state, withIntermediateDirectories: true)
        let english = runner.state + "/basic.yaml"
        try FileManager.default.copyItem(atPath: Self.fixtures + "/basic.yaml", toPath: english)
        let spanish = try String(contentsOfFile: Self.fixtures + "/basic.es.yaml", encoding: .utf8)
        #expect(spanish.contains("      vegetarian: Vegetariana\n"))
        try spanish.replacingOccurrences(of: "      vegetarian: Vegetariana\n", with: "      vegetarian: \"Vegetariana\\ec\"\n")
            .write(toFile: runner.state + "/basic.es.yaml", atomically: true, encoding: .utf8)
        let result = try runner.run(["validate", english])
        #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("\(runner.state)/basic.es.yaml:23:31: "), "\(result.stderr)")
        #expect(result.stdout.contains("basic.yaml: ok"), "the English is fine: \(result.stdout)")
        #expect(!Self.raw(result.stderr + result.stdout))
    }

    /// A name another program wrote into the history (or an older version let in) is replayed
    /// escaped by every later list and show.
    @Test func aNameWithAClipboardSequenceInTheHistoryIsShownEscaped() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.ann]).status == 0)
        try DatabaseQueue(path: runner.history).write { db in
            try db.execute(sql: "UPDATE person SET name = ?", arguments: ["Ann\(Self.clipboard) Example\u{9B}2J"])
        }
        for command in [["history"], ["history", "list", "--person", "Ann Example"], ["history", "show", "1"]] {
            let result = try runner.run(command)
            #expect(result.status == 0 || command.contains("--person"), "\(command): \(result.stderr)")
            #expect(!Self.raw(result.stdout + result.stderr), "\(command): \(result.stdout.debugDescription)")
            if result.status == 0 { #expect(result.stdout.contains("Ann\\u{1B}]52;c;aGVsbG8=\\u{7} Example\\u{9B}2J"), "\(result.stdout)") }
        }
    }

    @Test func aFileNameWithAResetIsEchoedEscaped() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        try FileManager.default.createDirectory(atPath: runner.state, withIntermediateDirectories: true)
        let file = runner.state + "/ann\u{1B}c.yaml"
        try FileManager.default.copyItem(atPath: Self.ann, toPath: file)
        let imported = try runner.run(["history", "import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("ann\\u{1B}c.yaml: added as screening 1"), "\(imported.stdout)")
        let again = try runner.run(["history", "import", file])
        #expect(again.stdout.contains("ann\\u{1B}c.yaml: already in your history"), "\(again.stdout)")
        let report = try runner.run(["report", "--answers", Self.ann, "--no-history", "--out", "ann\u{1B}c.pdf"], directory: runner.state)
        #expect(report.status == 0 && report.stdout.contains("ann\\u{1B}c.pdf"), "\(report.stdout) \(report.stderr)")
        let export = try runner.run(["export", "--answers", Self.ann, "--out", "ann\u{1B}c.json"], directory: runner.state)
        #expect(export.status == 0 && export.stdout.contains("ann\\u{1B}c.json"), "\(export.stdout) \(export.stderr)")
        for result in [imported, again, report, export] { #expect(!Self.raw(result.stdout + result.stderr), "\(result.stdout.debugDescription)") }
    }
}
