import Foundation
import Screening

/// A screening in progress or finished, as saved after every answer.
public struct SessionRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case inProgress
        case completed
        /// The person chose to stop at an emergency warning.
        case stoppedAtEmergency
        /// Every question answered and the person chose to finish: the answers file, the history
        /// and the report are being written. Still resumable until they are, so a program stopped
        /// meanwhile loses nothing: `resume` finishes it.
        case finishing
    }

    public var id: String
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var contentHash: String
    public var questionnairePath: String
    public var name: String?
    public var started: Date
    public var updated: Date
    public var completed: Date?
    public var status: Status
    public var answers: [String: PlainValue]
    /// What each answered item looked like (type and options), to tell whether an answer still fits.
    public var itemSignatures: [String: String]
    public var skipped: [String]
    public var acknowledgedTriggers: [String]
    /// The item being asked when the session was saved.
    public var current: String?

    /// A new session for `questionnaire`, started at `now`.
    public init(questionnaire: Questionnaire, name: String?, now: Date) {
        id = Self.newID(now)
        questionnaireID = questionnaire.id
        questionnaireVersion = questionnaire.version
        contentHash = questionnaire.contentHash
        questionnairePath = URL(fileURLWithPath: questionnaire.path).standardizedFileURL.path
        self.name = name
        started = now
        updated = now
        status = .inProgress
        answers = [:]
        itemSignatures = [:]
        skipped = []
        acknowledgedTriggers = []
    }

    /// Not finished: in progress, stopped at an emergency warning (which may be carried on), or
    /// stopped while it was being finished.
    public var isResumable: Bool { status != .completed }

    static func newID(_ date: Date) -> String {
        "\(UTCTime(date).compact)-\(UInt32.random(in: 0...UInt32.max) & 0xFFFFFF)"
    }

    /// Stores the answers (and their items' shapes) into the record.
    public mutating func store(_ answerSet: AnswerSet, questionnaire: Questionnaire) {
        answers = answerSet.values.mapValues(\.plain)
        itemSignatures = Dictionary(
            uniqueKeysWithValues: answerSet.values.keys.compactMap { id in
                questionnaire.item(id).map { (id, Self.signature(of: $0)) }
            })
    }

    /// The saved answers that still fit `questionnaire` on `today` (a date is judged by the same
    /// day as a typed one), and the ids of those that no longer do (the item is gone, or its type
    /// or options changed).
    public func answerSet(for questionnaire: Questionnaire, today: CalendarDate) -> (answers: AnswerSet, dropped: [String]) {
        var set = AnswerSet()
        var dropped: [String] = []
        for (id, plain) in answers.sorted(by: { $0.key < $1.key }) {
            guard let item = questionnaire.item(id), itemSignatures[id] == nil || itemSignatures[id] == Self.signature(of: item),
                case .success(let answer) = Answer.from(plain, for: item, today: today)
            else {
                dropped.append(id)
                continue
            }
            set[id] = answer
        }
        return (set, dropped)
    }

    /// Type, options and range of an item, as text.
    static func signature(of item: Item) -> String { item.kind.signature }
}
