import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The README's commands on a machine without make, and its exit-code table.
@Suite struct QuickStartTests {
    static let repository = ProcessRunner.repository

    @Test func theQuickStartCommandsAreScriptsThatNeedNoMake() throws {
        let readme = try String(contentsOfFile: Self.repository + "/README.md", encoding: .utf8)
        let quickStart = try #require(readme.components(separatedBy: "## Quick start").dropFirst().first?.components(separatedBy: "\n## ").first)
        let block = try #require(quickStart.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map { $0.split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? "" }
        #expect(commands == ["scripts/screen", "scripts/test"], "\(commands)")
        for script in ["scripts/screen", "scripts/test", "scripts/install-deps", "scripts/install", ".ci/run"] {
            let path = Self.repository + "/" + script
            #expect(FileManager.default.isExecutableFile(atPath: path), "\(script) is executable")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains("make ") }, "\(script) runs without make")
        }
        let ci = try String(contentsOfFile: Self.repository + "/.ci/run", encoding: .utf8)
        #expect(ci.split(separator: "\n").last == "scripts/test", "CI runs the README's test command")
    }

    /// The scripts name no network host (a package registry's or any other): a mirror comes from
    /// the machine's own configuration (fresh-machine reads its apt sources).
    @Test func theScriptsNameNoHost() throws {
        let folders = ["scripts", ".ci"]
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.repository + "/" + folder) {
                let text = try String(contentsOfFile: Self.repository + "/\(folder)/\(name)", encoding: .utf8)
                let lines = text.split(separator: "\n").enumerated().filter { $0.element.contains("://") }
                #expect(lines.isEmpty, "\(folder)/\(name) names a host: \(lines.map { "line \($0.offset + 1)" })")
            }
        }
    }

    @Test func theTestCommandLintsTheFormatStrictlyBeforeTheTests() throws {
        let lines = try String(contentsOfFile: Self.repository + "/scripts/test", encoding: .utf8).split(separator: "\n")
        let lint = try #require(lines.firstIndex { $0.contains("format lint --strict --recursive Sources Tests Package.swift") })
        let test = try #require(lines.firstIndex { $0.hasPrefix("exec") && $0.contains(" test ") })
        #expect(lint < test, "a finding stops the run before any test (set -e)")
        #expect(lines.contains("set -euo pipefail"))
    }

    @Test func scriptsScreenPassesTheProgramsExitCodeThrough() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let fake = runner.fakeSwift()
        let process = runner.process([Self.repository + "/scripts/screen", "--questionnaire", ProcessRunner.fixture])
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository + "/scripts/screen", "--questionnaire", ProcessRunner.fixture]
        process.environment = runner.environment.merging(["SWIFT": fake]) { $1 }
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data("n\n".utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 75, "input ended early: the program's 75, not a wrapper's own code")
    }

    /// scripts/screen builds in the configuration `swift test` builds (debug), so the first
    /// question does not wait for a release build and scripts/test afterwards reuses its modules.
    @Test func scriptsScreenBuildsWhatScriptsTestBuildsOn() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let log = runner.state + "/swift-calls"
        let fake = runner.state + "/swift-logging"
        let folder = URL(fileURLWithPath: ProcessRunner.executable).deletingLastPathComponent().path
        let script = "#!/bin/sh\necho \"$*\" >> '\(log)'\ncase \"$*\" in *--show-bin-path*) echo '\(folder)' ;; esac\nexit 0\n"
        #expect(FileManager.default.createFile(atPath: fake, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository + "/scripts/screen", "--version"]
        process.environment = runner.environment.merging(["SWIFT": fake]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(calls.contains { $0.hasPrefix("build") && $0.contains("--product nutriscreen") }, "\(calls)")
        for call in calls {
            #expect(!call.contains("release") && !call.contains("-c ") && !call.contains("-Xswiftc"), "\(call): not what swift test builds")
        }
    }

    @Test func everyExitCodeIsDocumentedInTheReadmeAndTheHelp() throws {
        let readme = try String(contentsOfFile: Self.repository + "/README.md", encoding: .utf8)
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let help = try runner.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let help1 = help.replacingOccurrences(of: "  ", with: " ")
        for (code, words) in [
            ("64", "usage"), ("65", "invalid"), ("66", "missing"), ("69", "another nutriscreen process"), ("73", "cannot be written"),
            ("75", "input ended"), ("129", "SIGHUP"), ("130", "Ctrl-C"), ("143", "SIGTERM"),
        ] {
            let row = readme.split(separator: "\n").first { $0.hasPrefix("| `\(code)`") }
            #expect(row?.contains(words) == true, "README's exit-code table: \(code) (\(words))")
            #expect(help1.contains("\(code) "), "--help names \(code)")
        }
    }
}
