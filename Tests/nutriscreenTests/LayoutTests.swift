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
