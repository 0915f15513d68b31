import Dispatch
import Foundation
import GRDB
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The screening history through the built executable: interviews kept and compared, import,
/// list, show and forget, and what goes wrong (a damaged or locked history, one from a newer
/// program, two processes at once, kill -9 while writing).
@Suite(.serialized) struct HistoryCommandTests {
    static let fixtures = ProcessRunner.repository + "/Tests/ReportPDFTests/Fixtures"
    static let before = fixtures + "/ann-before-b12.yaml"
    static let after = fixtures + "/ann-after-b12.yaml"
    static let vignettes = ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/vignettes"
    /// The basic fixture's interview, as CommandLineTests answers it.
    static let interview = "n\n70\n3\nn\n1\n2\ns\n\n"
    static let kills = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_KILLS"] ?? "") ?? 8

    /// Every vignette's answers file.
    static func vignetteFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: vignettes).filter { $0.hasSuffix(".yaml") }.sorted().map { vignettes + "/" + $0 }
    }

    /// Opens the history's file directly with SQLite (GRDB), as another program would.
    static func database(_ runner: ProcessRunner) throws -> DatabaseQueue { try DatabaseQueue(path: runner.history) }

    static func count(_ runner: ProcessRunner, _ sql: String) throws -> Int {
        try database(runner).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    static func integrity(_ runner: ProcessRunner) throws -> [String] {
        try database(runner).read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    static func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }

    @Test func anInterviewIsKeptAndTheNextOneIsComparedWithIt() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let arguments = ["start", "--new", "--questionnaire", ProcessRunner.fixture, "--name", "Pat Piped"]
        let first = try runner.run(arguments, input: Self.interview)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Kept in your screening history as screening 1 (\(runner.history))"), "\(first.stdout)")
        #expect(!first.stdout.contains("Since your last screening"), "a first screening has nothing to compare")
        #expect(Self.mode(runner.data + "/nutriscreen") == 0o700)
        #expect(Self.mode(runner.history) == 0o600)
        sleep(1)  // another completed time: another screening
        // This time metformin is not taken: the B12 warning of the first screening is gone.
        let second = try runner.run(arguments, input: "n\n70\n1\ny\n1\n2\ns\n\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Since your last screening ("), "\(second.stdout)")
        #expect(second.stdout.contains("  Warnings that no longer fire:\n    ROUTINE: "), "\(second.stdout)")
        #expect(second.stdout.contains("Kept in your screening history as screening 2"))
        let reports = try FileManager.default.contentsOfDirectory(atPath: runner.state + "/Reports").filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(reports.count == 2)
        let text = try ProcessRunner.output(of: "pdftotext", [runner.state + "/Reports/" + reports[1], "-"])
        #expect(text.contains("Since your last screening"), "the second report compares")
        let firstText = try ProcessRunner.output(of: "pdftotext", [runner.state + "/Reports/" + reports[0], "-"])
        #expect(!firstText.contains("Since your last screening"))

        let listed = try runner.run(["history", "--person", "pat  PIPED"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Pat Piped (no date of birth): 2 screenings"), "\(listed.stdout)")
        #expect(listed.stdout.contains("#1 · ") && listed.stdout.contains("#2 · "))
        let shown = try runner.run(["history", "show", "2"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Screening 2 of Pat Piped"))
        #expect(shown.stdout.contains("Since your last screening"))
        // The interview's screening without a name is not kept, and says so.
        let unnamed = try runner.run(["start", "--new", "--questionnaire", ProcessRunner.fixture], input: Self.interview)
        #expect(unnamed.status == 0)
        #expect(unnamed.stdout.contains("Not kept in your screening history: it has no name."))
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == 2)
    }

    /// With --lang es the history speaks Spanish: import, the list, one screening shown with what
    /// changed since the one before, forget, and a report's comparison section.
    @Test func theHistorySpeaksSpanish() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        // A suggested command keeps the language after the subcommand, where it is read.
        let empty = try runner.run(["history", "--lang", "es"])
        #expect(empty.stdout.contains(" history import ARCHIVO --lang es"), "\(empty.stdout)")
        let imported = try runner.run(["history", "import", Self.before, Self.after, "--lang", "es"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains(": añadido como cribado 1 (Ann Example, completado "), "\(imported.stdout)")
        #expect(imported.stdout.contains("2 archivo(s): 2 añadido(s), 0 ya en su historial, 0 con problemas"), "\(imported.stdout)")
        let list = try runner.run(["history", "--lang", "es"])
        #expect(list.stdout.contains("Historial de cribados: \(runner.history)"), "\(list.stdout)")
        #expect(list.stdout.contains("Ann Example, nacido/a el 20 de mayo de 1991: 2 cribados"), "\(list.stdout)")
        #expect(list.stdout.contains("Vitamina B12 Probable (7)"), "\(list.stdout)")
        let show = try runner.run(["history", "show", "2", "--lang", "es"])
        #expect(show.status == 0, "\(show.stderr)")
        for spanish in ["Cribado 2 de Ann Example", "Desde su último cribado (", "semanas antes de este)", "Vitamina B12: Probable (7) entonces"] {
            #expect(show.stdout.contains(spanish), "missing \(spanish): \(show.stdout)")
        }
        let pdf = runner.state + "/informe.pdf"
        let report = try runner.run(["report", "--answers", Self.after, "--out", pdf, "--lang", "es"])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try ProcessRunner.output(of: "pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("Desde su último cribado") && !text.contains("Since your last screening"), "\(text)")
        let missing = try runner.run(["history", "forget", "--person", "Ana Example", "--lang", "es"])
        #expect(missing.status == 66 && missing.stderr.contains("no hay nadie llamado 'Ana Example'"), "\(missing.stderr)")
        let forget = try runner.run(["history", "forget", "--person", "Ann Example", "--lang", "es"])
        #expect(forget.stdout.contains("Se ha olvidado a Ann Example, nacido/a el 20 de mayo de 1991 (2 cribados, del "), "\(forget.stdout)")
    }

    /// At a terminal (`script`'s pseudo-terminal) `forget` asks first: anything but yes deletes
    /// nothing (exit 1); yes, or --yes, deletes. Piped, as in the other tests, it does not ask.
    @Test func forgetAsksAtATerminal() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        let command = "\(ProcessRunner.executable) history forget --person 'Ann Example'"
        let kept = try runner.run(["-qec", command, "/dev/null"], input: "n\n", executable: "/usr/bin/script")
        #expect(kept.stdout.contains("Delete 1 screening of Ann Example, born 20 May 1991? This cannot be undone."), "\(kept.stdout)")
        #expect(kept.stdout.contains("Nothing was deleted.") && kept.status == 1, "\(kept.stdout)")
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == 1)
        let gone = try runner.run(["-qec", command, "/dev/null"], input: "yes\n", executable: "/usr/bin/script")
        #expect(gone.status == 0 && gone.stdout.contains("Forgot Ann Example"), "\(gone.stdout)")
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == 0)
    }

    /// A first screening under a name one slip away from another person's says so: a typing
    /// slip would otherwise start a new person without a word.
    @Test func aNameCloseToAnotherIsQuestioned() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let arguments = ["start", "--new", "--questionnaire", ProcessRunner.fixture]
        #expect(try runner.run(arguments + ["--name", "Pat Piped"], input: Self.interview).status == 0)
        sleep(1)
        let slip = try runner.run(arguments + ["--name", "Pat Pipet"], input: Self.interview)
        #expect(slip.status == 0, "\(slip.stderr)")
        #expect(slip.stdout.contains("This is the first screening of 'Pat Pipet' in it; did you mean 'Pat Piped'?"), "\(slip.stdout)")
        sleep(1)
        let same = try runner.run(arguments + ["--name", "Pat Piped"], input: Self.interview)
        #expect(!same.stdout.contains("did you mean"), "the same person again: \(same.stdout)")
    }

    /// Answers without a completed time are compared as a screening done now, not in 1970.
    @Test func answersWithoutACompletedTimeAreComparedAsNow() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["history", "import", Self.before]).status == 0)
        let undated = ProcessRunner.temporaryFile(
            try String(contentsOfFile: Self.after, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("completed:") }
                .joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: undated) }
        let pdf = runner.state + "/undated.pdf"
        let report = try runner.run(["report", "--answers", undated, "--out", pdf])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try ProcessRunner.output(of: "pdftotext", [pdf, "-"])
        #expect(text.contains("Since your last screening (2 February 2026)"), "\(text)")
        #expect(!text.contains("1970") && !text.contains("less than a day"), "\(text)")
    }

    /// A history this user can read but not write (its folder made read-only) is still listed and
    /// compared with; keeping a screening in it says why it cannot, and nothing claims it was kept.
    /// Run as an ordinary user (`nobody` when the tests run as root, who may write anywhere).
    @Test func aReadOnlyHistoryIsStillReadAndCompared() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        // The program, the questionnaire and the answers, copied where `nobody` may read them (the
        // repository may sit in root's home); the program finds its libraries by absolute paths
        // and beside itself.
        let copies = runner.state + "/copies"
        try FileManager.default.createDirectory(atPath: copies, withIntermediateDirectories: true)
        for file in [ProcessRunner.executable, ProcessRunner.repository + "/Questionnaires/neuro-nutrition.yaml", Self.before, Self.after] {
            try FileManager.default.copyItem(atPath: file, toPath: copies + "/" + URL(fileURLWithPath: file).lastPathComponent)
        }
        let (program, questionnaire) = (copies + "/nutriscreen", copies + "/neuro-nutrition.yaml")
        let (before, after) = (copies + "/ann-before-b12.yaml", copies + "/ann-after-b12.yaml")
        let asRoot = getuid() == 0
        if asRoot {
            for folder in [runner.state, runner.data, runner.cache] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                #expect(try Tool.run("chown", ["-R", "65534:65534", folder]).status == 0)
            }
        }
        let run = { (arguments: [String]) throws -> Tool.Result in
            asRoot
                ? try Tool.run(
                    "setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", program] + arguments,
                    environment: runner.environment, directory: runner.state)
                : try Tool.run(program, arguments, environment: runner.environment, directory: runner.state)
        }
        let first = try run(["history", "import", before, "--questionnaire", questionnaire])
        #expect(first.status == 0, "\(first.output)")
        #expect(chmod(runner.data + "/nutriscreen", 0o500) == 0)
        defer { chmod(runner.data + "/nutriscreen", 0o700) }
        let list = try run(["history"])
        #expect(list.status == 0 && list.output.contains("Ann Example, born 20 May 1991: 1 screening"), "\(list.output)")
        let pdf = runner.state + "/after.pdf"
        let report = try run(["report", "--answers", after, "--out", pdf, "--questionnaire", questionnaire])
        #expect(report.status == 0, "\(report.output)")
        #expect(try ProcessRunner.output(of: "pdftotext", [pdf, "-"]).contains("Since your last screening"))
        let again = try run(["history", "import", after, "--questionnaire", questionnaire])
        #expect(again.status == 73, "\(again.output)")
        #expect(again.output.contains("check that you can write to it and its folder"), "\(again.output)")
        #expect(!again.output.contains("added as screening"))
    }

    @Test func importKeepsEachScreeningOnceAndNamesBadFiles() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let empty = try runner.run(["history"])
        #expect(empty.status == 0 && empty.stdout.contains("No screenings in your history yet"))
        #expect(!FileManager.default.fileExists(atPath: runner.history), "listing creates nothing")

        let bad = ProcessRunner.temporaryFile("name: Bo\ncompleted: 2026-01-01T00:00:00Z\nage: 7\n")
        let nameless = ProcessRunner.temporaryFile("completed: 2026-01-01T00:00:00Z\nage: 40\n")
        defer { for file in [bad, nameless] { try? FileManager.default.removeItem(atPath: file) } }
        let result = try runner.run(["history", "import", Self.before, Self.after, bad, nameless, runner.state + "/missing.yaml"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.contains("ann-before-b12.yaml: added as screening 1 (Ann Example, completed 2 February 2026"), "\(result.stdout)")
        #expect(result.stdout.contains("ann-after-b12.yaml: added as screening 2"))
        #expect(result.stdout.contains("5 file(s): 2 added, 0 already in your history, 3 with problems"))
        #expect(result.stderr.contains("\(bad):3:6: age: 7 is outside the allowed range"), "\(result.stderr)")
        #expect(result.stderr.contains("\(nameless):1:1: these answers carry no name"))
        #expect(result.stderr.contains("\(runner.state)/missing.yaml:1:1: cannot read the answers file"))

        let again = try runner.run(["history", "import", Self.before])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already in your history as screening 1"), "\(again.stdout)")
        #expect(try Self.count(runner, "SELECT count(*) FROM screening") == 2)

        // A FHIR export of the same screening is the same screening.
        let fhir = runner.state + "/before.fhir.json"
        #expect(try runner.run(["export", "--answers", Self.before, "--out", fhir]).status == 0)
        let fromFHIR = try runner.run(["history", "import", fhir])
        #expect(fromFHIR.status == 0, "\(fromFHIR.stderr)")
        #expect(fromFHIR.stdout.contains("already in your history as screening 1"), "\(fromFHIR.stdout)")

        let listed = try runner.run(["history"])
        #expect(listed.stdout.contains("Ann Example, born 20 May 1991: 2 screenings"), "\(listed.stdout)")
        #expect(listed.stdout.contains("Vitamin B12 Likely (7), Iron Possible (4)"))
        #expect(listed.stdout.contains("no nutrient flagged"))
        let shown = try runner.run(["history", "show", "1", "--answers"])
        #expect(shown.stdout.hasPrefix("# NutriScreen answers for neuro_nutrition"))
        #expect(shown.stdout.contains("birth_date: \"1991-05-20\""))
        #expect(try runner.run(["history", "show", "9"]).status == 66)
        #expect(try runner.run(["history", "--person", "Nobody Here"]).status == 66)

        // The report of the later screening says what changed, and charts the scores of the three
        // screenings (the oldest from its kept scores); --no-history leaves it out.
        let oldest = ProcessRunner.temporaryFile(
            try String(contentsOfFile: Self.before, encoding: .utf8).replacingOccurrences(of: "2026-02-02T09:15:00Z", with: "2025-12-01T08:00:00Z"))
        defer { try? FileManager.default.removeItem(atPath: oldest) }
        #expect(try runner.run(["history", "import", oldest]).status == 0)
        let out = runner.state + "/after.pdf"
        let report = try runner.run(["report", "--answers", Self.after, "--out", out])
        #expect(report.status == 0, "\(report.stderr)")
        let text = try ProcessRunner.output(of: "pdftotext", [out, "-"])
        #expect(text.contains("Since your last screening (2 February 2026)"))
        #expect(text.contains("last 3 screenings") && text.contains("1 December 2025"), "\(text)")
        // A folder of answers files gets its comparisons too.
        let folder = runner.state + "/in"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.after, toPath: folder + "/after.yaml")
        #expect(try runner.run(["report", "--answers-dir", folder, "--out-dir", folder]).status == 0)
        #expect(try ProcessRunner.output(of: "pdftotext", [folder + "/after.pdf", "-"]).contains("Since your last screening (2 February 2026)"))
        #expect(try runner.run(["report", "--answers", Self.after, "--out", out, "--force", "--no-history"]).status == 0)
        #expect(!(try ProcessRunner.output(of: "pdftotext", [out, "-"])).contains("Since your last screening"))
    }

    @Test func forgetLeavesNoTraceOfThePersonInTheFiles() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let vegan = Self.vignettes + "/vegan.yaml"
        #expect(try runner.run(["history", "import", Self.before, Self.after, vegan]).status == 0)
        let misspelt = try runner.run(["history", "forget", "--person", "Ann Exampel"])
        #expect(misspelt.status == 66)
        #expect(misspelt.stderr.contains("(did you mean 'Ann Example'?)"), "\(misspelt.stderr)")
        let result = try runner.run(["history", "forget", "--person", "ann example"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Forgot Ann Example, born 20 May 1991: 2 screenings, from 2 February 2026 to 9 March 2026, deleted from \(runner.history)."),
            "\(result.stdout)")
        #expect(result.stdout.contains("nothing of them is left in its files"))
        let bytes = HistoryFiles.searchable(runner.history)
        #expect(!bytes.isEmpty)
        for trace in ["Ann Example", "ann example", "1991-05-20"] {
            #expect(bytes.range(of: Data(trace.utf8)) == nil, "'\(trace)' is still in the history's files")
        }
        #expect(bytes.range(of: Data("Vignette vegan".utf8)) != nil, "the others are kept")
        #expect(try Self.integrity(runner) == ["ok"])
        #expect(try runner.run(["history", "--person", "Ann Example"]).status == 66)
    }
}
