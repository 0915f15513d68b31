import Foundation
import TestSupport
import Testing

/// `history forget` forgets the person everywhere nutriscreen keeps them: the history, and their
/// interview sessions in the state folder, finished or not; and it names what it leaves, which is
/// outside nutriscreen's own folders.
@Suite struct ForgetEverywhereTests {
    let finished = "n\n70\n3\nn\n1\n2\ns\n\n"

    /// The files under `folder` whose bytes (compressed texts inflated) hold `text`.
    private func files(holding text: String, under folder: String) -> [String] {
        guard let names = FileManager.default.subpaths(atPath: folder) else { return [] }
        return names.filter { name in
            let path = folder + "/" + name
            return FileManager.default.contents(atPath: path).map { $0.range(of: Data(text.utf8)) != nil } == true
                || (name.hasSuffix(".sqlite") && HistoryFiles.searchable(path).range(of: Data(text.utf8)) != nil)
        }
    }

    @Test func forgetDeletesThePersonsSessionsAndNamesWhatItLeaves() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let name = "Zoe Forgettable"
        let fixture = ProcessRunner.fixture
        // A finished interview (kept in the history), one stopped halfway, and another person's.
        #expect(try runner.run(["start", "--new", "--questionnaire", fixture, "--name", name], input: finished).status == 0)
        _ = try runner.run(["start", "--new", "--questionnaire", fixture, "--name", name], input: "n\nq\n")
        #expect(try runner.run(["start", "--new", "--questionnaire", fixture, "--name", "Bo Other"], input: finished).status == 0)
        let sessions = runner.state + "/nutriscreen"
        #expect(files(holding: name, under: sessions).count == 2, "\(files(holding: name, under: sessions))")
        #expect(!files(holding: name, under: runner.data).isEmpty, "kept in the history")

        let result = try runner.run(["history", "forget", "--person", name, "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        for folder in [sessions, runner.data, runner.cache] {
            #expect(files(holding: name, under: folder).isEmpty, "\(files(holding: name, under: folder)) under \(folder) still hold the name")
        }
        #expect(result.stdout.contains("Their interview sessions, finished or not, were deleted from \(sessions): 2."), "\(result.stdout)")
        #expect(result.stdout.contains("Not touched, as they are not in nutriscreen's own folders: reports and answers files"))
        #expect(files(holding: "Bo Other", under: sessions).count == 1, "another person's session stays")
        // What it says it leaves is there: the report and answers file beside where it ran.
        #expect(!files(holding: name, under: runner.state + "/Reports").isEmpty)
    }
}
