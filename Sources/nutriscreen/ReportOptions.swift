import ArgumentParser
import Localization
import Report
import ReportPDF

/// How the PDF is made and what is done with it: shared by `start`, `resume` and `report`
/// (where it goes, `--out`, is each command's own: only `report` can write to standard output).
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Paper size: a4 or letter (default: from the locale).", valueName: "size"))
    var paper: PaperSize?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "How much the PDF says: short (default: page 1 carries the visit) or full (every nutrient and answer).", valueName: "level"))
    var detail: ReportDetail = .short

    @Flag(name: .long, help: "Replace output files that exist (the PDF and, for a screening, its answers file).")
    var force = false

    @Flag(name: .long, help: "Print the PDF once it is written (CUPS: your default printer, or --printer).")
    var print = false

    @Option(name: .long, help: ArgumentHelp("Print on this printer (lpstat -p lists them); implies --print.", valueName: "name"))
    var printer: String?

    @Flag(name: .long, help: "Open the PDF in your PDF viewer (xdg-open) once it is written.")
    var open = false

    /// Whether the PDF is to be printed (`--print` or `--printer`).
    var printing: Bool { print || printer != nil }

    /// Checks `out` (the command's `--out`) with these options, saying what is wrong in the
    /// language of `messages` (the commands call it from their `validate()`, which knows the language).
    func check(out: String?, _ messages: Messages) throws {
        if let out, out.isEmpty { throw ValidationError(messages.cli.outEmpty) }
        if let out, out.hasSuffix("/") { throw ValidationError(messages.cli.outFolder(path: out)) }
        if out == ReportWriter.standardOutput, printing || open { throw ValidationError(messages.printing.needsFile) }
    }
}
