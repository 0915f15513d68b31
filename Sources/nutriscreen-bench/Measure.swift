import Foundation
import Screening

#if canImport(Glibc)
    import Glibc
#endif

/// Timing helpers: medians over repeated runs, and child processes with their peak memory.
enum Measure {
    /// Median seconds of `runs` calls of `body`, after one warm-up call.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    struct Child {
        var seconds: Double
        var status: Int32
        /// Peak resident memory of the child, in bytes.
        var peakBytes: Int
    }

    /// Runs a program to completion with posix_spawn and wait4, so its peak memory is known.
    /// Linux carries the parent's peak memory into a child it starts (the child shares the
    /// parent's memory until it runs the program), so the peak read is never below the bench's
    /// own (`peakBytes()`).
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Child {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return Child(seconds: 0, status: -1, peakBytes: 0) }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Child(seconds: seconds, status: (status >> 8) & 0xFF, peakBytes: usage.ru_maxrss * 1024)
    }

    /// This process's peak resident memory so far (VmHWM), in bytes.
    static func peakBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// One timed run in an interleaved series.
    struct Sample {
        var seconds: Double
        var peakBytes = 0
        var failed = false
    }

    /// One command's figures from an interleaved series.
    struct Series {
        var median: Double
        var peak: Int
        var failures: Int
        /// The median, over rounds, of this command's time over the first command's.
        var ratioToFirst: Double
    }

    /// Runs `bodies` in turn, round after round, after one unmeasured round, so a drift in the
    /// machine's speed (this one drifts by up to 1.9 × within minutes) touches them all alike.
    static func interleaved(runs: Int, _ bodies: [() -> Sample]) -> [Series] {
        for body in bodies { _ = body() }
        var samples = bodies.map { _ in [Sample]() }
        for _ in 0..<runs {
            for (index, body) in bodies.enumerated() { samples[index].append(body()) }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return samples.map { series in
            Series(
                median: median(series.map(\.seconds)), peak: series.map(\.peakBytes).max() ?? 0, failures: series.filter(\.failed).count,
                ratioToFirst: median(zip(series, samples[0]).map { $0.seconds / $1.seconds }))
        }
    }

    /// A run of a program as an interleaved sample.
    static func sample(_ path: String, _ arguments: [String], environment: [String: String]) -> Sample {
        let child = spawn(path, arguments, environment: environment)
        return Sample(seconds: child.seconds, peakBytes: child.peakBytes, failed: child.status != 0)
    }

    /// Wall seconds to run every argument list through `path` as its own process, as many at a
    /// time as there are cores; and how many failed.
    static func concurrently(_ path: String, _ argumentLists: [[String]], environment: [String: String]) -> (seconds: Double, failures: Int) {
        let failures = Failures()
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: argumentLists.count) { index in
            if spawn(path, argumentLists[index], environment: environment).status != 0 { failures.add() }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, failures.count)
    }

    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() {
            lock.lock()
            value += 1
            lock.unlock()
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    /// Seconds from starting the interview until its first prompt appears on its output.
    static func firstPrompt(_ path: String, arguments: [String], environment: [String: String]) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        guard (try? process.run()) != nil else { return .nan }
        var seen = ""
        while !seen.contains("> ") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        process.terminate()
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return seconds
    }
}

extension Today {
    /// The bench's day, that of its fixed creation time (1 March 2026, 10:00 UTC), in UTC: the
    /// bench reads no clock for what it measures, so its reports are the same on any day.
    static let bench = Today(day: CalendarDate(year: 2026, month: 3, day: 1)!, zone: .utc)
}
