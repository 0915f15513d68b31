import Foundation
import TestSupport
import Testing

@testable import Screening

/// `NUTRISCREEN_PROPERTY_CASES` raises the number of damaged and forged archives for the long run.
@Suite struct QuestionnaireArchiveTests {
    static let cases = Int(ProcessInfo.processInfo.environment["NUTRISCREEN_PROPERTY_CASES"] ?? "") ?? 100
    static let build = "test build 1"
    static let archive = QuestionnaireArchive.encode(Default.questionnaire, build: build)

    static func decode(_ bytes: [UInt8], path: String = Default.path) -> Questionnaire? {
        QuestionnaireArchive.decode(bytes, build: build, contentHash: Default.questionnaire.contentHash, path: path)
    }

    /// Every expression offset in a condition, in tree order (`Expression ==` ignores offsets).
    static func offsets(_ expression: Screening.Expression) -> [Int] {
        switch expression.node {
        case .number, .string, .bool, .name, .call: [expression.offset]
        case .list(let elements): [expression.offset] + elements.flatMap(offsets)
        case .not(let e), .negate(let e): [expression.offset] + offsets(e)
        case .binary(_, let l, let r): [expression.offset] + offsets(l) + offsets(r)
        }
    }

    static func conditions(_ q: Questionnaire) -> [Condition] {
        q.items.compactMap(\.condition) + q.triggers.map(\.condition) + q.nutrients.flatMap { $0.rules.map(\.condition) }
            + q.computed.flatMap { computed -> [Condition] in
                switch computed.definition {
                case .expression(let condition): [condition]
                case .sum(let rules): rules.map(\.condition)
                }
            } + q.instruments.flatMap { $0.results.map(\.condition) + ($0.condition.map { [$0] } ?? []) } + q.advice.compactMap(\.condition)
            + q.advice.compactMap(\.exception) + q.tests.compactMap(\.condition) + q.otherCauses.map(\.condition) + q.contexts.map(\.condition)
    }

    /// An archive is written from a questionnaire that loaded, so it never holds a control
    /// character; one that does (the cache written by another program) is refused, and the
    /// questionnaire is read from its file again.
    @Test func anArchiveHoldingAControlCharacterIsRefused() throws {
        for text in ["Neuro\u{1B}]52;c;aGk=\u{07}", "Neuro\u{1B}c", "Neuro\u{9B}2J", "Neuro\u{7F}"] {
            var questionnaire = Default.questionnaire
            questionnaire.title = text
            #expect(Self.decode(QuestionnaireArchive.encode(questionnaire, build: Self.build)) == nil, "\(text.debugDescription)")
        }
    }

    @Test func theDefaultQuestionnaireComesBackWhole() throws {
        let original = Default.questionnaire
        let decoded = try #require(Self.decode(Self.archive))
        #expect(decoded.id == original.id && decoded.version == original.version && decoded.schemaVersion == original.schemaVersion)
        #expect(decoded.title == original.title && decoded.description == original.description)
        #expect(decoded.sections == original.sections)
        #expect(decoded.computed == original.computed)
        #expect(decoded.triggers == original.triggers)
        #expect(decoded.nutrients == original.nutrients)
        #expect(decoded.instruments == original.instruments)
        #expect(decoded.advice == original.advice)
        #expect(decoded.contexts == original.contexts)
        #expect(decoded.tests == original.tests && decoded.otherCauses == original.otherCauses)
        #expect(decoded.references == original.references)
        #expect(decoded.contentHash == original.contentHash && decoded.path == original.path)
        #expect(decoded.items.map(\.id) == original.items.map(\.id))
        let (before, after) = (Self.conditions(original), Self.conditions(decoded))
        #expect(before.count > 300 && before.count == after.count)
        #expect(before.map { Self.offsets($0.expression) } == after.map { Self.offsets($0.expression) })
    }

    @Test func locationsNameThePathReadNow() throws {
        let decoded = try #require(Self.decode(Self.archive, path: "/elsewhere/copy.yaml"))
        #expect(decoded.path == "/elsewhere/copy.yaml")
        #expect(decoded.items.allSatisfy { $0.location.file == "/elsewhere/copy.yaml" })
        #expect(decoded.items.map(\.location.line) == Default.questionnaire.items.map(\.location.line))
        #expect(Self.conditions(decoded).allSatisfy { $0.location.file == "/elsewhere/copy.yaml" })
    }

    @Test func randomCompleteAnswersAssessTheSame() throws {
        let decoded = try #require(Self.decode(Self.archive))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let answers = AnswerSampler.completePath(Default.questionnaire, using: &rng)
            let completed = Date(timeIntervalSince1970: 1_772_359_200)
            #expect(
                Assessor(questionnaire: decoded, today: .machine).assess(answers, completed: completed)
                    == Assessor(questionnaire: Default.questionnaire, today: .machine).assess(answers, completed: completed))
        }
    }

    @Test func anotherBuildOrFileIsRefused() {
        let q = Default.questionnaire
        #expect(QuestionnaireArchive.decode(Self.archive, build: "another build", contentHash: q.contentHash, path: q.path) == nil)
        #expect(QuestionnaireArchive.decode(Self.archive, build: Self.build, contentHash: String(repeating: "0", count: 64), path: q.path) == nil)
        #expect(QuestionnaireArchive.decode(Self.archive, build: "another build", contentHash: nil, path: q.path) == nil)
    }

    /// Without a hash to compare, the archive's own SHA-256 comes back with the questionnaire.
    @Test func withoutAHashTheStoredOneIsKept() throws {
        let decoded = try #require(QuestionnaireArchive.decode(Self.archive, build: Self.build, contentHash: nil, path: Default.path))
        #expect(decoded.contentHash == Default.questionnaire.contentHash)
        #expect(decoded.title == Default.questionnaire.title && decoded.sections == Default.questionnaire.sections)
    }

    @Test func anyDamageIsRefusedWithoutACrash() {
        let archive = Self.archive
        #expect(Self.decode([]) == nil)
        #expect(Self.decode(Array("not an archive".utf8)) == nil)
        // Every length cut short, at a sample of places.
        for length in stride(from: 0, to: archive.count, by: 499) { #expect(Self.decode(Array(archive.prefix(length))) == nil) }
        // One changed byte anywhere: the checksum always sees it.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<Self.cases {
            var damaged = archive
            let index = Int.random(in: 0..<damaged.count, using: &rng)
            damaged[index] ^= UInt8.random(in: 1...255, using: &rng)
            #expect(Self.decode(damaged) == nil, "byte \(index)")
        }
    }

    @Test func aForgedArchiveWithAValidChecksumIsStillReadSafely() {
        // Garbage after the header, sealed with a correct checksum: bounds checks refuse it.
        var rng = SystemRandomNumberGenerator()
        var header = ArchiveWriter()
        header.unsigned(QuestionnaireArchive.formatVersion)
        header.string(Self.build)
        header.string(Default.questionnaire.contentHash)
        for _ in 0..<3 * Self.cases {
            let junk = (0..<Int.random(in: 0..<400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let body = QuestionnaireArchive.magic + header.bytes + junk
            _ = Self.decode(body + QuestionnaireArchive.checksum(body))
        }
    }

    @Test func integersDoublesAndStringsRoundTrip() throws {
        var w = ArchiveWriter()
        let ints = [0, 1, -1, 63, -64, 64, 300, Int.max, Int.min]
        let doubles = [0.0, -0.0, 1.5, -2.25, .infinity, 1e300, .leastNonzeroMagnitude]
        for value in ints { w.int(value) }
        for value in doubles { w.double(value) }
        w.string("Vitamin B12 — ‖ é")
        var r = ArchiveReader(w.bytes)
        #expect(try ints.map { _ in try r.int() } == ints)
        #expect(try doubles.map { _ in try r.double() } == doubles)
        #expect(try r.string() == "Vitamin B12 — ‖ é")
        #expect(r.isAtEnd)
        #expect(throws: ArchiveReader.Malformed.self) { try r.bool() }
    }
}
