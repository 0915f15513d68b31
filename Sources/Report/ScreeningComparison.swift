import Foundation
import Screening

/// What changed between a person's last screening and this one: each nutrient's band and score
/// then and now, see-a-doctor warnings and symptoms new or gone, and the scores over up to the
/// last five screenings. Pure. Nutrients and warnings are matched by id; each screening keeps the
/// scores its own questionnaire version gave (nothing is rescored), and a difference of version
/// is stated (`versionDifference`).
public struct ScreeningComparison: Sendable, Equatable {
    /// A screening as compared: when, and with which questionnaire.
    public struct Occasion: Sendable, Equatable {
        public var completed: Date
        public var questionnaireID: String
        public var questionnaireVersion: String
        public var contentHash: String

        public init(completed: Date, questionnaireID: String, questionnaireVersion: String, contentHash: String) {
            self.completed = completed
            self.questionnaireID = questionnaireID
            self.questionnaireVersion = questionnaireVersion
            self.contentHash = contentHash
        }

        init(_ assessment: Assessment) {
            completed = assessment.completed ?? Date(timeIntervalSince1970: 0)
            questionnaireID = assessment.questionnaire.id
            questionnaireVersion = assessment.questionnaire.version
            contentHash = assessment.questionnaire.contentHash
        }
    }

    /// A score and its band.
    public struct Score: Sendable, Equatable {
        public var score: Double
        public var band: Band

        public init(score: Double, band: Band) {
            self.score = score
            self.band = band
        }
    }

    /// One nutrient then and now; nil where that screening's questionnaire did not score it.
    public struct NutrientChange: Sendable, Equatable {
        public var id: String
        public var name: String
        public var then: Score?
        public var now: Score?
        /// The thresholds of this screening's questionnaire (else the last one's).
        public var thresholds: Thresholds

        /// The higher of last time's and this time's band and score.
        var highest: Score {
            [then, now].compactMap { $0 }.max { ($0.band, $0.score) < ($1.band, $1.score) } ?? Score(score: 0, band: .low)
        }

        /// Possible or Likely then or now.
        public var isFlagged: Bool { [then, now].contains { $0?.band.isFlagged ?? false } }
    }

    /// A see-a-doctor warning that fired in one of the two screenings only.
    public struct TriggerChange: Sendable, Equatable {
        public var id: String
        public var urgency: Urgency
        public var message: String
    }

    /// A symptom chosen in one of the two screenings only, in words.
    public struct Symptom: Sendable, Equatable, Hashable {
        /// The item, and for a list answer the option: `symptoms=tingling`.
        public var id: String
        public var label: String
    }

    /// An answer given both times that changed (outside the symptoms, compared on their own), or
    /// a validated questionnaire's result: the question and each time's answer, in words.
    public struct AnswerChange: Sendable, Equatable {
        public var id: String
        public var question: String
        public var then: String
        public var now: String
        /// A validated questionnaire's totals then and now, out of `maximum`.
        public var totals: Totals?
    }

    /// A validated questionnaire's totals, last time and now.
    public struct Totals: Sendable, Equatable {
        public var then: Double
        public var now: Double
        public var maximum: Double
    }

    /// One screening's scores, for the chart.
    public struct TrendPoint: Sendable, Equatable {
        public var occasion: Occasion
        /// By nutrient id.
        public var scores: [String: Score]

        public init(occasion: Occasion, scores: [String: Score]) {
            self.occasion = occasion
            self.scores = scores
        }

        init(_ assessment: Assessment) {
            self.init(
                occasion: Occasion(assessment),
                scores: Dictionary(assessment.nutrients.map { ($0.id, Score(score: $0.score, band: $0.band)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// How the last screening's questionnaire differs from this one's.
    public enum VersionDifference: Sendable, Equatable {
        /// Another questionnaire altogether.
        case questionnaire(id: String, version: String)
        /// Another version of the same questionnaire.
        case version(then: String, now: String)
        /// The same version number, but its content changed.
        case content(version: String)
    }

    public var last: Occasion
    public var current: Occasion
    /// The most concerning either time first (the higher band, then the higher score, of last
    /// time and now), else in this screening's order; those only the last one scored come last
    /// among their equals.
    public var nutrients: [NutrientChange]
    public var newTriggers: [TriggerChange]
    public var goneTriggers: [TriggerChange]
    /// The warnings that fired both times.
    public var keptTriggers: [TriggerChange]
    public var newSymptoms: [Symptom]
    public var goneSymptoms: [Symptom]
    /// False when the two screenings used different questionnaires, or theirs names no symptoms
    /// section: then none are compared.
    public var symptomsCompared: Bool
    /// The validated questionnaires whose result changed, then the other answers given both times
    /// that changed (a supplement started, less alcohol), in this screening's order; empty when the
    /// screenings used different questionnaires.
    public var changedAnswers: [AnswerChange]
    /// Up to the last five screenings, oldest first; this one last.
    public var trend: [TrendPoint]
    public var versionDifference: VersionDifference?
    /// True when the screenings in the chart were scored by more than one questionnaire version.
    public var trendMixesVersions: Bool

    /// How many screenings the chart shows at most.
    public static let trendLength = 5

    /// Compares `current` with the last of `earlier` (oldest first); nil when there is no earlier
    /// screening. Each assessment says which of its answers are symptoms, and names them.
    public init?(earlier: [Assessment], current: Assessment) {
        guard let previous = earlier.last else { return nil }
        self.init(last: previous, before: earlier.dropLast().map(TrendPoint.init), current: current)
    }

    /// Compares `current` with the screening before it, `previous`; the scores of the screenings
    /// before that one (`before`, oldest first) go in the chart only.
    public init(last previous: Assessment, before: [TrendPoint], current: Assessment) {
        last = Occasion(previous)
        self.current = Occasion(current)

        let lastTime = Dictionary(previous.nutrients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nowIDs = Set(current.nutrients.map(\.id))
        let listed =
            current.nutrients.map { nutrient in
                NutrientChange(
                    id: nutrient.id, name: nutrient.name, then: lastTime[nutrient.id].map { Score(score: $0.score, band: $0.band) },
                    now: Score(score: nutrient.score, band: nutrient.band), thresholds: nutrient.thresholds)
            }
            + previous.nutrients.filter { !nowIDs.contains($0.id) }.map { nutrient in
                NutrientChange(
                    id: nutrient.id, name: nutrient.name, then: Score(score: nutrient.score, band: nutrient.band), now: nil,
                    thresholds: nutrient.thresholds)
            }
        nutrients = listed.enumerated().sorted { a, b in
            let (x, y) = (a.element.highest, b.element.highest)
            return (x.band, x.score, -a.offset) > (y.band, y.score, -b.offset)
        }.map(\.element)

        let change = { (trigger: Assessment.TriggerResult) in TriggerChange(id: trigger.id, urgency: trigger.urgency, message: trigger.message) }
        let firedBefore = Set(previous.triggers.map(\.id))
        let firedNow = Set(current.triggers.map(\.id))
        newTriggers = current.triggers.filter { !firedBefore.contains($0.id) }.map(change)
        keptTriggers = current.triggers.filter { firedBefore.contains($0.id) }.map(change)
        goneTriggers = previous.triggers.filter { !firedNow.contains($0.id) }.map(change)

        if previous.questionnaire.id == current.questionnaire.id, let before = Self.symptoms(of: previous), let now = Self.symptoms(of: current) {
            // By id: each named as the screening it was chosen in names it.
            let (beforeIDs, nowIDs) = (Set(before.map(\.id)), Set(now.map(\.id)))
            newSymptoms = now.filter { !beforeIDs.contains($0.id) }
            goneSymptoms = before.filter { !nowIDs.contains($0.id) }
            symptomsCompared = true
        } else {
            (newSymptoms, goneSymptoms, symptomsCompared) = ([], [], false)
        }

        changedAnswers = Self.changedAnswers(from: previous, to: current)

        trend = Array((before + [TrendPoint(previous), TrendPoint(current)]).suffix(Self.trendLength))
        trendMixesVersions = Set(trend.map { $0.occasion.questionnaireID + " " + $0.occasion.contentHash }).count > 1

        if last.questionnaireID != self.current.questionnaireID {
            versionDifference = .questionnaire(id: last.questionnaireID, version: last.questionnaireVersion)
        } else if last.questionnaireVersion != self.current.questionnaireVersion {
            versionDifference = .version(then: last.questionnaireVersion, now: self.current.questionnaireVersion)
        } else if last.contentHash != self.current.contentHash {
            versionDifference = .content(version: last.questionnaireVersion)
        } else {
            versionDifference = nil
        }
    }

    /// The symptoms an assessment's answers name: in its symptoms section, each option chosen
    /// (but a "none" option) and each yes-or-no item answered yes, in asking order; nil when its
    /// questionnaire names no symptoms section.
    static func symptoms(of assessment: Assessment) -> [Symptom]? {
        guard let section = assessment.report.symptoms else { return nil }
        var symptoms: [Symptom] = []
        for answer in assessment.answers(inSection: section) {
            switch answer.value {
            case .bool(true):
                symptoms.append(Symptom(id: answer.id, label: answer.label))
            case .list:
                for option in answer.options where !option.exclusive {
                    symptoms.append(Symptom(id: "\(answer.id)=\(option.value)", label: "\(answer.label): \(option.label)"))
                }
            default: continue
            }
        }
        return symptoms
    }

    /// Instrument results that changed, then answers given both times that changed, outside the
    /// symptoms section; none between different questionnaires.
    static func changedAnswers(from previous: Assessment, to current: Assessment) -> [AnswerChange] {
        guard previous.questionnaire.id == current.questionnaire.id else { return [] }
        let instrumentsBefore = Dictionary(previous.instruments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let instruments = current.instruments.compactMap { now -> AnswerChange? in
            guard let then = instrumentsBefore[now.id], then.total != now.total || then.result != now.result else { return nil }
            return AnswerChange(
                id: now.id, question: now.name, then: then.result, now: now.result,
                totals: Totals(then: then.total, now: now.total, maximum: now.maximum))
        }
        let answersBefore = Dictionary(previous.answers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let answers = current.answers.compactMap { now -> AnswerChange? in
            // Symptoms are compared on their own; a calculated answer (the age) follows the calendar.
            guard now.section != current.report.symptoms, !now.calculated, let then = answersBefore[now.id], then.value != now.value
            else { return nil }
            return AnswerChange(id: now.id, question: now.label, then: then.answer, now: now.answer, totals: nil)
        }
        return instruments + answers
    }

    /// The nutrients the chart follows: those flagged (Possible or Likely) in any screening it
    /// shows, in this screening's order.
    public var chartedNutrients: [NutrientChange] {
        nutrients.filter { nutrient in trend.contains { $0.scores[nutrient.id]?.band.isFlagged ?? false } }
    }
}
