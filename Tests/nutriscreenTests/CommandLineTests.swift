import Foundation
import Testing

/// The built executable, driven through pipes and signals.
@Suite(.serialized) struct CommandLineTests {
    let happyInput = "n\n70\n3\nn\n1\n2\ns\n\n"

    @Test func pipedInputCompletesAScreening() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: happyInput)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("What to do next"))
        #expect(result.stdout.contains("ROUTINE: book an appointment"))
        let sessions = runner.sessions()
        #expect(sessions.count == 1)
        #expect(sessions.first?["status"] as? String == "completed")
        let folder = runner.state + "/nutriscreen"
        let file = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") }!
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!result.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set or output is not a TTY")
    }

    /// At a terminal (here `script`'s pseudo-terminal) a new screening asks for the name on the
    /// report; piped input, as in the other tests, is not asked (scripts pass --name).
    @Test func atATerminalTheInterviewAsksForTheName() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let command = "\(ProcessRunner.executable) start --questionnaire \(ProcessRunner.fixture)"
        let result = try runner.run(["-qec", command, "/dev/null"], input: "Ann Example\nn\nq\n", executable: "/usr/bin/script")
        #expect(result.stdout.contains("What name should go on your report?"), "\(result.stdout)")
        #expect(runner.sessions().first?["name"] as? String == "Ann Example")
        let piped = try runner.run(["start", "--new", "--questionnaire", ProcessRunner.fixture], input: "n\nq\n")
        #expect(!piped.stdout.contains("What name should go on your report?"))
    }

    @Test func endOfInputSavesAndExits75() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: "n\n70\n")
        #expect(result.status == 75)
        #expect(result.stderr.contains("Your answers are saved. \(ProcessRunner.resumeHint)"))
        #expect((runner.sessions().first?["answers"] as? [String: Any])?.count == 2)
    }

    @Test func quitSavesAndResumeFinishes() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let first = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: "n\n70\nq\n")
        #expect(first.status == 0)
        #expect(first.stdout.contains(ProcessRunner.resumeHint))
        let second = try runner.run(["resume"], input: "3\nn\n1\n2\ns\n\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Which best describes how you eat?"))
        #expect(!second.stdout.contains("\nHow old are you?"), "age was answered before quitting")
        #expect(runner.sessions().first?["status"] as? String == "completed")
        let nothing = try runner.run(["resume"])
        #expect(nothing.status == 66)
        #expect(nothing.stderr.contains("no unfinished screening"))
    }

    @Test func startOffersToResumeAnUnfinishedScreening() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        _ = try runner.run(["start", "--questionnaire", ProcessRunner.fixture], input: "n\n70\nq\n")
        let result = try runner.run(["--questionnaire", ProcessRunner.fixture], input: "y\n3\nn\n1\n2\ns\n\n")
        #expect(result.stdout.contains("You have an unfinished screening, saved today at "), "\(result.stdout)")
        #expect(result.stdout.contains(": 2 questions answered, up to 5 to go.\nContinue it?"))
        #expect(result.stdout.contains("question 3 of up to 7"), "the estimate the offer gave")
        #expect(result.status == 0)
        #expect(runner.sessions().count == 1)
    }

    /// The offer says whose screening it is, how far it got and when it was saved, in local
    /// time with its zone, whatever TZ says (POSIX TZ rules, which need no time-zone files).
    @Test func theResumeOfferSaysWhoseHowFarAndWhenInLocalTime() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        _ = try runner.run(["start", "--questionnaire", ProcessRunner.fixture, "--name", "Ann Example"], input: "n\nq\n")
        let folder = runner.state + "/nutriscreen"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") })
        func saved(at time: String) throws {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let changed = text.replacingOccurrences(of: #""updated" : "[^"]*""#, with: "\"updated\" : \"\(time)\"", options: .regularExpression)
            #expect(changed.contains("\"updated\" : \"\(time)\""))
            try changed.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        }
        let europe = "CET-1CEST,M3.5.0,M10.5.0/3"
        let cases = [
            ("2026-03-01T10:00:00Z", europe, "on 1 March 2026 at 11:00 CET"),
            ("2026-07-01T10:00:00Z", europe, "on 1 July 2026 at 12:00 CEST"),
            ("2026-03-01T10:00:00Z", "XST+5", "on 1 March 2026 at 05:00 XST"),
            ("2026-03-01T02:00:00Z", "XST+5", "on 28 February 2026 at 21:00 XST"),
            ("2026-03-01T10:00:00Z", "UTC0", "on 1 March 2026 at 10:00 UTC"),
        ]
        for (time, zone, when) in cases {
            try saved(at: time)
            // End of input at the offer: nothing is changed, so the saved time stays.
            let offer = try runner.run(["--questionnaire", ProcessRunner.fixture], environment: ["TZ": zone])
            #expect(offer.status == 75)
            #expect(
                offer.stdout.hasPrefix(
                    "You have an unfinished screening for Ann Example, saved \(when): 1 question answered, up to 6 to go.\nContinue it?"),
                "\(zone): \(offer.stdout)")
        }
        try saved(at: "2026-03-01T10:00:00Z")
        let resumed = try runner.run(["resume"], input: "q\n", environment: ["TZ": "XST-5:30"])
        #expect(
            resumed.stdout.hasPrefix(
                "Continuing the screening for Ann Example, saved on 1 March 2026 at 15:30 XST: 1 question answered, up to 6 to go.\n"),
            "\(resumed.stdout)")
        #expect(resumed.stdout.contains("question 2 of up to 7"))
    }

    @Test func resumeSaysWhenTheQuestionnaireChanged() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let original = try String(contentsOfFile: ProcessRunner.fixture, encoding: .utf8)
        let copy = ProcessRunner.temporaryFile(original)
        _ = try runner.run(["start", "--questionnaire", copy], input: "n\n70\n3\nq\n")
        // Version 2 renames an option of diet: that answer no longer fits and is asked again.
        let changed = original.replacingOccurrences(of: "version: 1.0.0", with: "version: 2.0.0").replacingOccurrences(
            of: "value: vegan, label: Vegan", with: "value: plant_based, label: Vegan"
        ).replacingOccurrences(of: "[vegetarian, vegan]", with: "[vegetarian, plant_based]").replacingOccurrences(
            of: "diet == vegan", with: "diet == plant_based")
        try changed.write(toFile: copy, atomically: true, encoding: .utf8)
        let result = try runner.run(["resume"], input: "3\nn\n1\n2\ns\n\n")
        #expect(
            result.stdout.contains(
                "The questionnaire has changed since this screening was saved (version 1.0.0 → 2.0.0). 2 answer(s) still fit and are kept; 1 no longer fit and will be asked again (diet)."
            ))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func sigkillThenResumeKeepsEveryAcknowledgedAnswer() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let process = runner.process(["start", "--questionnaire", ProcessRunner.fixture])
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let answers = ["n", "70", "3"]
        for (index, answer) in answers.enumerated() {
            stdin.fileHandleForWriting.write(Data((answer + "\n").utf8))
            // Wait until the tool has saved this answer (acknowledged), then go on.
            let deadline = Date().addingTimeInterval(10)
            while ((runner.sessions().first?["answers"] as? [String: Any])?.count ?? 0) < index + 1, Date() < deadline {
                usleep(10_000)
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let saved = runner.sessions().first?["answers"] as? [String: Any]
        #expect(saved?.count == 3)
        let resumed = try runner.run(["resume"], input: "n\n1\n2\ns\n\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("question 4 of up to 7"), "\(resumed.stdout)")
        let final = runner.sessions().first
        #expect(final?["status"] as? String == "completed")
        #expect((final?["answers"] as? [String: Any])?["diet"] as? String == "vegan")
        #expect((final?["answers"] as? [String: Any])?["age"] as? Int == 70)
    }

    @Test func ctrlCSavesAndExits130() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let process = runner.process(["start", "--questionnaire", ProcessRunner.fixture])
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data("n\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while runner.sessions().isEmpty, Date() < deadline { usleep(10_000) }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(message.contains("Interrupted. Your answers so far are saved"))
        #expect(message.contains("nutriscreen resume"))
        #expect((runner.sessions().first?["answers"] as? [String: Any])?.count == 1)
    }

    @Test func validateReportsLocatedProblemsAndExitCodes() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let ok = try runner.run(["validate", ProcessRunner.fixture])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("basic.yaml: ok"))
        #expect(ok.stderr.contains("basic.yaml: note: schemaVersion 1 is deprecated"))
        let current = try runner.run(["validate", ProcessRunner.repository + "/Questionnaires/neuro-nutrition.yaml"])
        #expect(current.status == 0 && current.stderr.isEmpty, "\(current.stderr)")
        let bad = ProcessRunner.temporaryFile(
            "id: t\nversion: 1\nschemaVersion: 1\ntitle: T\nsections:\n  - id: s\n    title: S\n    items:\n      - id: a\n        type: boolean\n        text: A?\n        wen: b\n"
        )
        let result = try runner.run(["validate", bad])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad):12:9: unknown key 'wen' in an item; did you mean 'when'?"))
        #expect(!result.stderr.contains("Fatal error"))
        let missing = try runner.run(["validate", "/nonexistent/q.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/q.yaml:1:1: cannot read the file: no such file"))
        let all = try runner.run(["validate"], directory: ProcessRunner.repository)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("neuro-nutrition.yaml: ok"))
    }

    @Test func assessPrintsTextAndJSONAndRejectsBadAnswers() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let answers = ProcessRunner.temporaryFile(
            "name: Ann\nsudden_weakness: true\nage: 70\ndiet: vegan\nb12_supplement: false\nmedicines: [none]\n")
        let text = try runner.run(["assess", "--answers", answers, "--questionnaire", ProcessRunner.fixture])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  3. Which best describes how you eat? — Vegan"))
        #expect(text.stdout.contains("EMERGENCY: call your local emergency number now"))
        let json = try runner.run(["assess", "--answers", answers, "--questionnaire", ProcessRunner.fixture, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 3)
        #expect((object?["person"] as? [String: Any])?["age"] as? Int == 70, "who the screening is about travels in the JSON")
        #expect((object?["triage"] as? [String: Any])?["level"] as? String == "emergency")
        #expect((object?["triggers"] as? [[String: Any]])?.map { $0["id"] as? String } == ["stroke", "many_risks"])

        let bad = ProcessRunner.temporaryFile("age: 7\ndiet: vegn\n")
        let rejected = try runner.run(["assess", "--answers", bad, "--questionnaire", ProcessRunner.fixture])
        #expect(rejected.status == 65)
        #expect(rejected.stderr.contains("\(bad):1:6: age: 7 is outside the allowed range 18 to 120 years"))
        #expect(rejected.stderr.contains("\(bad):2:7: diet: 'vegn' is not an option; did you mean 'vegan'?"))
        let missing = try runner.run(["assess", "--answers", "/nonexistent.yaml", "--questionnaire", ProcessRunner.fixture])
        #expect(missing.status == 66)
        let badQuestionnaire = try runner.run(["assess", "--answers", answers, "--questionnaire", "/nonexistent.yaml"])
        #expect(badQuestionnaire.status == 66)
        #expect(badQuestionnaire.stderr.contains("no such file"))
    }
}

/// `assess --json`'s `asked`: the questions the pruned interview asks, in order.
@Suite struct AskedPathTests {
    @Test func askedListsThePrunedInterviewsQuestionsInOrder() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let vignette = ProcessRunner.repository + "/Tests/ScreeningTests/Fixtures/vignettes/vegan.yaml"
        func assess(_ file: String) throws -> [String: Any] {
            let result = try runner.run(["assess", "--answers", file, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let full = try assess(vignette)
        let asked = try #require(full["asked"] as? [String])
        let answers = try #require(full["answers"] as? [[String: Any]])
        let answered = answers.compactMap { $0["id"] as? String }
        #expect(asked.prefix(4) == ["ws_now", "ws_recent", "birth_date", "age"], "the warning signs come first")
        // Asked in asking order, all answered here but the two optional questions (date of birth,
        // free text), and not all the answers given: this person is not asked how the symptoms
        // started or about stress, which cannot change the result. Pernicious anaemia in the family
        // and hard exercise are asked: they are risks of nutrients that may be flagged (B12, iron),
        // reasons page 1 shows.
        #expect(answered.filter(asked.contains) == asked.filter(answered.contains))
        #expect(Set(asked).subtracting(answered) == ["birth_date", "anything_else"])
        #expect(Set(answered).subtracting(asked) == ["main_onset", "stress"])
        #expect(answered.contains("main_onset") && !asked.contains("main_onset"))

        // Answering only what was asked gives the same result, and the same questions.
        var given: [String: Any] = [:]
        for answer in answers where asked.contains(answer["id"] as? String ?? "") { given[answer["id"] as! String] = answer["value"] }
        let file = runner.state + "/asked-only.json"
        try JSONSerialization.data(withJSONObject: given).write(to: URL(fileURLWithPath: file))
        let pruned = try assess(file)
        #expect(pruned["asked"] as? [String] == asked)
        #expect(
            NSDictionary(dictionary: pruned["triage"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: full["triage"] as? [String: Any] ?? [:]))
        func bands(_ assessment: [String: Any]) -> [String] {
            (assessment["nutrients"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "") \($0["band"] ?? "")" }.sorted()
        }
        #expect(bands(pruned) == bands(full) && !bands(full).isEmpty)
        #expect(
            (pruned["triggers"] as? [[String: Any]])?.map { $0["id"] as? String }
                == (full["triggers"] as? [[String: Any]])?.map { $0["id"] as? String })
    }

    /// A schemaVersion 1 questionnaire has no pruning: every shown question is asked, and the
    /// JSON has no `asked`.
    @Test func aSchemaOneQuestionnaireHasNoAskedPath() throws {
        let runner = ProcessRunner()
        defer { runner.cleanUp() }
        let answers = ProcessRunner.temporaryFile("sudden_weakness: false\nage: 70\ndiet: vegan\nb12_supplement: false\nmedicines: [none]\n")
        let result = try runner.run(["assess", "--answers", answers, "--questionnaire", ProcessRunner.fixture, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["answers"] != nil && object?["asked"] == nil)
    }
}
