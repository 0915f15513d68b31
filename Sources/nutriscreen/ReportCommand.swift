import ArgumentParser
import Foundation
import Localization
import PrivateFiles
import Report
import ReportPDF
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// `--paper A4` as `--paper a4`: a choice is read in any case, as people write paper sizes.
extension PaperSize: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `--detail Full` as `--detail full`.
extension ReportDetail: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `nutriscreen report`: writes the printable PDF summary for one answers file, or for every
/// answers file in a folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the printable PDF summary for an answers file (or a folder of them).",
        discussion: """
            PDFs are written privately (mode 0600) and atomically; an existing file is never replaced \
            without --force. --out - writes the PDF to standard output; any other pipe or device is \
            refused. Exit 73 when the output cannot be written. With --answers-dir, every .yaml, .yml and \
            .json file is reported on both cores; a bad file is named and skipped, and the exit code is \
            non-zero if any failed (65 for bad answers, 73 for unwritable output). Files that share a name \
            (visit.yaml, visit.json) get reports named after the whole file name (visit.yaml.pdf). \
            --print sends the PDF, once written, to your default printer through CUPS (lp), or to --printer \
            NAME; --open shows it in your PDF viewer (xdg-open). Exit 69 when there is no CUPS, no such \
            printer or no viewer: the PDF is written all the same.

            Examples:
              nutriscreen report --answers ann.yaml
              nutriscreen report --answers ann.yaml --force
              nutriscreen report --answers ann.yaml --out - > ann.pdf
              nutriscreen report --answers ann.yaml --print
              nutriscreen report --answers ann.yaml --printer office --open
              nutriscreen report --answers-dir in --out-dir pdfs
            """
    )

    @OptionGroup var input: AnswersInput

    @Option(
        name: .long, help: ArgumentHelp("Where to write the PDF (default: Reports/ANSWERS.pdf; - for standard output).", valueName: "file.pdf"),
        completion: .pdfFile)
    var out: String?

    @OptionGroup var output: ReportOptions

    @Option(
        name: .long, help: ArgumentHelp("A folder of answers files to report in one run.", valueName: "dir"),
        completion: .directory)
    var answersDir: String?

    @Option(
        name: .long, help: ArgumentHelp("The folder for the PDFs of --answers-dir.", valueName: "dir"),
        completion: .directory)
    var outDir: String?

    @Option(name: .long, help: ArgumentHelp("The name to print on the report (overrides the answers file).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Leave out the comparison with the person's earlier screenings in your history.")
    var noHistory = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        let words = language.messages.cli
        try output.check(out: out, language.messages)
        switch (input.answers, answersDir) {
        case (nil, nil): throw ValidationError(words.reportNeedsAnswers)
        case (.some, .some): throw ValidationError(words.answersOrFolder)
        case (nil, .some):
            if outDir == nil { throw ValidationError(words.folderNeedsOutDir) }
            if out != nil || name != nil { throw ValidationError(words.singleReportOptions) }
            if output.printing || output.open { throw ValidationError(language.messages.printing.singleReport) }
        case (.some, nil):
            if outDir != nil { throw ValidationError(words.outDirNeedsFolder) }
        }
        if let name, let problem = AnswersDocument.nameProblem(name, language.messages) { throw ValidationError(words.nameOption(problem: problem)) }
        if toStandardOutput, isatty(STDOUT_FILENO) == 1 { throw ValidationError(words.outputIsTerminal) }
    }

    /// `--out -`: the PDF goes to standard output.
    var toStandardOutput: Bool { out == ReportWriter.standardOutput }

    func run() throws {
        try ReportWriter.checkEnvironment(language.messages)
        let paper = output.paper ?? ReportWriter.defaultPaper()
        if let answersDir, let outDir {
            let questionnaire = try QuestionnaireLocator.load(explicit: input.questionnaire, language: language)
            try BatchReporter(
                questionnaire: questionnaire, paper: paper, detail: output.detail, force: output.force,
                history: noHistory ? nil : HistoryAccess.standard(language.messages)
            ).run(
                answersDir: answersDir, outDir: outDir)
            return
        }
        // The answers are read first, so a bad answers file leaves no new Reports/ behind.
        let today = Clock.system.today
        let (questionnaire, file) = try input.load(language, today: today)
        var document = file
        if let name { document.name = name }
        let stem = PathName.removingExtension(PathName.name(of: input.answers ?? ""))
        let path = out ?? ReportWriter.reportsFolder + "/\(stem).pdf"
        if out == nil {
            do {
                if let made = try ReportWriter.makeReportsFolder(language.messages) { printError(made) }
            } catch { throw fail(error.message(language.messages), ExitStatus.cannotCreate) }
        }
        do { try ReportWriter.checkOutput(path, force: output.force, language.messages) } catch { throw fail(error.message, error.code) }
        let assessment = Assessor(questionnaire: questionnaire, today: today).assess(document)
        let comparison =
            noHistory
            ? nil : HistoryAccess.standard(questionnaire.messages).comparisonForReport(assessment, questionnaire: questionnaire)
        try ReportWriter.write(
            assessment, paper: paper, detail: output.detail, to: path, force: output.force, comparison: comparison)
        if !toStandardOutput { try printOut(path, questionnaire.messages) }
        try ReportPrinter.deliver(path, printing: output.printing, printer: output.printer, open: output.open, questionnaire.messages) {
            printError($0)
        }
    }
}
