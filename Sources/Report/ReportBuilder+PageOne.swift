import Foundation
import Localization
import Screening

/// Page 1, the visit: who, why they came, the triage with the answers behind it, the flagged
/// nutrients with their strongest reasons, the tests to discuss, medicines and supplements.
extension ReportBuilder {
    // MARK: Page 1: who

    func header(_ date: String) -> [Block] {
        var facts: StyledText = []
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if !facts.isEmpty { facts.append(TextRun("     ")) }
            // Each fact stays on one line where it fits: no-break spaces inside a date or a name
            // (a fact wider than the whole line still breaks, between characters).
            let unbroken = { (text: String) in text.replacingOccurrences(of: " ", with: "\u{00A0}") }
            facts += [TextRun(unbroken(words.labelled(text: label)) + "\u{00A0}", bold: true), TextRun(unbroken(value))]
        }
        let person = assessment.person
        let items = assessment.report.person
        fact(words.name, person.name.map(Self.isolated))
        if let born = assessment.answer(items.birthDate) {
            if let birth = person.birthDate, let age = person.age {
                fact(born.label, words.birthAndAge(date: birth.readable(messages), age: age))
            } else {
                fact(born.label, born.answer)
            }
        } else if let age = assessment.answer(items.age) {
            fact(age.label, age.answer)
        }
        if let sex = assessment.answer(items.sex) { fact(sex.label, sex.answer) }
        fact(words.completed, date)
        fact(words.questionnaire, "\(assessment.questionnaire.id) \(assessment.questionnaire.version)")
        return [
            heading(0, words.title, "top"),
            smallPrint(words.forTheClinician, gray: 0.25),
            .paragraph(Paragraph(facts, style: .body)),
        ]
    }

    // MARK: Page 1: why they came

    func whyTheyCame() -> [Block] {
        let symptoms = assessment.answers(inSection: assessment.report.symptoms)
        let present = symptoms.filter { !$0.saysNone }
        let absent = symptoms.filter(\.saysNone)
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
                            TextRun(absent.map(\.label).joined(separator: "; ") + "."),
                        ],
                        style: .fine, gray: 0.2)))
        }
        // Free text the person wrote for the doctor, in their own words (what belongs to a context
        // topic, such as other medicines, is shown with that topic).
        let inContext = Set(assessment.context.flatMap(\.answers))
        let written = assessment.answers.filter { $0.isTyped && !inContext.contains($0.id) }
        for answer in written {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [TextRun(words.labelled(text: answer.label) + " ", bold: true), TextRun(words.quoted(text: Self.isolated(answer.answer)))],
                        style: .small)
                ))
        }
        return blocks
    }

    // MARK: Page 1: triage

    func triage() -> [Block] {
        var paragraphs: [Paragraph] = []
        let symbol: String
        let border: Double
        let fill: Double
        let title: String
        if let level = assessment.triage.level {
            (symbol, border, fill) =
                switch level {
                case .emergency: ("⚠", 3, 0.86)
                case .sameDay: ("!", 2.5, 0.89)
                case .urgent: ("!", 2, 0.91)
                case .soon: ("i", 1.5, 0.94)
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
        if !assessment.ruledOut.isEmpty {
            let signs = assessment.ruledOut.map(\.label)
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
    func strongestReasons(_ nutrient: Assessment.NutrientResult) -> [String] {
        let count = assessment.flaggedNutrients.count > 3 ? 1 : 2
        return nutrient.supporting.prefix(count).map { "+\(messages.number($0.points)) \($0.reason)" }
    }

    func chartRow(_ nutrient: Assessment.NutrientResult, reasons: Bool) -> ScoreChart.Row {
        let band = nutrient.band.label(messages)
        let score = messages.number(nutrient.score)
        return ScoreChart.Row(
            name: nutrient.name, score: nutrient.score, possible: nutrient.thresholds.possible, likely: nutrient.thresholds.likely,
            band: nutrient.band, bandText: "\(band) (\(score))", link: nutrient.band.isFlagged ? "nutrient-\(nutrient.id)" : nil,
            linkText: words.goToSection(name: nutrient.name), reasons: reasons ? strongestReasons(nutrient) : [],
            alternativeText: words.barText(name: nutrient.name, score: score, band: band, thresholds: thresholds(nutrient)))
    }

    /// "Possible from 4, Likely from 7".
    func thresholds(_ nutrient: Assessment.NutrientResult) -> String {
        words.thresholds(possible: messages.number(nutrient.thresholds.possible), likely: messages.number(nutrient.thresholds.likely))
    }

    func flaggedNutrients() -> [Block] {
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
    var servedNames: [String: String] {
        Dictionary(
            assessment.nutrients.map { ($0.id, $0.name) } + assessment.otherCauses.map { ($0.id, Self.otherCauseName($0, messages)) },
            uniquingKeysWith: { a, _ in a })
    }

    /// A short name for an other cause: a known condition's name, else the first words of its
    /// text, up to a comma or to the verb the language's `causeNameEnds` lists (" is ", " can ").
    static func otherCauseName(_ cause: Assessment.OtherCauseResult, _ messages: Messages) -> String {
        if let known = cause.known { return known }
        var name = cause.text.split(separator: ",", maxSplits: 1).first.map(String.init) ?? cause.text
        for end in messages.report.causeNameEnds { name = name.components(separatedBy: " \(end) ").first ?? name }
        return name.count <= 40 ? name : messages.report.anotherCause
    }

    func testsToDiscuss() -> [Block] {
        var blocks: [Block] = [heading(2, words.testsToDiscuss, "tests")]
        if assessment.tests.isEmpty {
            blocks.append(.paragraph(Paragraph([TextRun(words.noTests)], style: .small)))
            return blocks
        }
        let names = servedNames
        func serves(_ test: Assessment.TestResult) -> String {
            var serves: [String] = []
            for id in test.for where !serves.contains(names[id] ?? id) { serves.append(names[id] ?? id) }
            return serves.joined(separator: ", ")
        }
        // First-line tests, to order today; the others only if the first results are abnormal.
        let first = assessment.tests.filter { $0.tier == .first }
        let later = assessment.tests.filter { $0.tier == .ifAbnormal }
        if !first.isEmpty {
            let items: [StyledText] = first.map { [TextRun($0.name), TextRun(" — " + serves($0), bold: false)] }
            blocks.append(.checklist(Checklist(items: items, columns: 2, style: .fine)))
        }
        if !later.isEmpty {
            blocks.append(
                .paragraph(
                    Paragraph(
                        [
                            TextRun(words.labelled(text: words.ifAbnormal) + " ", bold: true),
                            TextRun(later.map { "\(Self.shortName($0.name)) (\(serves($0)))" }.joined(separator: "; ") + "."),
                        ], style: .fine, gray: 0.2)))
        }
        return blocks
    }

    /// A test's name up to any bracket or colon ("Ferritin with CRP", "Intrinsic factor antibodies").
    static func shortName(_ name: String) -> String {
        String(name.prefix { $0 != "(" && $0 != ":" }).trimmingCharacters(in: .whitespaces)
    }

    // MARK: Page 1: the person's context

    /// Each topic of the person's context the assessment carries (medicines and supplements,
    /// conditions, diet, pregnancy), headed in the report's words, its answers run in.
    func context() -> [Block] {
        assessment.context.flatMap { entry -> [Block] in
            [heading(2, contextTitle(entry.topic), entry.topic.rawValue), runIn(assessment.answers(of: entry), style: .small)]
        }
    }

    private func contextTitle(_ topic: ContextTopic) -> String {
        switch topic {
        case .conditions: words.conditions
        case .medicines: words.medicines
        case .diet: words.diet
        case .pregnancy: words.pregnancy
        }
    }
}
