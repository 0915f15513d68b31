import ArgumentParser
import ReportPDF

/// Report options shared by `start` and `resume`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where to write the PDF at the end (default: Reports/nutriscreen-<date>.pdf).", valueName: "file.pdf"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Paper size: a4 or letter (default: from the locale).", valueName: "size"))
    var paper: PaperSize?
}
