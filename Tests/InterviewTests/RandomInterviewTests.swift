import Foundation
import Localization
import TestSupport
import Testing

@testable import Interview
@testable import Report
@testable import ReportPDF
@testable import Screening

/// A console that reads what the interview shows and types like an erratic person: mostly valid
/// answers, sometimes junk, back, skip, help, review-and-change, quit, or end of input.
final class RandomConsole: Console {
    private var seed: UInt64
    private var screen = ""
    private let questions: [Substring: Item]
    private(set) var steps = 0
    let stepLimit: Int

    init(questionnaire: Questionnaire, seed: UInt64, stepLimit: Int) {
        self.seed = seed
        self.stepLimit = stepLimit
        questions = Dictionary(questionnaire.questions.map { (Substring($0.text), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func write(_ text: String) {
        screen += text
        if screen.utf8.count > 8000 { screen = String(screen.suffix(2000)) }
    }

    /// The question on screen: the last line that is exactly a question's text.
    private func currentQuestion(in tail: Substring) -> Item? {
        for line in tail.split(separator: "\n").reversed() { if let item = questions[line] { return item } }
        return nil
    }

    private func roll() -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % 100)
    }

    func readLine() -> String? {
        steps += 1
        if steps > stepLimit { return nil }
        let tail = screen.suffix(1500)
        defer { screen = "" }
        if tail.contains("Type 1 to stop here") { return roll() < 85 ? "2" : "1" }
        if tail.contains("press Enter to finish") || tail.contains("press Enter to go back") {
            let r = roll()
            return r < 80 ? "" : r < 92 ? String(1 + roll() % 12) : "zz"
        }
        guard let current = currentQuestion(in: tail) else { return ["", "1", "q"][roll() % 3] }
        let r = roll()
        switch r {
        case 0..<66: return valid(current)
        case 66..<74: return ["zzz", "999", "1,1,99", "-5", "not sure maybe", "0"][roll() % 6]
        case 74..<79: return "b"
        case 79..<84: return "s"
        case 84..<88: return "r"
        case 88..<92: return "?"
        case 92..<95: return "q"
        default: return ""
        }
    }

    /// A valid answer typed as the person reads it on screen: the kind's own words for a random
    /// answer (an option's label, "68 years", "14 March 1958"), or its number in the list.
    private func valid(_ item: Item) -> String {
        var random = SeededRandom(seed: roll() * 7919 + roll())
        let answer = item.kind.sample(using: &random, today: Today.machine.day)
        if roll() < 50, case .choice(let value) = answer, let index = item.options.firstIndex(where: { $0.value == value }) {
            return String(index + 1)
        }
        return item.kind.display(answer, .english)
    }
}

@Suite struct RandomInterviewTests {
    static let walks = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_WALKS"] ?? "") ?? 6
    /// Every walk's seed comes from this one: set NUTRISCREEN_SEED to replay a run.
    static let seed: UInt64 = {
        let seed = UInt64(ProcessInfo.processInfo.environment["NUTRISCREEN_SEED"] ?? "") ?? UInt64.random(in: 0...UInt64.max)
        print("RandomInterviewTests: NUTRISCREEN_SEED=\(seed)")
        return seed
    }()
    static let questionnaire: Questionnaire = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Questionnaires/neuro-nutrition.yaml").path
        do { return try QuestionnaireLoader.load(path: path) } catch { fatalError("\(error)") }
    }()

    /// The day every walk is interviewed and assessed on: one clock for both, or a date of birth
    /// near a birthday gives an age that shows a question on one day and hides it on the other.
    static let day = Date(timeIntervalSince1970: 1_772_359_200)

    /// One walk: interview, quit or lose input, resume from the saved record, until complete.
    static func walk(seed: UInt64) throws -> (answers: AnswerSet, sessions: Int) {
        let q = questionnaire
        var record = SessionRecord(questionnaire: q, name: "Walker \(seed)", now: Date())
        var answers = AnswerSet()
        for session in 1...200 {
            let console = RandomConsole(questionnaire: q, seed: seed &+ UInt64(session) &* 7919, stepLimit: 400)
            nonisolated(unsafe) var saved: SessionRecord? = nil
            let outcome = Interviewer(
                questionnaire: q, record: record, answers: answers, console: console, clock: .fixed(at: day, in: Clock.machine.zone)
            ) { saved = $0 }
            .run()
            if case .completed(let final) = outcome { return (final, session) }
            // Resume exactly as `nutriscreen resume` does: from the last saved record.
            guard let last = saved else { continue }
            record = last
            if record.status == .stoppedAtEmergency { record.status = .inProgress }
            let (restored, dropped) = record.answerSet(for: q, today: Today.machine.day)
            #expect(dropped.isEmpty, "seed \(seed): answers lost on resume: \(dropped)")
            answers = restored
        }
        throw WalkError(seed: seed)
    }

    struct WalkError: Error { var seed: UInt64 }

    /// Walks in parallel, one per core at a time; each ends complete, assesses, and renders a PDF
    /// that qpdf accepts.
    @Test func randomWalksEndInACompleteAssessmentAndAValidPDF() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var started = 0
        var finished = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            func startNext() {
                let index = started
                started += 1
                group.addTask { try Self.checkWalk(index: index, seed: Self.seed &+ UInt64(index)) }
            }
            while started < min(cores, Self.walks) { startNext() }
            while try await group.next() != nil {
                finished += 1
                if Self.walks >= 1000, finished.isMultiple(of: 500) { print("random interviews: \(finished) of \(Self.walks) done") }
                if started < Self.walks { startNext() }
            }
        }
        #expect(finished == Self.walks, "NUTRISCREEN_SEED=\(Self.seed)")
    }

    static func checkWalk(index: Int, seed: UInt64) throws {
        let q = questionnaire
        let (answers, _) = try walk(seed: seed)
        #expect(
            Navigator(questionnaire: q, pruning: true).isComplete(answers, skipped: Set(q.questions.filter { !$0.required }.map(\.id))),
            "seed \(seed)")
        let assessment = Assessor(questionnaire: q, today: .machine, pruning: true).assess(
            answers, name: "Walker", completed: day)
        #expect(assessment.nutrients.count == q.nutrients.count)
        #expect(assessment.unanswered.allSatisfy { q.item($0.id)?.required == false }, "seed \(seed): \(assessment.unanswered)")
        let pdf = try ReportRenderer.pdf(
            assessment, paper: index.isMultiple(of: 2) ? .a4 : .letter, creator: "test", created: Date(timeIntervalSince1970: 0),
            zone: .utc)
        let path = NSTemporaryDirectory() + "walk-\(seed).pdf"
        #expect(FileManager.default.createFile(atPath: path, contents: pdf))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Tool.run("qpdf", ["--check", path]).status == 0, "seed \(seed): qpdf rejected the PDF")
    }
}
