import Foundation

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

    /// Runs a program to completion with posix_spawn and wait4, so its own peak memory is known.
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Child {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
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

    /// Median wall time and the largest peak memory of `runs` runs of a program.
    static func process(runs: Int, _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> (
        median: Double, peak: Int, failures: Int
    ) {
        _ = spawn(path, arguments, environment: environment)
        var times: [Double] = []
        var peak = 0
        var failures = 0
        for _ in 0..<runs {
            let child = spawn(path, arguments, environment: environment)
            times.append(child.seconds)
            peak = max(peak, child.peakBytes)
            if child.status != 0 { failures += 1 }
        }
        return (times.sorted()[times.count / 2], peak, failures)
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
