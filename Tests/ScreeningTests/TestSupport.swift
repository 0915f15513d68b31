import Foundation
import Testing

@testable import Screening

/// Paths and loaders shared by the Screening tests.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    static func basic() throws -> Questionnaire { try QuestionnaireLoader.load(path: path("basic.yaml")) }

    /// Loads YAML text as a questionnaire named `test.yaml`.
    static func load(_ yaml: String) throws -> Questionnaire {
        try QuestionnaireLoader.load(data: Data(yaml.utf8), file: "test.yaml")
    }

    /// The problems `yaml` produces, as `line:col: message` strings.
    static func problems(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try load(yaml)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    /// A minimal questionnaire around the given items (YAML list entries, indented by 6).
    static func wrapping(items: String, extra: String = "") -> String {
        """
        id: t
        version: "1"
        schemaVersion: 1
        title: T
        sections:
          - id: s
            title: S
            items:
        \(items)
        \(extra)
        """
    }

    /// Answers built from plain values, checked against the questionnaire.
    static func answers(_ values: [String: PlainValue], in questionnaire: Questionnaire) -> AnswerSet {
        var set = AnswerSet()
        for (id, value) in values {
            guard let item = questionnaire.item(id) else {
                Issue.record("no item \(id)")
                continue
            }
            switch Answer.from(value, for: item, today: Today.machine.day) {
            case .success(let answer): set[id] = answer
            case .failure(let problem): Issue.record("bad answer for \(id): \(problem)")
            }
        }
        return set
    }
}
