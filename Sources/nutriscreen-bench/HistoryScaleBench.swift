import Foundation
import History
import Screening

/// A large history (`nutriscreen-bench history N`): N screenings of the sample, 20 to a person
/// (the first the sample's own person), a day apart and before the sample's day, written through `HistoryStore.record` as interviews keep them; then what the
/// history's file takes on disk, and what `history list`, `history show`, a `report` compared
/// with the history and `history forget` cost as whole processes (wall time and peak memory).
/// `--keep FOLDER` writes the history there and keeps it (for other programs to be measured on).
enum HistoryScaleBench {
    static let perPerson = 20

    static func run(count: Int, nutriscreen: String, questionnairePath: String, sampleAnswers: String, scratch: String, keep: String?) throws
        -> Bool
    {
        let questionnaire = try QuestionnaireLoader.load(path: questionnairePath)
        let document = try AnswersDocument.load(path: sampleAnswers, questionnaire: questionnaire, today: .bench)
        let assessment = Assessor(questionnaire: questionnaire, today: .bench).assess(
            document.answers, name: document.name, completed: document.completed)
        let data = keep ?? scratch + "/data"
        let path = HistoryStore.standardPath(environment: ["XDG_DATA_HOME": data])
        let start = document.completed ?? Date(timeIntervalSince1970: 1_772_359_200)
        let store = try HistoryStore.create(at: path)
        let sampleName = document.name ?? "Sam Sample"
        let began = DispatchTime.now().uptimeNanoseconds
        for index in 0..<count {
            let name = index < perPerson ? sampleName : "Person \(index / perPerson)"
            var current = assessment
            current.person.name = name
            let completed = start.addingTimeInterval(-Double(perPerson - index % perPerson) * 86_400)
            current.completed = completed
            var answers = document
            answers.name = name
            answers.completed = completed
            _ = try store.record(
                NewScreening(
                    name: name, birthDate: nil, completed: completed, assessment: current, answers: answers.yaml(for: questionnaire),
                    source: .import, recorded: completed))
        }
        let written = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        print("history of \(count) screenings (\(count / perPerson) people) written in \(String(format: "%.1f", written)) s")
        let bytes = ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
        print(String(format: "  file and log: %.1f MB (%.1f KB a screening)", Double(bytes) / 1e6, Double(bytes) / Double(max(count, 1)) / 1e3))
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = data
        environment["XDG_STATE_HOME"] = scratch + "/state"
        environment["XDG_CACHE_HOME"] = scratch + "/cache"
        environment["NO_COLOR"] = "1"
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: variable) }
        print("  the bench's own peak memory: \(Measure.peakBytes() >> 20) MiB (a child's peak is never read below it)")
        var failed = false
        func measure(_ label: String, _ arguments: [String]) {
            let child = Measure.spawn(nutriscreen, arguments, environment: environment)
            failed = failed || child.status != 0
            print(
                "  " + label.padding(toLength: 52, withPad: " ", startingAt: 0)
                    + String(format: "%9.3f s %6d MiB  exit %d", child.seconds, child.peakBytes >> 20, child.status))
        }
        measure("history list (every screening)", ["history", "list"])
        measure("history list (again, the file in the page cache)", ["history", "list"])
        measure("history list --person (\(perPerson) screenings)", ["history", "list", "--person", sampleName])
        measure("history show (one screening)", ["history", "show", "\(count)"])
        measure(
            "report compared with the history (\(perPerson) earlier)",
            ["report", "--answers", sampleAnswers, "--questionnaire", questionnairePath, "--out", scratch + "/compared.pdf", "--force"])
        measure("history forget --person (\(perPerson) screenings)", ["history", "forget", "--person", sampleName, "--yes"])
        return !failed
    }
}
