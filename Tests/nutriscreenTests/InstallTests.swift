import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Shell completions and scripts/install, with the built executable.
@Suite(.serialized) struct InstallTests {
    /// What bash offers after `words` (the last one being completed), in `folder`, from a
    /// completion script, as bash-completion would call it.
    static func bashCompletions(script: String, words: [String], in folder: String) throws -> [String] {
        let program = """
            source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _nutriscreen nutriscreen "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ProcessRunner().run(["-c", program, "bash", script] + words, directory: folder, executable: "/bin/bash")
        #expect(result.status == 0, "\(words): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    /// A folder with files of every kind the options take, and some they do not.
    static func folderOfFiles(in runner: ProcessRunner) throws -> String {
        let folder = runner.state + "/files"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        for name in ["ann.yaml", "bob.yml", "fhir.json", "notes.txt", "old.pdf"] {
            #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data()))
        }
        return folder
    }

    /// `--answers`, `--questionnaire` and `--out` complete file names of their kinds (and folders
    /// to walk into), in the script bash loads.
    static func expectFileCompletion(script: String, folder: String) throws {
        #expect(
            try bashCompletions(script: script, words: ["nutriscreen", "assess", "--answers", ""], in: folder) == [
                "ann.yaml", "bob.yml", "fhir.json", "sub",
            ])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "report", "--answers", "a"], in: folder) == ["ann.yaml"])
        #expect(
            try bashCompletions(script: script, words: ["nutriscreen", "start", "--questionnaire", ""], in: folder) == ["ann.yaml", "bob.yml", "sub"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "report", "--out", ""], in: folder) == ["old.pdf", "sub"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "resume", "--out", ""], in: folder) == ["old.pdf", "sub"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "export", "--out", ""], in: folder) == ["fhir.json", "sub"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "report", "--answers-dir", ""], in: folder) == ["sub"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "start", "--paper", ""], in: folder) == ["a4", "letter"])
        #expect(try bashCompletions(script: script, words: ["nutriscreen", "as"], in: folder) == ["assess"])
    }

    @Test func bashCompletesFileNamesForFileOptions() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let generated = try runner.run(["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        let script = runner.state + "/nutriscreen.bash"
        try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        try Self.expectFileCompletion(script: script, folder: try Self.folderOfFiles(in: runner))
    }

    @Test func zshAndFishCompleteFileNamesForFileOptions() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let zsh = try runner.run(["--generate-completion-script", "zsh"]).stdout
        #expect(
            zsh.contains(
                "'--answers[The answers file (YAML or JSON, or a FHIR QuestionnaireResponse).]:file:_files -g '\\''*.yaml *.yml *.json'\\'''"))
        #expect(zsh.contains(":file:_files -g '\\''*.yaml *.yml'\\'''"))
        #expect(zsh.contains(":file.pdf:_files -g '\\''*.pdf'\\'''"))
        let fish = try runner.run(["--generate-completion-script", "fish"]).stdout
        let answers = fish.split(separator: "\n").filter { $0.contains("\"nutriscreen assess\" answers'") }
        #expect(answers.count == 1 && answers[0].contains("set -l exts \\'yaml\\' \\'yml\\' \\'json\\'"), "\(answers)")
        let out = fish.split(separator: "\n").filter { $0.contains("\"nutriscreen report\" out'") }
        #expect(out.count == 1 && out[0].contains(")*.\\'pdf\\';"), "\(out)")
    }

    /// scripts/install into a new PREFIX, with the built executable (NUTRISCREEN_BINARY skips the
    /// release build): the program, the questionnaires, the man page and the three completions.
    @Test func installPutsEverythingUnderPrefix() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let prefix = runner.state + "/prefix"
        let install = try runner.run(
            [], environment: ["PREFIX": prefix, "NUTRISCREEN_BINARY": ProcessRunner.executable],
            executable: ProcessRunner.repository + "/scripts/install")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stderr.contains("install: installed \(prefix)/bin/nutriscreen, its man page and bash, zsh and fish completions"))

        let files = FileManager.default
        #expect(files.isExecutableFile(atPath: prefix + "/bin/nutriscreen"))
        // Installed stripped: no symbol table, and smaller than the program built.
        let sections = try runner.run(["-S", prefix + "/bin/nutriscreen"], executable: "/usr/bin/readelf")
        #expect(sections.status == 0 && sections.stdout.contains(".text") && !sections.stdout.contains(".symtab"), "\(sections.stdout)")
        let size = { (path: String) in (try? files.attributesOfItem(atPath: path))?[.size] as? Int ?? 0 }
        #expect(size(prefix + "/bin/nutriscreen") < size(ProcessRunner.executable))
        #expect(files.fileExists(atPath: prefix + "/share/nutriscreen/Questionnaires/neuro-nutrition.yaml"))
        let page = prefix + "/share/man/man1/nutriscreen.1"
        #expect(files.contents(atPath: page) == files.contents(atPath: ProcessRunner.repository + "/docs/nutriscreen.1"))
        for shell in ["bash", "zsh", "fish"] {
            let path = [
                "bash": "/share/bash-completion/completions/nutriscreen", "zsh": "/share/zsh/site-functions/_nutriscreen",
                "fish": "/share/fish/vendor_completions.d/nutriscreen.fish",
            ][shell]!
            let installed = files.contents(atPath: prefix + path).map { String(decoding: $0, as: UTF8.self) }
            #expect(installed == (try runner.run(["--generate-completion-script", shell]).stdout), "\(shell)")
            #expect((try files.attributesOfItem(atPath: prefix + path))[.posixPermissions] as? Int == 0o644)
        }
        try Self.expectFileCompletion(script: prefix + "/share/bash-completion/completions/nutriscreen", folder: try Self.folderOfFiles(in: runner))

        // The installed program finds its questionnaires from any folder.
        let elsewhere = try runner.run(["validate"], directory: "/", executable: prefix + "/bin/nutriscreen")
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    }
}
