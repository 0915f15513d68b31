import Foundation
import History
import Screening
import TestSupport
import Testing

/// A history in a fresh temporary folder, and screenings of the clinical vignettes to put in it.
struct HistoryFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let questionnaire: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: repository + "/Questionnaires/neuro-nutrition.yaml") } catch { fatalError("\(error)") }
    }()

    /// The folder the history's own folder goes in (removed by `cleanUp`).
    let root = NSTemporaryDirectory() + "nutriscreen-history-" + UUID().uuidString
    var folder: String { root + "/nutriscreen" }
    var path: String { folder + "/history.sqlite" }

    func open() throws -> HistoryStore { try #require(try HistoryStore.open(at: path, creating: true)) }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// The files of the history as they are on disk (the database, its log and its index), with
    /// the compressed texts in them inflated (`HistoryFiles.searchable`).
    func bytes() -> Data { HistoryFiles.searchable(path) }

    /// A screening of a vignette for `name`, completed `daysLater` days after the vignette's time.
    static func screening(
        _ vignette: String = "vegan", name: String = "Ann Example", born: String? = "1980-03-14", daysLater: Double = 0,
        source: ScreeningSource = .import
    ) throws -> NewScreening {
        let file = repository + "/Tests/ScreeningTests/Fixtures/vignettes/\(vignette).yaml"
        var document = try AnswersDocument.load(path: file, questionnaire: questionnaire, today: .machine)
        document.name = name
        document.completed = (document.completed ?? Date()).addingTimeInterval(daysLater * 86_400)
        let assessment = Assessor(questionnaire: questionnaire, today: .machine).assess(document.answers, name: name, completed: document.completed)
        return NewScreening(
            name: name, birthDate: born.flatMap(CalendarDate.init(iso:)), completed: document.completed!, assessment: assessment,
            answers: document.yaml(for: questionnaire), source: source, recorded: Date())
    }
}
