import ArgumentParser
import Report
import ReportPDF

/// Where the PDF goes and on what paper: shared by `start`, `resume` and `report`.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Where to write the PDF (default: a new file in Reports/; - for standard output with report).", valueName: "file.pdf"),
        completion: .pdfFile)
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Paper size: a4 or letter (default: from the locale).", valueName: "size"))
    var paper: PaperSize?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How much the PDF says: short (default: page 1 carries the visit) or full (every nutrient and answer).", valueName: "level"))
    var detail: ReportDetail = .short

    @Flag(name: .long, help: "Replace output files that exist (the PDF and, for a screening, its answers file).")
    var force = false

    /// `--out -`: the PDF goes to standard output.
    var toStandardOutput: Bool { out == ReportWriter.standardOutput }

    func validate() throws {
        if let out, out.isEmpty { throw ValidationError("--out needs a file name, or - for standard output.") }
        if let out, out.hasSuffix("/") { throw ValidationError("--out needs a file name, not a folder: \(out)") }
    }
}
