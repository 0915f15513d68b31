import Foundation
import Localization
import PrivateFiles
import Screening

/// Runs a screening as a plain, line-based conversation that works with screen readers and
/// piped input. It saves after every answer, so nothing typed is ever lost.
///
/// It speaks the questionnaire's language. Commands at any prompt, in English (the keys of each
/// language are in its messages, `keys`): `b` back, `?` why we ask, `s` skip (optional items),
/// `r` review, `q` save and quit.
public final class Interviewer {
    /// How the conversation ended.
    public enum Outcome: Equatable {
        /// Every shown question answered (or skipped) and the review confirmed.
        case completed(AnswerSet)
        /// `q`: saved, to resume later.
        case quit
        /// Input ended before the screening was finished: saved, to resume later.
        case endOfInput
        /// The person chose to stop at an emergency warning.
        case stoppedAtEmergency([FiredTrigger])
    }

    public let questionnaire: Questionnaire
    public internal(set) var record: SessionRecord
    var answers: AnswerSet
    var skipped: Set<String>
    let navigator: Navigator
    let messages: Messages
    let console: Console
    let style: TextStyle
    let save: (SessionRecord) throws(PrivateFile.WriteError) -> Void
    /// The interview's clock: the day typed and resumed dates are judged on, and when saves happen.
    let clock: Clock
    var warnedAboutSaving = false
    /// Why the latest save failed, or nil when it succeeded (or nothing was saved yet): nothing
    /// may claim the answers are saved unless this is nil.
    public private(set) var lastSaveFailure: String?
    /// False until a save succeeds: leaving before the first answer writes no empty session.
    public private(set) var hasSaved = false
    var shownDisplays: Set<String> = []
    /// True after `b`: Enter and answers then walk forward one question at a time, until the
    /// person is back at questions not yet answered.
    var walkingBack = false
    /// Answers that dropped out when an earlier answer hid their question, offered back if it
    /// is shown again.
    var setAside = AnswerSet()

    /// - Parameters:
    ///   - save: called after every change; a failure is reported to the person once, not fatal.
    public init(
        questionnaire: Questionnaire, record: SessionRecord, answers: AnswerSet, console: Console, style: TextStyle = TextStyle(enabled: false),
        clock: Clock, save: @escaping (SessionRecord) throws(PrivateFile.WriteError) -> Void
    ) {
        self.questionnaire = questionnaire
        self.record = record
        self.answers = answers
        self.skipped = Set(record.skipped)
        self.navigator = Navigator(questionnaire: questionnaire, pruning: true)
        self.messages = questionnaire.messages
        self.console = console
        self.style = style
        self.clock = clock
        self.save = save
    }

    /// What one prompt produced.
    enum Reply {
        case answer(Answer)
        case keep, skip, back, review, quit, endOfInput
    }

    /// Asks until the screening is complete, the person quits, or input ends. With
    /// `askingForName`, a new screening first asks for the name to print on the report.
    public func run(askingForName: Bool = false) -> Outcome {
        if askingForName, record.name == nil, answers.isEmpty, let stop = askForName() { return stop }
        var current = Self.resumePoint(of: record, answers: answers, navigator: navigator)
        while true {
            guard let item = current else {
                // Nothing left to ask: review, then finish.
                switch review(final: true) {
                case .finish:
                    // Completed once the answers file, the history and the report are written
                    // (the caller marks it); a first finish stopped midway keeps its time, so
                    // finishing again keeps the same screening.
                    record.status = .finishing
                    record.completed = record.completed ?? clock.now
                    record.current = nil
                    persist()
                    return .completed(navigator.effectiveAnswers(answers))
                case .change(let id): current = questionnaire.item(id)
                case .back:
                    walkingBack = true
                    current = navigator.questionsToAsk(answers).last
                case .quit: return leave(.quit)
                case .endOfInput: return leave(.endOfInput)
                }
                continue
            }
            record.current = item.id
            switch ask(item) {
            case .answer(let answer):
                answers[item.id] = answer
                skipped.remove(item.id)
                dropHiddenAnswers()
                current = advance(from: item)
                record.current = current?.id
                persist()
                switch checkEmergencies() {
                case .carryOn: break
                case .end(let outcome): return outcome
                case .back:
                    // A slip of the finger: back to the answer that raised the warning.
                    current = item
                    record.current = item.id
                }
            case .keep:
                current = advance(from: item)
            case .skip:
                skipped.insert(item.id)
                answers[item.id] = nil
                current = navigator.next(after: item.id, answers: answers, skipped: skipped)
                record.current = current?.id
                persist()
            case .back:
                if let previous = navigator.previous(before: item.id, answers: answers) {
                    walkingBack = true
                    current = previous
                } else {
                    console.line(style.dim(messages.interview.firstQuestion))
                }
            case .review:
                switch review(final: false) {
                case .finish: break
                case .change(let id):
                    walkingBack = false
                    current = questionnaire.item(id)
                case .back: break
                case .quit: return leave(.quit)
                case .endOfInput: return leave(.endOfInput)
                }
            case .quit: return leave(.quit)
            case .endOfInput: return leave(.endOfInput)
            }
        }
    }

    /// The question a session goes on with: the one it was at when saved, if still shown, else
    /// the first one without an answer or a skip; nil when only the final review is left.
    static func resumePoint(of record: SessionRecord, answers: AnswerSet, navigator: Navigator) -> Item? {
        if let id = record.current, let item = navigator.questionnaire.item(id), navigator.visibleItems(answers).contains(item) { return item }
        return navigator.next(after: nil, answers: answers, skipped: Set(record.skipped))
    }

    /// The question after `item`: the very next one while walking forward after `b`, else the
    /// next one not answered yet.
    func advance(from item: Item) -> Item? {
        guard walkingBack else { return navigator.next(after: item.id, answers: answers, skipped: skipped) }
        let following = navigator.following(item.id, answers: answers, skipped: skipped)
        if following.map({ answers[$0.id] == nil }) ?? true { walkingBack = false }
        return following
    }

    /// Answers to items that an earlier answer has hidden drop out, so if the item is shown
    /// again it is asked again rather than silently reusing a stale answer; they are set aside
    /// and offered back as the current answer.
    /// Sets aside answers an earlier answer hid, and works out calculated items (an age from a
    /// date of birth) for today.
    func dropHiddenAnswers() {
        let (visible, effective) = navigator.walk(answers)
        for (id, answer) in answers.values where effective[id] == nil { setAside[id] = answer }
        answers = navigator.calculating(effective, on: clock.today.day)
        skipped.formIntersection(visible.map(\.id))
    }

    // MARK: Asking

    func ask(_ item: Item) -> Reply {
        showDisplays(before: item)
        let progress = navigator.progress(at: item, answers: answers)
        let words = messages.interview
        let keys = messages.keys
        console.line()
        console.line(
            style.dim(
                words.progress(
                    section: progress.sectionTitle, sectionNumber: progress.sectionNumber, sectionCount: progress.sectionCount,
                    number: progress.questionNumber, count: progress.questionCount)))
        console.line(style.bold(item.text))
        for (index, choice) in item.kind.choices(messages).enumerated() { console.line("  \(index + 1). \(choice)") }
        let existing = answers[item.id] ?? setAside[item.id]
        if let existing {
            // A free-text answer may end with its own full stop: the sentence adds one. Escaped,
            // as it may come from a session file another program wrote.
            var shown = Printable.escaped(existing.display(for: item, messages))
            if shown.hasSuffix(".") { shown.removeLast() }
            console.line(answers[item.id] == nil ? words.earlierAnswer(answer: shown) : words.currentAnswer(answer: shown))
        }
        console.line(style.dim(hint(for: item)))
        while true {
            console.write("> ")
            guard let input = console.readLine() else {
                console.line()
                return .endOfInput
            }
            let typed = input.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                if let existing {
                    if answers[item.id] == nil { return .answer(existing) }
                    return .keep
                }
            } else if Messages.isOne(of: keys.back, typed) {
                return .back
            } else if Messages.isOne(of: keys.review, typed) {
                return .review
            } else if Messages.isOne(of: keys.quit, typed) {
                return .quit
            } else if Messages.isOne(of: keys.help, typed) {
                console.line(item.help.map { words.whyWeAsk(help: $0) } ?? words.noHelp)
                continue
            } else if Messages.isOne(of: keys.skip, typed) {
                if item.required {
                    let unsure = (item.kind as? BooleanKind)?.allowsUnsure == true
                    console.line(unsure ? words.cannotSkipUnsure : words.cannotSkip)
                    continue
                }
                return .skip
            }
            switch item.kind.parse(typed: typed, messages, today: clock.today.day) {
            case .success(let answer): return .answer(answer)
            case .failure(let problem): console.line(problem.message)
            }
        }
    }

    func hint(for item: Item) -> String {
        let keys = messages.keys
        let commands =
            item.required
            ? messages.interview.commands(back: keys.back[0], help: keys.help[0], review: keys.review[0], quit: keys.quit[0])
            : messages.interview.commandsWithSkip(
                back: keys.back[0], help: keys.help[0], skip: keys.skip[0], review: keys.review[0], quit: keys.quit[0])
        return item.kind.typingHint(messages) + " " + commands
    }

    /// Shows display text that comes right before `item` in its section, once per run.
    func showDisplays(before item: Item) {
        guard let section = questionnaire.section(of: item.id), let index = section.items.firstIndex(of: item) else { return }
        let visible = Set(navigator.visibleItems(answers).map(\.id))
        var displays: [Item] = []
        for earlier in section.items[..<index].reversed() {
            guard !earlier.takesAnswer else { break }
            displays.insert(earlier, at: 0)
        }
        for display in displays where visible.contains(display.id) && !shownDisplays.contains(display.id) {
            shownDisplays.insert(display.id)
            console.line()
            console.line(style.bold(display.text))
        }
    }

    // MARK: The name

    /// Asks for the name on the report; Enter leaves it off. Returns how the run ends when the
    /// person quits or input ends here (nothing is saved yet).
    func askForName() -> Outcome? {
        console.line()
        let words = messages.interview
        console.line(style.bold(words.namePrompt))
        console.line(style.dim(words.nameHint(quit: messages.keys.quit[0])))
        while true {
            console.write("> ")
            guard let input = console.readLine() else {
                console.line()
                return .endOfInput
            }
            let typed = input.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { return nil }
            if Messages.isOne(of: messages.keys.quit, typed) { return .quit }
            if let problem = AnswersDocument.nameProblem(typed, messages) {
                console.line(words.nameRetry(problem: problem))
                continue
            }
            record.name = typed
            return nil
        }
    }

    // MARK: Saving

    func leave(_ outcome: Outcome) -> Outcome {
        let givenAnything = !answers.isEmpty || !skipped.isEmpty || !record.acknowledgedTriggers.isEmpty
        if givenAnything || hasSaved { persist() }
        return outcome
    }

    func persist() {
        record.store(answers, questionnaire: questionnaire)
        record.skipped = skipped.sorted()
        record.updated = clock.now
        do throws(PrivateFile.WriteError) {
            try save(record)
            lastSaveFailure = nil
            hasSaved = true
        } catch {
            let reason = error.message(messages)
            lastSaveFailure = reason
            if !warnedAboutSaving {
                console.line(style.alert(messages.interview.saveFailed(reason: reason)))
                warnedAboutSaving = true
            }
        }
    }
}
