import Foundation
import Localization
import Screening

/// Turns an assessment into the report's document: what to say, in the order a doctor reads it,
/// in the assessment's language. It decides nothing clinical; every band, trigger, reason and
/// test comes from the assessment.
///
/// Page 1 carries the visit: who, why they came, the triage with the answers behind it, the
/// flagged nutrients with their strongest reasons, the tests to discuss, medicines and supplements,
/// and the warning signs ruled out. Then one compact section per flagged nutrient, other causes,
/// the validated questionnaires, a part for the person, the answers the evidence does not already
/// show, a notes box and the numbered references. `ReportDetail.full` says everything in full.
///
/// Items and sections it reads by convention, for display only: see `ReportConventions`.
public struct ReportBuilder {
    public let assessment: Assessment
    public let questionnaire: Questionnaire
    public var creator: String
    public var created: Date
    public var detail: ReportDetail
    /// The zone the completion time is shown in; nil for the system's clock (which follows `TZ`).
    public var timeZone: TimeZone?
    public var conventions: ReportConventions
    /// What changed since the person's last screening, when there was one (see `sinceLastScreening`).
    public var comparison: ScreeningComparison?
    /// The program's words, in the assessment's language.
    let messages: Messages
    private var words: Messages.Report { messages.report }

    public init(
        assessment: Assessment, questionnaire: Questionnaire, creator: String, created: Date, detail: ReportDetail = .short,
        timeZone: TimeZone? = nil, conventions: ReportConventions = .standard, comparison: ScreeningComparison? = nil
    ) {
        self.assessment = assessment
        self.questionnaire = questionnaire
        self.creator = creator
        self.created = created
        self.detail = detail
        self.timeZone = timeZone
        self.conventions = conventions
        self.comparison = comparison
        self.messages = Messages(assessment.language)
    }

    /// The moment the screening was completed (else the creation date).
    private var completed: Date { assessment.completed.flatMap(ISO8601.parse) ?? created }

    public func document() -> ReportDocument {
        let dateText = LocalTime(completed, in: timeZone).readable(messages)
        var blocks: [Block] = []
        blocks += header(dateText)
        blocks += whyTheyCame()
        blocks += triage()
        blocks += flaggedNutrients()
        blocks += testsToDiscuss()
        blocks += medicines()
        blocks += sinceLastScreening()
        for nutrient in assessment.flaggedNutrients { blocks += section(for: nutrient) }
        blocks += otherCauses()
        blocks += instruments()
        blocks += forThePerson()
        blocks += answersAppendix()
        blocks += closing()
        let person = assessment.name.map { " — \(Self.isolated($0))" } ?? ""
        // Document metadata is plain text that viewers show in their own way: no isolates there,
        // and no bidi controls at all.
        let plainPerson =
            assessment.name.map { " — " + String(String.UnicodeScalarView($0.unicodeScalars.filter { !Self.isBidiControl($0) })) } ?? ""
        return ReportDocument(
            metadata: .init(
                title: words.documentTitle + plainPerson, subject: words.documentSubject,
                keywords: (["NutriScreen", words.keyword] + assessment.nutrients.map(\.name)).joined(separator: ", "),
                creator: creator, created: created),
            runningHeader: words.runningHeader(title: words.documentTitle + person, date: dateText),
            runningFooter: words.runningFooter,
            blocks: blocks, language: assessment.language)
    }

    // MARK: Helpers

    /// The right end of a chart's bars: at least the highest score, and 3 past the highest
    /// Likely threshold so its tick never sits on the end.
    static func barScale(scores: [Double], likely: [Double]) -> Double { (scores + likely.map { $0 + 3 }).max() ?? 10 }

    /// A line of small grey explanatory text.
    func smallPrint(_ text: String, gray: Double = 0.25) -> Block {
        .paragraph(Paragraph([TextRun(text)], style: .small, gray: gray))
    }

    /// The numbers of the cited references, as "[1, 4]"; empty when none is cited.
    private func citation(_ keys: [String]) -> String {
        let numbers = Set(keys.compactMap { key in assessment.references.firstIndex { $0.id == key }.map { $0 + 1 } }).sorted()
        return numbers.isEmpty ? "" : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    private func answered(_ id: String) -> Assessment.AnsweredItem? { assessment.answers.first { $0.id == id } }

    /// The label of an item in summaries: its short text, else its question.
    private func label(_ answer: Assessment.AnsweredItem) -> String { questionnaire.item(answer.id)?.shortText ?? answer.question }

    /// Text a person typed (a name, an answer), wrapped in a Unicode isolate (FSI … PDI), so
    /// right-to-left text, or a right-to-left override left open, is laid out on its own and
    /// cannot reorder the words around it (the header, the page's running header).
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// The explicit bidi formatting characters: embeddings, overrides, isolates and marks.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }

    /// An answer as shown: typed text isolated, a "None of these" kept as it is.
    private func shown(_ answer: Assessment.AnsweredItem) -> String {
        if questionnaire.item(answer.id)?.kind is TextKind { return Self.isolated(answer.answer) }
        return answer.answer
    }

    /// Whether an answer says "nothing here": no, or only an exclusive "none" option.
    private func isNegative(_ answer: Assessment.AnsweredItem) -> Bool {
        switch answer.value {
        case .bool(let value): return !value
        case .list(let values):
            guard let item = questionnaire.item(answer.id) else { return false }
            return values.isEmpty || values.allSatisfy { value in item.option(value)?.exclusive == true }
        default: return false
        }
    }

    /// Labelled answers run together in one paragraph: "**Label:** answer. **Label:** answer."
    private func runIn(_ answers: [Assessment.AnsweredItem], style: FontStyle) -> Block {
        var runs: StyledText = []
        for answer in answers {
            if !runs.isEmpty { runs.append(TextRun("  ")) }
            runs += [TextRun(words.labelled(text: label(answer)) + "\u{00A0}", bold: true), TextRun(shown(answer) + ".")]
        }
        return .paragraph(Paragraph(runs, style: style))
    }

    func heading(_ level: Int, _ text: String, _ destination: String) -> Block {
        .heading(Heading(level: level, text: text, destination: destination))
    }

    // MARK: Page 1: who

    private func header(_ date: String) -> [Block] {
        var facts: StyledText = []
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if !facts.isEmpty { facts.append(TextRun("     ")) }
            // Each fact stays on one line where it fits: no-break spaces inside a date or a name
            // (a fact wider than the whole line still breaks, between characters).
            let unbroken = { (text: String) in text.replacingOccurrences(of: " ", with: "\u{00A0}") }
            facts += [TextRun(unbroken(words.labelled(text: label)) + "\u{00A0}", bold: true), TextRun(unbroken(value))]
        }
        fact(words.name, assessment.name.map(Self.isolated))
        if let born = answered(conventions.birthDate) {
            let text: String
            let day = CalendarDate(completed, in: timeZone)
            if case .string(let iso) = born.value, let birth = CalendarDate(iso: iso), birth <= day {
                text = words.birthAndAge(date: birth.readable(messages), age: birth.years(until: day))
            } else {
                text = born.answer
            }
            fact(label(born), text)
        } else if let age = answered(conventions.age) {
            fact(label(age), age.answer)
        }
        if let sex = answered(conventions.sex) { fact(label(sex), sex.answer) }
        fact(words.completed, date)
        fact(words.questionnaire, "\(assessment.questionnaire.id) \(assessment.questionnaire.version)")
        return [
            heading(0, words.title, "top"),
            smallPrint(words.forTheClinician, gray: 0.25),
            .paragraph(Paragraph(facts, style: .body)),
        ]
    }

    // MARK: Page 1: why they came

    private func whyTheyCame() -> [Block] {
        let symptoms = assessment.answers.filter { questionnaire.section(of: $0.id)?.id == conventions.symptomsSection }
        let present = symptoms.filter { !isNegative($0) }
        let absent = symptoms.filter(isNegative)
        var blocks: [Block] = [heading(2, words.whyTheyCame, "why")]
        if present.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(words.noSymptom)], style: .small)))
        } else {
            blocks.append(runIn(present, style: .small))
        }
        if !absent.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.labelled(text: words.answeredNo) + " ", bold: true),
                            TextRun(absent.map(label).joined(separator: "; ") + "."),
                        ],
                        style: .fine, gray: 0.2)))
        }
        // Free text the person wrote for the doctor, in their own words.
        let written = assessment.answers.filter { questionnaire.item($0.id)?.kind is TextKind }
        for answer in written {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: label(answer)) + " ", bold: true), TextRun(words.quoted(text: Self.isolated(answer.answer)))],
                        style: .small)
                ))
        }
        return blocks
    }

    // MARK: Page 1: triage

    private func triage() -> [Block] {
        var paragraphs: [Paragraph] = []
        let symbol: String
        let border: Double
        let fill: Double
        let title: String
        if let level = assessment.triage.level {
            (symbol, border, fill) =
                switch level {
                case .emergency: ("⚠", 3, 0.86)
                case .urgent: ("!", 2, 0.91)
                case .routine: ("i", 1.2, 0.96)
                }
            title = assessment.triage.headline
            for trigger in assessment.triggers {
                paragraphs.append(
                    Paragraph(
                        [
                            TextRun(words.labelled(text: trigger.urgency.name(messages)) + " ", bold: true),
                            TextRun([trigger.message, citation(trigger.references)].filter { !$0.isEmpty }.joined(separator: " ")),
                        ], style: .small))
                if !trigger.evidence.isEmpty {
                    paragraphs.append(
                        Paragraph(
                            [
                                TextRun(words.labelled(text: words.because) + " ", bold: true),
                                TextRun(trigger.evidence.map { "\($0.question): \(Self.isolated($0.answer))" }.joined(separator: " · ")),
                            ], style: .fine, gray: 0.2))
                }
            }
        } else {
            (symbol, border, fill) = ("✓", 0.8, 0.97)
            title = words.noWarningTitle
            paragraphs.append(Paragraph([TextRun(words.noWarning)], style: .small))
        }
        // Warning signs asked of everyone and answered "none": what the clinician can see was ruled out.
        let ruledOut = assessment.answers.filter { questionnaire.section(of: $0.id)?.id == conventions.warningSignsSection && isNegative($0) }
            .compactMap { questionnaire.item($0.id) }
        if !ruledOut.isEmpty {
            let signs = ruledOut.flatMap { $0.options.filter { !$0.exclusive }.map(\.label) }
            paragraphs.append(
                Paragraph(
                    [TextRun(words.labelled(text: words.warningSignsNo) + " ", bold: true), TextRun(signs.joined(separator: "; ") + ".")],
                    style: .fine,
                    gray: 0.2))
        }
        return [.callout(Callout(symbol: symbol, title: title, paragraphs: paragraphs, borderWidth: border, fillGray: fill))]
    }

    // MARK: Page 1: flagged nutrients

    /// The strongest reasons for a nutrient: one or two, fewer when many nutrients are flagged.
    private func strongestReasons(_ nutrient: Assessment.NutrientResult) -> [String] {
        let count = assessment.flaggedNutrients.count > 3 ? 1 : 2
        return nutrient.supporting.prefix(count).map { "+\(messages.number($0.points)) \($0.reason)" }
    }

    private func chartRow(_ nutrient: Assessment.NutrientResult, reasons: Bool) -> ScoreChart.Row {
        let band = nutrient.band.label(messages)
        let score = messages.number(nutrient.score)
        return ScoreChart.Row(
            name: nutrient.name, score: nutrient.score, possible: nutrient.thresholds.possible, likely: nutrient.thresholds.likely,
            band: nutrient.band, bandText: "\(band) (\(score))", link: nutrient.band.isFlagged ? "nutrient-\(nutrient.id)" : nil,
            linkText: words.goToSection(name: nutrient.name), reasons: reasons ? strongestReasons(nutrient) : [],
            alternativeText: words.barText(name: nutrient.name, score: score, band: band, thresholds: thresholds(nutrient)))
    }

    /// "Possible from 4, Likely from 7".
    private func thresholds(_ nutrient: Assessment.NutrientResult) -> String {
        words.thresholds(possible: messages.number(nutrient.thresholds.possible), likely: messages.number(nutrient.thresholds.likely))
    }

    private func flaggedNutrients() -> [Block] {
        var blocks: [Block] = [heading(2, words.flaggedNutrients, "summary")]
        let flagged = assessment.flaggedNutrients
        let low = assessment.nutrients.filter { !$0.band.isFlagged }
        let scale = Self.barScale(scores: assessment.nutrients.map(\.score), likely: assessment.nutrients.map(\.thresholds.likely))
        if flagged.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(words.noneFlagged)], style: .small)))
        } else {
            // The long form charts every nutrient; the short one names the others in a line.
            let rows = detail == .full ? assessment.nutrients : flagged
            let columns = [words.nutrientColumn, words.scoreColumn, words.bandColumn, words.reasonsColumn]
            blocks.append(
                .scoreChart(
                    ScoreChart(rows: rows.map { chartRow($0, reasons: $0.band.isFlagged) }, columnTitles: columns, scale: scale)))
        }
        if !low.isEmpty, detail == .short || flagged.isEmpty {
            blocks.append(
                smallPrint(words.notFlagged(nutrients: low.map { "\($0.name) \(messages.number($0.score))" }.joined(separator: ", ")), gray: 0.25))
        }
        return blocks
    }

    // MARK: Page 1: tests

    /// What each id the tests serve is called: a nutrient's name, or "other causes".
    private var servedNames: [String: String] {
        Dictionary(
            assessment.nutrients.map { ($0.id, $0.name) } + assessment.otherCauses.map { ($0.id, Self.otherCauseName($0, messages)) },
            uniquingKeysWith: { a, _ in a })
    }

    /// A short name for an other cause: the first words of its text, up to a comma or to the
    /// verb the language's `causeNameEnds` lists (" is ", " can ").
    static func otherCauseName(_ cause: Assessment.OtherCauseResult, _ messages: Messages) -> String {
        var name = cause.text.split(separator: ",", maxSplits: 1).first.map(String.init) ?? cause.text
        for end in messages.report.causeNameEnds { name = name.components(separatedBy: " \(end) ").first ?? name }
        return name.count <= 40 ? name : messages.report.anotherCause
    }

    private func testsToDiscuss() -> [Block] {
        var blocks: [Block] = [heading(2, words.testsToDiscuss, "tests")]
        if assessment.tests.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(words.noTests)], style: .small)))
            return blocks
        }
        let names = servedNames
        let items: [StyledText] = assessment.tests.map { test in
            var serves: [String] = []
            for id in test.for where !serves.contains(names[id] ?? id) { serves.append(names[id] ?? id) }
            return [TextRun(test.name), TextRun(" — " + serves.joined(separator: ", "), bold: false)]
        }
        blocks.append(.checklist(Checklist(items: items, columns: 2, style: .fine)))
        return blocks
    }

    // MARK: Page 1: medicines

    private func medicines() -> [Block] {
        let answers = assessment.answers.filter { questionnaire.section(of: $0.id)?.id == conventions.medicinesSection }
        guard !answers.isEmpty else { return [] }
        return [heading(2, words.medicines, "medicines"), runIn(answers, style: .small)]
    }

    // MARK: One section per flagged nutrient

    private func section(for nutrient: Assessment.NutrientResult) -> [Block] {
        let id = "nutrient-\(nutrient.id)"
        var blocks: [Block] = [
            heading(1, "\(nutrient.name): \(nutrient.band.label(messages))", id),
            .paragraph(
                Paragraph(
                    [
                        TextRun(nutrient.summary + " "), TextRun(words.score(score: messages.number(nutrient.score)), bold: true),
                        TextRun(" " + words.scoreNote(thresholds: thresholds(nutrient))),
                    ], style: .small)),
        ]
        let reasons = nutrient.supporting + nutrient.contrary
        let rows = reasons.map { reason -> [String] in
            let answers = reason.evidence.map { "\($0.question): \(Self.isolated($0.answer))" }
            return [
                (reason.points > 0 ? "+" : "") + messages.number(reason.points), kindName(reason.kind),
                [reason.reason, citation(reason.references)].filter { !$0.isEmpty }.joined(separator: " "),
                answers.joined(separator: "; "),
            ]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init(words.pointsColumn, share: 0.08, alignRight: true), .init(words.kindColumn, share: 0.1),
                        .init(words.evidenceColumn, share: 0.44), .init(words.saidColumn, share: 0.38),
                    ], rows: rows, compact: detail == .short)))
        if detail == .full, !nutrient.uncounted.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.uncounted + " ", bold: true),
                            TextRun(words.uncountedWhy(name: nutrient.name) + " " + nutrient.uncounted.map(\.reason).joined(separator: " ")),
                        ], style: .small)))
        }
        if !nutrient.tests.isEmpty {
            // Page 1 gives each test in full; here its name up to any bracket or colon will do.
            let names = nutrient.tests.compactMap { id in assessment.tests.first { $0.id == id }?.name ?? questionnaire.test(id)?.name }
                .map { detail == .full ? $0 : String($0.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces) }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: words.tests) + " ", bold: true), TextRun(names.joined(separator: "; ") + ".")], style: .small)))
        }
        if !nutrient.notes.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: words.notes) + " ", bold: true), TextRun(nutrient.notes.joined(separator: " "))], style: .small)
                ))
        }
        return blocks
    }

    /// What a rule rests on, in a word: risk, sign or symptom.
    private func kindName(_ kind: RuleKind) -> String {
        switch kind {
        case .risk: words.risk
        case .sign: words.sign
        case .symptom: words.symptom
        }
    }

    // MARK: Other causes and instruments

    private func otherCauses() -> [Block] {
        guard !assessment.otherCauses.isEmpty else { return [] }
        var blocks: [Block] = [heading(1, words.otherCauses, "other-causes")]
        let names = Dictionary(assessment.tests.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for cause in assessment.otherCauses {
            let tests = cause.tests.compactMap { names[$0] }
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun("• " + [cause.text, citation(cause.references)].filter { !$0.isEmpty }.joined(separator: " "))]
                            + (tests.isEmpty
                                ? []
                                : [TextRun(" " + words.labelled(text: words.test) + " ", bold: true), TextRun(tests.joined(separator: "; ") + ".")]),
                        style: .small)))
        }
        return blocks
    }

    private func instruments() -> [Block] {
        guard !assessment.instruments.isEmpty else {
            return detail == .full
                ? [
                    heading(1, words.instruments, "instruments"),
                    .paragraph(Paragraph([TextRun(words.noInstruments)], style: .small)),
                ] : []
        }
        var blocks: [Block] = [heading(detail == .full ? 1 : 2, words.instruments, "instruments")]
        if detail == .short {
            // One line each: the total and what it means; the cut-offs are in the long form.
            for instrument in assessment.instruments {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [
                                TextRun(words.labelled(text: instrument.name) + " ", bold: true),
                                TextRun(
                                    words.instrumentResult(total: outOf(instrument), result: instrument.result) + " "
                                        + [instrument.meaning, citation(instrument.references)].filter { !$0.isEmpty }.joined(separator: " ")),
                            ], style: .small)))
            }
            return blocks
        }
        let rows = assessment.instruments.map {
            [
                $0.name, outOf($0), $0.cutoff,
                [$0.result + ". " + $0.meaning, citation($0.references)].filter { !$0.isEmpty }.joined(separator: " "),
            ]
        }
        blocks.append(
            .table(
                Table(
                    columns: [
                        .init(words.questionnaireColumn, share: 0.2), .init(words.totalColumn, share: 0.1), .init(words.cutoffColumn, share: 0.28),
                        .init(words.resultColumn, share: 0.42),
                    ], rows: rows)))
        return blocks
    }

    /// "9 of 13".
    private func outOf(_ instrument: Assessment.InstrumentResult) -> String {
        words.outOf(total: messages.number(instrument.total), maximum: messages.number(instrument.maximum))
    }

    // MARK: The part for the person

    private func forThePerson() -> [Block] {
        var blocks: [Block] = [
            heading(1, words.forYou, "for-you"),
            smallPrint(
                words.forYouIntro
                    + (assessment.tests.isEmpty || detail == .full ? "" : " " + words.askWhichTests(count: assessment.tests.count)),
                gray: 0.2),
        ]
        if !assessment.tests.isEmpty, detail == .full {
            blocks.append(heading(2, words.whatToAsk, "ask"))
            do {
                for test in assessment.tests {
                    blocks.append(.paragraph(Paragraph([TextRun("• \(test.name). ", bold: true), TextRun(test.why)], style: .small)))
                }
            }
        }
        let withFoods = assessment.flaggedNutrients.filter { !$0.foods.isEmpty }
        if !withFoods.isEmpty {
            blocks.append(heading(2, words.foods, "foods"))
            for nutrient in withFoods {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [TextRun(words.labelled(text: nutrient.name) + " ", bold: true), TextRun(nutrient.foods.joined(separator: "; ") + ".")],
                            style: .small)
                    ))
            }
        }
        if !assessment.advice.isEmpty {
            blocks.append(heading(2, words.lookingAfterYourself, "advice"))
            for item in assessment.advice {
                blocks.append(
                    .paragraph(
                        Paragraph(
                            [TextRun("• " + [item.text, citation(item.references)].filter { !$0.isEmpty }.joined(separator: " "))], style: .small)))
            }
        }
        return blocks.count > 2 ? blocks : []
    }

    // MARK: Appendix: the answers

    /// Every answer, two to a row; in the short form without those page 1 and the evidence tables
    /// already show.
    private func answersAppendix() -> [Block] {
        let shownInEvidence = Set(assessment.flaggedNutrients.flatMap { ($0.supporting + $0.contrary).flatMap { $0.evidence.map(\.itemID) } })
        let onPageOne = [conventions.symptomsSection, conventions.medicinesSection, conventions.warningSignsSection]
        let shownAbove = { (answer: Assessment.AnsweredItem) in
            shownInEvidence.contains(answer.id) || onPageOne.contains(self.questionnaire.section(of: answer.id)?.id ?? "")
                || [self.conventions.birthDate, self.conventions.age, self.conventions.sex].contains(answer.id)
                || self.questionnaire.item(answer.id)?.kind is TextKind
        }
        let answers = detail == .full ? assessment.answers : assessment.answers.filter { !shownAbove($0) }
        var blocks: [Block] = [heading(1, detail == .full ? words.allAnswers : words.otherAnswers, "answers")]
        if detail == .short {
            blocks.append(smallPrint(words.notRepeated, gray: 0.3))
        }
        if answers.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(assessment.answers.isEmpty ? words.noAnswers : words.allShown)], style: .small)))
        } else {
            // Two answers to a row, each as "Question: answer", read across.
            let cells = answers.map { words.labelled(text: label($0)) + " " + shown($0) }
            let rows = stride(from: 0, to: cells.count, by: 2).map { [cells[$0], $0 + 1 < cells.count ? cells[$0 + 1] : ""] }
            blocks.append(
                .table(Table(columns: [.init(words.answerColumn, share: 0.5), .init(words.answerColumn, share: 0.5)], rows: rows, compact: true)))
        }
        if !assessment.unanswered.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.labelled(text: words.notAnswered) + " ", bold: true),
                            TextRun(assessment.unanswered.map { questionnaire.item($0)?.shortText ?? $0 }.joined(separator: "; ") + "."),
                        ], style: .small)))
        }
        return blocks
    }

    // MARK: Notes, references, disclaimer

    private func closing() -> [Block] {
        var blocks: [Block] = [
            heading(1, words.notesForClinician, "notes"),
            .notesBox(NotesBox(title: words.clinicianNotes, lines: detail == .full ? 7 : 4, minimumLines: 3)),
        ]
        if !assessment.references.isEmpty {
            blocks.append(heading(1, words.references, "references"))
            // The long form gives each work a paragraph and its address; the short one runs the
            // citations together, which find the works as well.
            if detail == .full {
                for (index, reference) in assessment.references.enumerated() {
                    let link = reference.url.map { " " + $0 } ?? ""
                    blocks.append(.paragraph(Paragraph([TextRun("\(index + 1). ", bold: true), TextRun(reference.citation + link)], style: .fine)))
                }
            } else {
                var runs: StyledText = []
                for (index, reference) in assessment.references.enumerated() {
                    runs += [TextRun((index == 0 ? "" : "   ") + "\(index + 1).\u{00A0}", bold: true), TextRun(reference.citation)]
                }
                blocks.append(.paragraph(Paragraph(runs, style: .fine)))
            }
        }
        blocks += [
            .paragraph(Paragraph([TextRun(words.disclaimer + " ", bold: true), TextRun(assessment.disclaimer)], style: .fine, gray: 0.15)),
            .paragraph(
                Paragraph(
                    [
                        TextRun(
                            words.colophon(
                                questionnaire: "\(assessment.questionnaire.id) \(assessment.questionnaire.version)",
                                hash: String(assessment.questionnaire.contentHash.prefix(16)), creator: creator))
                    ], style: .fine, gray: 0.4)),
        ]
        return blocks
    }
}
