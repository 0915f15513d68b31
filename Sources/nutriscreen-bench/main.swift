import Foundation
import ReportPDF
import Screening

/// NutriScreen's benchmark. Build and run with `make bench` (release mode); figures and the
/// machine they came from are kept in BENCHMARKS.md.
///
///     nutriscreen-bench [--runs N] [--batch N]     measure everything
///     nutriscreen-bench floor OUT.pdf              the minimal Cairo + Pango program (the floor)

let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "floor" { exit(Floor.run(output: arguments[2])) }

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let n = Int(arguments[index + 1]) else { return value }
    return n
}
let runs = option("--runs", default: 21)
let batchSize = option("--batch", default: 1000)

let repository = FileManager.default.currentDirectoryPath
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let nutriscreen = binaries + "/nutriscreen"
let questionnairePath = repository + "/Questionnaires/neuro-nutrition.yaml"
let sampleAnswers = repository + "/Reports/sample-answers.yaml"
let scratch = NSTemporaryDirectory() + "nutriscreen-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch + "/in", withIntermediateDirectories: true)
try FileManager.default.createDirectory(atPath: scratch + "/out", withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
guard FileManager.default.isExecutableFile(atPath: nutriscreen) else {
    FileHandle.standardError.write(Data("nutriscreen-bench: build nutriscreen in the same configuration first (make bench does)\n".utf8))
    exit(1)
}

var rows: [(String, String, String, Bool?)] = []
@MainActor func row(_ name: String, _ value: String, target: String = "", met: Bool? = nil) {
    rows.append((name, value, target, met))
    let verdict = target.isEmpty ? "" : "target \(target): \(met == true ? "met" : "MISSED")"
    print(name.padding(toLength: 48, withPad: " ", startingAt: 0) + String(repeating: " ", count: max(0, 12 - value.count)) + value + "  " + verdict)
}
func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

print("NutriScreen benchmark: medians of \(runs) runs, batch of \(batchSize) answers files\n")

// In-process stages.
let questionnaire = try QuestionnaireLoader.load(path: questionnairePath)
row("load and check the default questionnaire", ms(try Measure.median(runs: runs) { _ = try QuestionnaireLoader.load(path: questionnairePath) }))
let archive = QuestionnaireArchive.encode(questionnaire, build: "bench")
row(
    "  the same from its kept archive",
    ms(
        Measure.median(runs: runs) {
            _ = QuestionnaireArchive.decode(archive, build: "bench", contentHash: questionnaire.contentHash, path: questionnairePath)
        }))
let document = try AnswersDocument.load(path: sampleAnswers, questionnaire: questionnaire)
let assessor = Assessor(questionnaire: questionnaire)
row(
    "score the sample assessment",
    ms(Measure.median(runs: runs) { _ = assessor.assess(document.answers, name: document.name, completed: document.completed) }))
let assessment = assessor.assess(document.answers, name: document.name, completed: document.completed)
let engine = try PangoTextEngine.forCurrentThread()
let created = Date(timeIntervalSince1970: 1_772_359_200)
let reportDocument = ReportBuilder(assessment: assessment, questionnaire: questionnaire, creator: "bench", created: created).document()
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
row("compact it (qpdf: object streams)", ms(Measure.median(runs: runs) { _ = QPDFCompactor.compact(drawn) }))
let pdf = try ReportRenderer.pdf(assessment, questionnaire: questionnaire, paper: .a4, creator: "bench", created: created)
// The stricter reading of "60 KB": 60,000 bytes.
row("sample PDF size (\(layout.pages.count) pages)", "\(pdf.count) B", target: "< 60,000 B", met: pdf.count < 60_000)

// Whole processes.
var environment = ProcessInfo.processInfo.environment
environment["XDG_STATE_HOME"] = scratch + "/state"
environment["XDG_CACHE_HOME"] = scratch + "/cache"
environment["NO_COLOR"] = "1"
// Every run but the first finds the checked questionnaire kept in the cache (QuestionnaireCache);
// `Measure.process` makes one unmeasured run first, and the first-prompt rows say which case they are.
let floor = Measure.process(runs: runs, binaries + "/nutriscreen-bench", ["floor", scratch + "/floor.pdf"], environment: environment)
let report = Measure.process(
    runs: runs, nutriscreen,
    ["report", "--answers", sampleAnswers, "--questionnaire", questionnairePath, "--out", scratch + "/report.pdf", "--force"],
    environment: environment)
row("floor: one-page Cairo + Pango program", ms(floor.median))
row("whole `report` command as a process", ms(report.median), target: "≤ 1.5 × floor", met: report.median <= 1.5 * floor.median)
row("ratio report / floor", String(format: "%.2f ×", report.median / floor.median))
row("peak memory of `report`", "\(report.peak / 1024 / 1024) MiB", target: "< 40 MiB", met: report.peak < 40 << 20)
@MainActor func firstPrompt(keepingArchive: Bool) -> Double {
    let times = (0..<runs).map { _ in
        if !keepingArchive { try? FileManager.default.removeItem(atPath: scratch + "/cache") }
        return Measure.firstPrompt(nutriscreen, arguments: ["start", "--new", "--questionnaire", questionnairePath], environment: environment)
    }.sorted()
    return times[times.count / 2]
}
let promptCold = firstPrompt(keepingArchive: false)
let promptWarm = firstPrompt(keepingArchive: true)
row("time to the first prompt", ms(promptWarm), target: "≤ 25 ms", met: promptWarm <= 0.025)
row("  the same, questionnaire not yet checked", ms(promptCold))

// Batch throughput over random complete answers files.
var rng = SystemRandomNumberGenerator()
for index in 0..<batchSize {
    let answers = AnswerSampler.completePath(questionnaire, using: &rng)
    let text = AnswersDocument(answers: answers, name: "Person \(index)", completed: created).yaml(for: questionnaire)
    try text.write(toFile: "\(scratch)/in/answers-\(index).yaml", atomically: false, encoding: .utf8)
}
let batch = Measure.spawn(
    nutriscreen, ["report", "--answers-dir", scratch + "/in", "--out-dir", scratch + "/out", "--questionnaire", questionnairePath, "--force"],
    environment: environment)
let perSecond = Double(batchSize) / batch.seconds
row("batch: \(batchSize) reports, both cores", String(format: "%.0f /s", perSecond), target: "≥ 200 /s", met: perSecond >= 200 && batch.status == 0)
row("peak memory of the batch", "\(batch.peakBytes / 1024 / 1024) MiB")

print(
    "\nMachine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
)
let missed = rows.filter { $0.3 == false }.count
print(missed == 0 ? "All targets met." : "\(missed) target(s) missed.")
