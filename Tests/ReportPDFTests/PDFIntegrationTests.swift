import Foundation
import Testing

@testable import ReportPDF
@testable import Screening

/// Real PDFs checked with qpdf and poppler, as a reader or printer would see them.
@Suite(.serialized) struct PDFIntegrationTests {
    @Test func theSampleIsAValidTaggedPDFWithEmbeddedFontsAndMetadata() throws {
        let path = Sample.temporary(try Sample.pdf(try Sample.assessment()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Sample.run("qpdf", ["--check", path]).status == 0)
        let info = try Sample.run("pdfinfo", [path]).output
        #expect(info.contains("Title:           NutriScreen screening summary — Sam Sample"))
        #expect(info.contains("Creator:         NutriScreen test"))
        #expect(info.contains("Subject:         Nutrition screening for nerve and muscle symptoms"))
        #expect(info.contains("CreationDate:    Sun Mar  1 10:00:00 2026 UTC"))
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("(A4)"))
        let fonts = try Sample.run("pdffonts", [path]).output.split(separator: "\n").dropFirst(2)
        // One WinAnsi subset per weight: no second (CID) copy for ligatures, no-break spaces or ‖.
        #expect(fonts.count == 2, "\(fonts)")
        for font in fonts {
            #expect(font.contains("DejaVuSans"), "unexpected font: \(font)")
            #expect(font.contains("yes yes yes"), "not embedded, subset and unicode: \(font)")
            #expect(!font.contains("Type 3") && !font.contains("CID"))
        }
    }

    @Test func runsThatKeepTogetherBreakOnlyBetweenGroups() throws {
        let engine = try PangoTextEngine.forCurrentThread()
        let facts = [
            TextRun("Name: ", bold: true, keepTogether: true), TextRun("Sam Sample", keepTogether: true), TextRun("     "),
            TextRun("Completed: ", bold: true, keepTogether: true), TextRun("1 March 2026, 10:00 UTC", keepTogether: true),
        ]
        let oneLine = try #require(engine.lines(of: facts, style: .body, width: 1000).first).width
        let width = oneLine * 0.8
        let kept = engine.lines(of: facts, style: .body, width: width).map(\.text)
        #expect(kept.count == 2 && kept.last == "Completed: 1 March 2026, 10:00 UTC", "\(kept)")
        let free = engine.lines(of: facts.map { TextRun($0.text, bold: $0.bold) }, style: .body, width: width).map(\.text)
        #expect(free.count == 2 && free.first?.contains("March") == true, "\(free)")
    }

    @Test func letterPaperIsLetter() throws {
        let path = Sample.temporary(try Sample.pdf(try Sample.assessment(), paper: .letter))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Sample.run("pdfinfo", [path]).output.contains("612 x 792 pts (letter)"))
    }

    @Test func theTextHoldsTheTriageEveryFlaggedTargetAndEveryAnsweredQuestion() throws {
        let assessment = try Sample.assessment()
        let path = Sample.temporary(try Sample.pdf(assessment))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Sample.normalised(try Sample.run("pdftotext", ["-raw", path, "-"]).output)
        #expect(text.contains(Sample.normalised(assessment.triage.headline)))
        for trigger in assessment.triggers { #expect(text.contains(Sample.normalised(trigger.message)), "\(trigger.id)") }
        for target in assessment.flaggedTargets { #expect(text.contains("\(target.name): \(target.band.label)"), "\(target.id)") }
        for answer in assessment.answers {
            #expect(text.contains(Sample.normalised(answer.question)), "question \(answer.id) is missing")
        }
        for page in 1...3 { #expect(text.contains("Page \(page) of")) }
    }

    /// The second render reuses the first one's layouts (as a batch does) and is still identical.
    @Test func twoRendersAreByteIdentical() throws {
        let assessment = try Sample.assessment()
        let engine = try PangoTextEngine.forCurrentThread()
        engine.releaseLayouts()
        let first = try Sample.pdf(assessment)
        let kept = engine.keptLayoutCount
        #expect(kept > 100)
        #expect(try Sample.pdf(assessment) == first)
        #expect(engine.keptLayoutCount == kept, "the second render made new layouts")
    }

    @Test func keptLayoutsAreBounded() throws {
        let engine = try PangoTextEngine.forCurrentThread()
        for n in 0...PangoTextEngine.keptLayouts { _ = engine.lines(of: [TextRun("line \(n)")], style: .small, width: 100) }
        #expect(engine.keptLayoutCount > PangoTextEngine.keptLayouts)
        engine.endReport()
        #expect(engine.keptLayoutCount == 0)
    }

    @Test func bookmarksCoverEverySectionAndLinksUseNamedDestinations() throws {
        let assessment = try Sample.assessment()
        let path = Sample.temporary(try Sample.pdf(assessment))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = try Sample.run("qpdf", ["--json", path]).output
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let outlines = object?["outlines"] as? [[String: Any]] ?? []
        let titles = outlines.compactMap { $0["title"] as? String }
        #expect(titles.contains("Summary for the doctor"))
        #expect(titles.contains("All answers"))
        for target in assessment.flaggedTargets { #expect(titles.contains("\(target.name): \(target.band.label)")) }
        let dests = try Sample.run("pdfinfo", ["-dests", path]).output
        for target in assessment.flaggedTargets { #expect(dests.contains("target-\(target.id)")) }
        // Links from the summary chart: one per flagged target, each with a destination.
        #expect(json.components(separatedBy: "/Link").count - 1 >= assessment.flaggedTargets.count)
    }

    @Test func aStressCaseRendersWithoutOverflow() throws {
        // Every question answered at random, the longest free text and a long name.
        var rng = SystemRandomNumberGenerator()
        var answers = AnswerSet()
        for item in Sample.questionnaire.items where item.takesAnswer {
            if let condition = item.condition, !Evaluator(questionnaire: Sample.questionnaire, answers: answers).holds(condition) { continue }
            switch item.kind {
            case .boolean: answers[item.id] = .boolean(.yes)
            case .choice(let options): answers[item.id] = .choice(options.last!.value)
            case .multiChoice(let options): answers[item.id] = .multiChoice(options.filter { !$0.exclusive }.map(\.value))
            case .integer(let r): answers[item.id] = .integer(Int(r.max ?? 99))
            case .decimal(let r): answers[item.id] = .decimal(r.max ?? 99)
            case .text(let max): answers[item.id] = .text(String((0..<max).map { _ in "abcdefghij &<>\"' ".randomElement(using: &rng)! }))
            case .display: break
            }
        }
        let name = String(repeating: "Maximiliana Wolfeschlegelsteinhausenbergerdorff-", count: 4)
        let assessment = Assessor(questionnaire: Sample.questionnaire).assess(answers, name: name, completed: Sample.created)
        let layout = ReportRenderer.layout(Sample.document(assessment), paper: .a4, measurer: try PangoTextEngine.forCurrentThread())
        #expect(layout.overflows.isEmpty, "\(layout.overflows.prefix(3))")
        let path = Sample.temporary(try Sample.pdf(assessment))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try Sample.run("qpdf", ["--check", path]).status == 0)
    }
}
