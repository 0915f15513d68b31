import Foundation
import History
import Report
import ReportPDF
import Screening
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// NutriScreen's benchmark. Build and run with `make bench` (release mode); figures and the
/// machine they came from are kept in BENCHMARKS.md.
///
///     nutriscreen-bench [--runs N] [--batch N]
///     nutriscreen-bench questions              (questions asked over the vignettes, see QuestionCounts)
///     nutriscreen-bench page-texts FOLDER      (used by the bench itself, see PageTexts)
///     nutriscreen-bench history N [--keep F]   (a history of N screenings, see HistoryScaleBench)
///
/// The floor is `nutriscreen-floor` (Sources/nutriscreen-floor), a plain C Cairo + Pango program
/// built beside it: given the report's own text page by page, it draws the same text, one Pango
/// layout per page, without tags or packing; given none, one line on one page.
///
/// Whole processes are measured before anything heavy runs in the bench itself: Linux carries a
/// parent's peak memory into the children it starts, so a child's peak can only be read above
/// the bench's own (printed, to show the measurement holds).

let arguments = CommandLine.arguments
let repository = FileManager.default.currentDirectoryPath
let questionnairePath = repository + "/Questionnaires/neuro-nutrition.yaml"
let sampleAnswers = repository + "/Reports/sample-answers.yaml"
let created = Date(timeIntervalSince1970: 1_772_359_200)

if arguments.count == 2, arguments[1] == "questions" {
    do {
        let questionnaire = try QuestionnaireLoader.load(path: questionnairePath)
        exit(try QuestionCounts.report(folder: repository + "/Tests/ScreeningTests/Fixtures/vignettes", questionnaire: questionnaire) ? 0 : 1)
    } catch {
        FileHandle.standardError.write(Data("nutriscreen-bench questions: \(error)\n".utf8))
        exit(1)
    }
}

if arguments.count == 3, arguments[1] == "page-texts" {
    do {
        try PageTexts.write(folder: arguments[2], questionnaire: try QuestionnaireLoader.load(path: questionnairePath), created: created)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("nutriscreen-bench page-texts: \(error)\n".utf8))
        exit(1)
    }
}

if arguments.count >= 3, arguments[1] == "history", let count = Int(arguments[2]) {
    // A large history: see HistoryScaleBench.
    let folder = NSTemporaryDirectory() + "nutriscreen-bench-history-\(getpid())"
    let keep = arguments.firstIndex(of: "--keep").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    do {
        let passed = try HistoryScaleBench.run(
            count: count, nutriscreen: binaries + "/nutriscreen", questionnairePath: questionnairePath, sampleAnswers: sampleAnswers,
            scratch: folder, keep: keep)
        try? FileManager.default.removeItem(atPath: folder)
        exit(passed ? 0 : 1)
    } catch {
        try? FileManager.default.removeItem(atPath: folder)
        FileHandle.standardError.write(Data("nutriscreen-bench history: \(error)\n".utf8))
        exit(1)
    }
}

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let n = Int(arguments[index + 1]) else { return value }
    return n
}
let runs = option("--runs", default: 21)
let batchSize = option("--batch", default: 1000)

let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let bench = binaries + "/nutriscreen-bench"
let nutriscreen = binaries + "/nutriscreen"
let floorProgram = binaries + "/nutriscreen-floor"
let scratch = NSTemporaryDirectory() + "nutriscreen-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch + "/out", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
guard FileManager.default.isExecutableFile(atPath: nutriscreen), FileManager.default.isExecutableFile(atPath: floorProgram) else {
    FileHandle.standardError.write(
        Data("nutriscreen-bench: build nutriscreen and nutriscreen-floor in the same configuration first (make bench does)\n".utf8))
    exit(1)
}

var rows: [(String, String, String, Bool?)] = []
@MainActor func row(_ name: String, _ value: String, target: String = "", met: Bool? = nil) {
    rows.append((name, value, target, met))
    let verdict = target.isEmpty ? "" : "target \(target): \(met == true ? "met" : "MISSED")"
    print(name.padding(toLength: 56, withPad: " ", startingAt: 0) + String(repeating: " ", count: max(0, 12 - value.count)) + value + "  " + verdict)
}
func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
func mebibytes(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }

print("NutriScreen benchmark: medians of \(runs) runs, batch of \(batchSize) answers files\n")

// The inputs: the sample, and random complete answers files in four parts, measured in turn
// (floor, batch, floor, batch…) so the two see the same drifts of the machine. A child process
// writes each one's text page by page beside it (see PageTexts).
let questionnaire = try QuestionnaireLoader.load(path: questionnairePath)
let parts = 4
for part in 0..<parts { try FileManager.default.createDirectory(atPath: "\(scratch)/in/\(part)", withIntermediateDirectories: true) }
try FileManager.default.copyItem(atPath: sampleAnswers, toPath: scratch + "/in/sample.yaml")
var rng = SystemRandomNumberGenerator()
for index in 0..<batchSize {
    let answers = AnswerSampler.completePath(questionnaire, on: Today.bench.day, using: &rng)
    try AnswersDocument(answers: answers, name: "Person \(index)", completed: created).yaml(for: questionnaire)
        .write(toFile: "\(scratch)/in/\(index % parts)/answers-\(index).yaml", atomically: false, encoding: .utf8)
}
var environment = ProcessInfo.processInfo.environment
environment["XDG_STATE_HOME"] = scratch + "/state"
environment["XDG_CACHE_HOME"] = scratch + "/cache"
environment["XDG_DATA_HOME"] = scratch + "/data"
environment["NO_COLOR"] = "1"
// English unless a measure asks for Spanish (--lang es): the machine's locale must not choose.
for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment.removeValue(forKey: variable) }
for folder in ["\(scratch)/in"] + (0..<parts).map({ "\(scratch)/in/\($0)" }) {
    guard Measure.spawn(bench, ["page-texts", folder], environment: environment).status == 0 else {
        FileHandle.standardError.write(Data("nutriscreen-bench: could not write the page texts of \(folder)\n".utf8))
        exit(1)
    }
}
row("the bench's own peak memory while it measures", mebibytes(Measure.peakBytes()))

// Whole processes, interleaved with their floors. The unmeasured first round keeps the checked
// questionnaire in the cache (QuestionnaireCache), as it is for every report after a person's first.
let reportArguments = ["report", "--answers", sampleAnswers, "--questionnaire", questionnairePath, "--out", scratch + "/report.pdf", "--force"]
let whole = Measure.interleaved(
    runs: runs,
    [
        { Measure.sample(floorProgram, [scratch + "/floor.pdf", scratch + "/in/sample.txt"], environment: environment) },
        { Measure.sample(nutriscreen, reportArguments, environment: environment) },
    ])
let (floor, report) = (whole[0], whole[1])
row("floor: the same text, one C Cairo + Pango process", ms(floor.median))
row("whole `report` command as a process", ms(report.median))
row(
    "  ratio report / same-content floor", String(format: "%.2f ×", report.ratioToFirst), target: "≤ 1.2 ×",
    met: report.ratioToFirst <= 1.2 && report.failures == 0)
row("peak memory of `report`", mebibytes(report.peak), target: "< 40 MiB", met: report.peak < 40 << 20)

let startArguments = ["start", "--new", "--questionnaire", questionnairePath]
/// The first prompt of an interview, in English or (with `--lang es`) in Spanish.
let firstPrompt = { [environment] (extra: [String]) -> Measure.Sample in
    let seconds = Measure.firstPrompt(nutriscreen, arguments: startArguments + extra, environment: environment)
    return Measure.Sample(seconds: seconds, failed: seconds.isNaN)
}
let prompt = Measure.interleaved(
    runs: runs,
    [
        { Measure.sample(floorProgram, [scratch + "/floor-one-page.pdf"], environment: environment) },
        { firstPrompt([]) },
        { firstPrompt(["--lang", "es"]) },
    ])
row("one-page Cairo + Pango program (C), whole process", ms(prompt[0].median))
row("time to the first prompt (questionnaire kept)", ms(prompt[1].median))
row(
    "  ratio first prompt / one-page program", String(format: "%.2f ×", prompt[1].ratioToFirst), target: "≤ 1.0 ×",
    met: prompt[1].ratioToFirst <= 1.0 && prompt[1].failures == 0)
row("  the same in Spanish (translated questionnaire kept)", ms(prompt[2].median))
row(
    "  ratio Spanish first prompt / one-page program", String(format: "%.2f ×", prompt[2].ratioToFirst), target: "≤ 1.0 ×",
    met: prompt[2].ratioToFirst <= 1.0 && prompt[2].failures == 0)
let promptCold = Measure.interleaved(
    runs: runs,
    [
        {
            try? FileManager.default.removeItem(atPath: scratch + "/cache")
            return Measure.Sample(seconds: Measure.firstPrompt(nutriscreen, arguments: startArguments, environment: environment))
        },
        {
            try? FileManager.default.removeItem(atPath: scratch + "/cache")
            return firstPrompt(["--lang", "es"])
        },
    ])
row("  the same, questionnaire not yet checked", ms(promptCold[0].median))
row("  the same in Spanish, nothing checked yet", ms(promptCold[1].median))

// Batch throughput, against the floor drawing each report's text as its own process, as many at
// a time as there are cores.
var floorBatch = (seconds: 0.0, failures: 0)
var batch = (seconds: 0.0, peakBytes: 0, failures: 0)
for part in 0..<parts {
    let folder = "\(scratch)/in/\(part)"
    let texts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
    let floorPart = Measure.concurrently(
        floorProgram, texts.map { ["\(scratch)/out/floor-\($0).pdf", "\(folder)/\($0)"] }, environment: environment)
    floorBatch = (floorBatch.seconds + floorPart.seconds, floorBatch.failures + floorPart.failures)
    let batchPart = Measure.spawn(
        nutriscreen, ["report", "--answers-dir", folder, "--out-dir", scratch + "/out", "--questionnaire", questionnairePath, "--force"],
        environment: environment)
    batch = (batch.seconds + batchPart.seconds, max(batch.peakBytes, batchPart.peakBytes), batch.failures + (batchPart.status == 0 ? 0 : 1))
}
let perSecond = Double(batchSize) / batch.seconds
let floorPerSecond = Double(batchSize) / floorBatch.seconds
row("floor: the same texts, one process each, both cores", String(format: "%.0f /s", floorPerSecond))
row("batch: \(batchSize) random complete reports, both cores", String(format: "%.0f /s", perSecond))
row(
    "  ratio batch / floor throughput", String(format: "%.2f ×", perSecond / floorPerSecond), target: "≥ 1.5 ×",
    met: perSecond >= 1.5 * floorPerSecond && batch.failures == 0 && floorBatch.failures == 0)
row("peak memory of the batch (\(batchSize / parts) reports a process)", mebibytes(batch.peakBytes))

// In-process stages, last (they raise the bench's own peak memory).
print("")
row("load and check the default questionnaire", ms(try Measure.median(runs: runs) { _ = try QuestionnaireLoader.load(path: questionnairePath) }))
let archive = QuestionnaireArchive.encode(questionnaire, build: "bench")
row(
    "  the same from its kept archive",
    ms(
        Measure.median(runs: runs) {
            _ = QuestionnaireArchive.decode(archive, build: "bench", contentHash: questionnaire.contentHash, path: questionnairePath)
        }))
let document = try AnswersDocument.load(path: sampleAnswers, questionnaire: questionnaire, today: .bench)
let assessor = Assessor(questionnaire: questionnaire, today: .bench, pruning: false, recordsAsked: true)
row(
    "score the sample assessment",
    ms(Measure.median(runs: runs) { _ = assessor.assess(document.answers, name: document.name, completed: document.completed) }))
let assessment = assessor.assess(document.answers, name: document.name, completed: document.completed)
let engine = try PangoTextEngine.forCurrentThread()
let reportDocument = ReportBuilder(assessment: assessment, creator: "bench", created: created, zone: Today.bench.zone).document()
row(
    "lay out the sample report (Pango measuring)",
    ms(
        Measure.median(runs: runs) {
            engine.releaseLayouts()
            _ = ReportRenderer.layout(reportDocument, paper: .a4, measurer: engine)
        }))
let layout = ReportRenderer.layout(reportDocument, paper: .a4, measurer: engine)
row(
    "lay it out again, layouts kept (as in a batch)",
    ms(Measure.median(runs: runs) { _ = ReportRenderer.layout(reportDocument, paper: .a4, measurer: engine) }))
row(
    "render it to PDF (Cairo)",
    ms(try Measure.median(runs: runs) { _ = try CairoRenderer(engine: engine).render(layout, metadata: reportDocument.metadata) }))
let drawn = try CairoRenderer(engine: engine).render(layout, metadata: reportDocument.metadata)
row("pack it (libqpdf: object streams)", ms(Measure.median(runs: runs) { _ = QPDFCompactor.compact(drawn) }))
let pdf = try ReportRenderer.pdf(assessment, paper: .a4, creator: "bench", created: created, zone: Today.bench.zone)
let pages = layout.pages.count
row("sample PDF as cairo writes it (\(pages) pages)", String(format: "%.1f KB a page", Double(drawn.count) / Double(pages) / 1000))
row(
    "sample PDF, packed: \(pdf.count) B", String(format: "%.1f KB a page", Double(pdf.count) / Double(pages) / 1000), target: "≤ 10 KB a page",
    met: pdf.count <= pages * 10_000)

// The screening history (issue 17): what keeping a screening costs at the end of an interview,
// and what the comparison with earlier screenings adds to a report.
print("")
try HistoryBench.run(
    assessment: assessment, document: document, questionnaire: questionnaire, runs: runs, scratch: scratch, nutriscreen: nutriscreen,
    environment: environment, created: created)

print(
    "\nMachine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
)
let missed = rows.filter { $0.3 == false }.count
print(missed == 0 ? "All targets met." : "\(missed) target(s) missed.")
