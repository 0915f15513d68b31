import Foundation
import Localization
import Screening

/// Turns an assessment into the report's document: what to say, in the order a doctor reads it,
/// in the assessment's language. It decides nothing clinical; every band, trigger, reason and
/// test comes from the assessment.
///
/// Page 1 carries the visit: who, why they came, the triage with the answers behind it and the
/// warning signs ruled out, the person's context (conditions, medicines by name), the flagged
/// nutrients with their strongest reasons and the tests to discuss. Then one compact section per
/// flagged nutrient, known conditions and other causes, the validated questionnaires, a part for
/// the person, the answers the evidence does not already show, a notes box and the numbered
/// references. `ReportDetail.full` says everything in full.
///
/// A pure function of the assessment: it never sees the questionnaire. Which answers go where
/// (who the person is, why they came, the warning signs, the person's context) the assessment
/// carries from the questionnaire's `report:` block.
public struct ReportBuilder {
    public let assessment: Assessment
    public var creator: String
    public var created: Date
    public var detail: ReportDetail
    /// The zone the completion time is shown in (the executable gives the system's).
    public var zone: Zone
    /// What changed since the person's last screening, when there was one (see `sinceLastScreening`).
    public var comparison: ScreeningComparison?
    /// The program's words, in the assessment's language.
    let messages: Messages
    var words: Messages.Report { messages.report }

    public init(
        assessment: Assessment, creator: String, created: Date, detail: ReportDetail = .short, zone: Zone,
        comparison: ScreeningComparison? = nil
    ) {
        self.assessment = assessment
        self.creator = creator
        self.created = created
        self.detail = detail
        self.zone = zone
        self.comparison = comparison
        self.messages = Messages(assessment.language)
    }

    /// The moment the screening was completed (else the creation date).
    var completed: Date { assessment.completed ?? created }

    public func document() -> ReportDocument {
        let dateText = LocalTime(completed, in: zone).readable(messages)
        var blocks: [Block] = []
        blocks += header(dateText)
        blocks += whyTheyCame()
        blocks += triage()
        blocks += context()
        blocks += flaggedNutrients()
        blocks += testsToDiscuss()
        blocks += sinceLastScreening()
        for nutrient in assessment.flaggedNutrients { blocks += section(for: nutrient) }
        blocks += otherCauses()
        blocks += instruments()
        blocks += forThePerson()
        blocks += answersAppendix()
        blocks += closing()
        let person = assessment.person.name.map { " — \(Self.isolated($0))" } ?? ""
        // Document metadata is plain text that viewers show in their own way: no isolates there,
        // and no bidi controls at all.
        let plainPerson =
            assessment.person.name.map { " — " + String(String.UnicodeScalarView($0.unicodeScalars.filter { !Self.isBidiControl($0) })) } ?? ""
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
    func citation(_ keys: [String]) -> String {
        let numbers = Set(keys.compactMap { key in assessment.references.firstIndex { $0.id == key }.map { $0 + 1 } }).sorted()
        return numbers.isEmpty ? "" : "[" + numbers.map(String.init).joined(separator: ", ") + "]"
    }

    /// Text a person typed (a name, an answer), wrapped in a Unicode isolate (FSI … PDI), so
    /// right-to-left text, or a right-to-left override left open, is laid out on its own and
    /// cannot reorder the words around it (the header, the page's running header).
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// The explicit bidi formatting characters: embeddings, overrides, isolates and marks.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || [0x200E, 0x200F, 0x061C].contains(scalar.value)
    }

    /// An answer as shown: typed text isolated, a "None of these" kept as it is.
    func shown(_ answer: Assessment.AnsweredItem) -> String { answer.isTyped ? Self.isolated(answer.answer) : answer.answer }

    /// Labelled answers run together in one paragraph: "**Label:** answer. **Label:** answer."
    func runIn(_ answers: [Assessment.AnsweredItem], style: FontStyle) -> Block {
        var runs: StyledText = []
        for answer in answers {
            if !runs.isEmpty { runs.append(TextRun("  ")) }
            runs += [TextRun(words.labelled(text: answer.label) + "\u{00A0}", bold: true), TextRun(shown(answer) + ".")]
        }
        return .paragraph(Paragraph(runs, style: style))
    }

    func heading(_ level: Int, _ text: String, _ destination: String) -> Block {
        .heading(Heading(level: level, text: text, destination: destination))
    }
}
