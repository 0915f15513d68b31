import ArgumentParser
import ReportPDF

/// Where the PDF goes and on what paper: shared by `start`, `resume` and `report`.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where to write the PDF (default: a new file in Reports/).", valueName: "file.pdf"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Paper size: a4 or letter (default: from the locale).", valueName: "size"))
    var paper: PaperSize?
}
