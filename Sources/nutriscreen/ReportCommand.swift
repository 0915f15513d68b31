import ArgumentParser
import Foundation
import ReportPDF
import Screening

extension PaperSize: ExpressibleByArgument {}

/// `nutriscreen report --answers FILE`: writes the printable PDF summary for an answers file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the printable PDF summary for an answers file.",
        discussion:
            "The PDF is written privately (mode 0600) and atomically; an existing file is never replaced without --force. Exit 73 when the output cannot be written."
    )

    @OptionGroup var input: AnswersInput

    @Option(name: .long, help: ArgumentHelp("Where to write the PDF (default: Reports/<answers file name>.pdf).", valueName: "file.pdf"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Paper size: a4 or letter (default: from the locale).", valueName: "size"))
    var paper: PaperSize?

    @Option(name: .long, help: ArgumentHelp("The name to print on the report (overrides the answers file).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        let (questionnaire, document) = try input.load()
        let assessment = Assessor(questionnaire: questionnaire).assess(document.answers, name: name ?? document.name, completed: document.completed)
        let stem = ((input.answers as NSString).lastPathComponent as NSString).deletingPathExtension
        let path = out ?? "Reports/\(stem).pdf"
        try ReportWriter.write(assessment, questionnaire: questionnaire, paper: paper ?? ReportWriter.defaultPaper(), to: path, force: force)
        print(path)
    }
}
