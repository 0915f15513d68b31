import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--print`, `--printer` and `--open`: the report goes through a real CUPS scheduler to a
/// cups-pdf virtual printer, and what arrives is the report; no CUPS, no scheduler, no printer
/// and no viewer are each said, with exit 69 and the PDF written all the same.
@Suite(.serialized) struct PrintingTests {
    static let sample = ReportCommandTests.sample

    @Test(.enabled(if: PrivateCUPS.unavailable == nil, "\(PrivateCUPS.unavailable ?? "")"))
    func theReportArrivesAtTheVirtualPrinter() throws {
        let cups = try PrivateCUPS()
        defer { cups.stop() }
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let out = runner.state + "/ann-example.pdf"
        let sent = try runner.run(["report", "--answers", Self.sample, "--out", out, "--printer", cups.printer], environment: cups.environment)
        #expect(sent.status == 0, "\(sent.stderr)\n\(cups.log)")
        #expect(sent.stderr.contains("Sent to the printer \(cups.printer) (print job \(cups.printer)-1)."), "\(sent.stderr)")
        let printed = try cups.printedFiles()
        try #require(printed.count == 1, "cups-pdf wrote \(printed)\n\(cups.log)")
        let info = try ProcessRunner.output(of: "pdfinfo", [printed[0]])
        #expect(info.contains("Title:           (NutriScreen report)") || info.contains("Title:           NutriScreen report"), "\(info)")
        #expect(!info.contains("ann-example"), "the queue never sees the file's name, which carries the person's: \(info)")
        try Self.expectSamePages(printed[0], out)

        // No default printer for this user, and a printer that does not exist: said, exit 69.
        let noDefault = try runner.run(
            ["report", "--answers", Self.sample, "--out", runner.state + "/two.pdf", "--print"], environment: cups.environment)
        #expect(noDefault.status == 69, "\(noDefault.stderr)")
        #expect(noDefault.stderr.contains("two.pdf was not printed: there is no default printer; name one with --printer NAME"))
        #expect(FileManager.default.fileExists(atPath: runner.state + "/two.pdf"), "the PDF is written all the same")
        let unknown = try runner.run(
            ["report", "--answers", Self.sample, "--out", runner.state + "/three.pdf", "--printer", "nowhere"], environment: cups.environment)
        #expect(unknown.status == 69)
        #expect(unknown.stderr.contains("three.pdf was not printed: there is no printer named 'nowhere'"), "\(unknown.stderr)")

        // At a terminal with a default printer (LPDEST, as lp reads it), the interview offers to print.
        let command = "\(ProcessRunner.executable) start --questionnaire \(ProcessRunner.fixture)"
        let interview = try runner.run(
            ["-qec", command, "/dev/null"], input: "Pat Print\nn\n70\n3\nn\n1\n2\ns\n\ny\n",
            environment: cups.environment.merging(["LPDEST": cups.printer]) { $1 }, executable: "/usr/bin/script")
        #expect(interview.stdout.contains("Print the report now on your default printer? Type y to print it"), "\(interview.stdout)")
        #expect(interview.stdout.contains("Sent to the printer \(cups.printer) (print job \(cups.printer)-2)."), "\(interview.stdout)")
        #expect(try cups.printedFiles().count == 2, "\(cups.log)")
    }

    /// Each printed page looks most like the report's page of the same number (page images
    /// compared by correlation: cups-pdf's PDF is drawn by Ghostscript, so it is the same picture,
    /// not the same bytes), and there are as many.
    static func expectSamePages(_ printed: String, _ report: String) throws {
        let folder = NSTemporaryDirectory() + "nutriscreen-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (file, prefix) in [(printed, "printed"), (report, "report")] {
            _ = try Tool.run("pdftoppm", ["-gray", "-r", "20", file, folder + "/" + prefix])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let printedPages = try names.filter { $0.hasPrefix("printed") }.map { try GrayImage(folder + "/" + $0) }
        let reportPages = try names.filter { $0.hasPrefix("report") }.map { try GrayImage(folder + "/" + $0) }
        #expect(printedPages.count == reportPages.count && reportPages.count > 1, "\(names)")
        for (number, page) in printedPages.enumerated() {
            let likeness = reportPages.map { page.correlation(with: $0) }
            let best = likeness.indices.max { likeness[$0] < likeness[$1] }
            #expect(best == number && likeness[number] > 0.3, "printed page \(number + 1) against the report's pages: \(likeness)")
        }
    }

    @Test func noCUPSAndNoViewerAreSaidAndThePDFIsWritten() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let empty = runner.state + "/empty-path"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let out = runner.state + "/r.pdf"
        let result = try runner.run(["report", "--answers", Self.sample, "--out", out, "--print", "--open"], environment: ["PATH": empty])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("r.pdf was not printed: printing needs CUPS (its lp command), which is not installed here"))
        #expect(result.stderr.contains("r.pdf was not opened: there is no xdg-open here to open it with"))
        #expect(FileManager.default.contents(atPath: out)?.prefix(5) == Data("%PDF-".utf8))
        let spanish = try runner.run(
            ["report", "--answers", Self.sample, "--out", runner.state + "/es.pdf", "--print", "--lang", "es"], environment: ["PATH": empty])
        #expect(spanish.status == 69)
        #expect(spanish.stderr.contains("es.pdf no se ha impreso: para imprimir hace falta CUPS"), "\(spanish.stderr)")
    }

    @Test(.enabled(if: access("/usr/bin/lp", X_OK) == 0, "CUPS's lp is not installed (scripts/install-deps installs cups)"))
    func aSchedulerThatIsNotRunningIsSaid() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(
            ["report", "--answers", Self.sample, "--out", runner.state + "/r.pdf", "--print"], environment: ["CUPS_SERVER": runner.state + "/no.sock"]
        )
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("r.pdf was not printed: the print service (CUPS) is not running here"), "\(result.stderr)")
    }

    @Test func openHandsThePDFToXdgOpen() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let bin = runner.state + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let opener = bin + "/xdg-open"
        let out = runner.state + "/r.pdf"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(runner.state)/opened\n".write(toFile: opener, atomically: true, encoding: .utf8)
        chmod(opener, 0o755)
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let opened = try runner.run(["report", "--answers", Self.sample, "--out", out, "--open"], environment: ["PATH": path])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stderr.contains("Opened \(out) in your PDF viewer."))
        #expect(try String(contentsOfFile: runner.state + "/opened", encoding: .utf8) == out + "\n")
        try "#!/bin/sh\nexit 3\n".write(toFile: opener, atomically: true, encoding: .utf8)
        chmod(opener, 0o755)
        let failed = try runner.run(["report", "--answers", Self.sample, "--out", out, "--force", "--open"], environment: ["PATH": path])
        #expect(failed.status == 69)
        #expect(failed.stderr.contains("r.pdf was not opened: xdg-open found no program to open it with (exit 3)"), "\(failed.stderr)")
    }

    @Test func printingNeedsOneReportInAFile() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let piped = try runner.run(["report", "--answers", Self.sample, "--out", "-", "--print"])
        #expect(piped.status == 64)
        #expect(piped.stderr.contains("--print, --printer and --open need the PDF in a file; leave out --out -"))
        let batch = try runner.run(["report", "--answers-dir", runner.state, "--out-dir", runner.state, "--printer", "office"])
        #expect(batch.status == 64)
        #expect(batch.stderr.contains("apply to a single report (--answers FILE), not to --answers-dir"))
    }
}

/// A binary PGM image (pdftoppm -gray) as its pixels.
struct GrayImage {
    var pixels: [Double]

    init(_ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        // "P5\nWIDTH HEIGHT\n255\n" and then one byte a pixel.
        var newlines = 0
        let start = try #require(
            data.firstIndex { byte in
                if byte == 0x0A { newlines += 1 }
                return newlines == 3
            })
        pixels = data[(start + 1)...].map(Double.init)
    }

    /// Pearson's correlation of the two images' pixels (over the pixels both have).
    func correlation(with other: GrayImage) -> Double {
        let count = min(pixels.count, other.pixels.count)
        let a = pixels.prefix(count)
        let b = other.pixels.prefix(count)
        let meanA = a.reduce(0, +) / Double(count)
        let meanB = b.reduce(0, +) / Double(count)
        var (product, varianceA, varianceB) = (0.0, 0.0, 0.0)
        for (x, y) in zip(a, b) {
            product += (x - meanA) * (y - meanB)
            varianceA += (x - meanA) * (x - meanA)
            varianceB += (y - meanB) * (y - meanB)
        }
        return product / (varianceA * varianceB).squareRoot()
    }
}
