import Foundation
import Testing

/// The weekly job run as cron runs it: the built executable, its exit codes, its files.
@Suite("homecoming weekly, as cron runs it", .serialized)
struct WeeklyJobTests {
    static let templates = CLI.packageRoot.appendingPathComponent("Templates").path
    static let env = ["HOMECOMING_TEMPLATES": templates]

    /// A scratch directory whose Output holds the briefing of week 47 of 2026.
    static func published() throws -> (CLI, String) {
        let cli = try CLI()
        let first = try cli.run(["weekly", "--quiet"], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        return (cli, cli.directory.appendingPathComponent("Output").path)
    }

    static func leftovers(_ cli: CLI) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cli.directory.path)) ?? []).filter { $0.contains(".staging-") }
    }

    @Test(arguments: ["locked", "rendered", "staged-some", "staged"])
    func aRunKilledBeforePublishingLeavesThePreviousOutputAsItWas(step: String) throws {
        // Given last week's output
        let (cli, output) = try Self.published()
        defer { cli.cleanUp() }
        let before = CLI.tree(output)
        #expect(before.keys.contains("briefings/weekly/2026-W47/en/briefing.html"))

        // When a run for the next week is killed at a step before publishing
        var env = Self.env
        env["HOMECOMING_TEST_PAUSE"] = step
        let run = try cli.start(["weekly", "--quiet", "--week", "2026-W48"], environment: env)
        #expect(try run.waitFor("paused at \(step)"), "the run did not reach \(step)")
        run.kill()

        // Then the output is byte for byte the previous one, with no partial file in it
        #expect(CLI.tree(output) == before)
        // And the next run removes what the killed one left, and publishes
        let next = try cli.run(["weekly", "--week", "2026-W48"], environment: Self.env)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Self.leftovers(cli).isEmpty)
        let after = CLI.tree(output)
        #expect(after.keys.contains("briefings/weekly/2026-W48/uk/briefing.txt"))
        #expect(after["briefings/weekly/2026-W47/en/briefing.html"] == before["briefings/weekly/2026-W47/en/briefing.html"])
    }

    @Test func aRunKilledJustAfterTheSwapLeavesTheNewOutputComplete() throws {
        let (cli, output) = try Self.published()
        defer { cli.cleanUp() }
        var env = Self.env
        env["HOMECOMING_TEST_PAUSE"] = "published"
        let run = try cli.start(["weekly", "--quiet", "--week", "2026-W48"], environment: env)
        #expect(try run.waitFor("paused at published"))
        run.kill()
        let killed = CLI.tree(output)
        #expect(killed.keys.contains("briefings/weekly/2026-W48/en/briefing.md"))
        #expect(String(decoding: killed["index.html"] ?? Data(), as: UTF8.self).contains("2026-W48"))
        #expect(Self.leftovers(cli).count == 1)
        // The old tree it left beside the output goes with the next run, which finds nothing to change.
        let next = try cli.run(["weekly", "--week", "2026-W48"], environment: Self.env)
        #expect(next.stderr.contains("removed 1 leftover staging directory"))
        #expect(next.stderr.contains("up to date"))
        #expect(Self.leftovers(cli).isEmpty)
        #expect(CLI.tree(output) == killed)
    }

    @Test func aChartRunIntoThePublishedOutputWaitsForTheWeeklyRun() throws {
        // Given a weekly run that holds the output's lock (paused just after taking it)
        let (cli, output) = try Self.published()
        defer { cli.cleanUp() }
        var env = Self.env
        env["HOMECOMING_TEST_PAUSE"] = "locked"
        let weekly = try cli.start(["weekly", "--quiet", "--week", "2026-W48"], environment: env)
        #expect(try weekly.waitFor("paused at locked"))
        let charts = output + "/charts"
        let arguments = ["chart", "per-year", "--format", "svg", "--out", charts, "--templates", Self.templates]

        // When charts are drawn into Output/charts, then they wait for it, and give up with 75 naming it
        let blocked = try cli.run(arguments + ["--wait", "0"], environment: Self.env)
        #expect(blocked.status == 75, "\(blocked.stderr)")
        #expect(blocked.stderr.contains("is writing the output"))
        #expect(!FileManager.default.fileExists(atPath: charts))

        // And once the weekly run is gone they are written
        weekly.kill()
        let written = try cli.run(arguments + ["--wait", "5"], environment: Self.env)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: charts + "/per-year.svg"))
    }

    @Test func ofTwoConcurrentRunsOneWritesAndTheOtherExits75() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        var env = Self.env
        env["HOMECOMING_TEST_PAUSE"] = "locked"
        let holder = try cli.start(["weekly", "--quiet"], environment: env)
        #expect(try holder.waitFor("paused at locked"))
        let second = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(second.status == 75)
        #expect(second.stderr.contains("another homecoming run (pid \(holder.process.processIdentifier)) is writing the output"))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Output").path))
        // The holder dies; its lock goes with it and the next run takes over.
        holder.kill()
        let third = try cli.run(["weekly", "--quiet", "--wait", "5"], environment: Self.env)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Output/index.html").path))
    }

    @Test func aReRunRewritesNothing() throws {
        let (cli, output) = try Self.published()
        defer { cli.cleanUp() }
        func stamps() throws -> [String: [String]] {
            var result: [String: [String]] = [:]
            for path in CLI.tree(output).keys {
                let attributes = try FileManager.default.attributesOfItem(atPath: (output as NSString).appendingPathComponent(path))
                result[path] = ["\(attributes[.modificationDate] ?? "")", "\(attributes[.systemFileNumber] ?? "")"]
            }
            return result
        }
        let before = try stamps()
        let again = try cli.run(["weekly"], environment: Self.env)
        #expect(again.status == 0)
        #expect(again.stderr.contains("homecoming: up to date: "))
        #expect(try stamps() == before)
    }

    @Test func aReadOnlyOutputGives73AndStaysAsItWas() throws {
        let (cli, output) = try Self.published()
        defer { cli.cleanUp() }
        let before = CLI.tree(output)
        let result: CLI.Result
        if getuid() == 0 {
            // Root writes anywhere: run as nobody, for whom the parent is writable but Output is not.
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cli.directory.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: cli.database)
            let lock = cli.directory.appendingPathComponent(".Output.lock").path
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: lock)
            let binary = cli.directory.appendingPathComponent("homecoming-copy")
            try FileManager.default.copyItem(at: CLI.executable, to: binary)
            let templates = cli.directory.appendingPathComponent("Templates-copy")
            try FileManager.default.copyItem(atPath: Self.templates, toPath: templates.path)
            result = try Self.runAsNobody(binary.path, ["weekly", "--quiet", "--week", "2026-W48", "--database", cli.database, "--now", "2026-11-26"],
                                          directory: cli.directory, templates: templates.path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output) }
            result = try cli.run(["weekly", "--quiet", "--week", "2026-W48"], environment: Self.env)
        }
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("homecoming weekly: publish: cannot write"))
        #expect(result.stderr.contains("the previous output is as it was"))
        #expect(CLI.tree(output) == before)
        #expect(Self.leftovers(cli).isEmpty)
    }

    /// Mounting a small file system takes root (and a kernel that lets this container do it).
    static let canMountTmpfs: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("homecoming-mount-probe-\(getpid())")
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)) != nil,
              (try? command("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path])) == 0 else { return false }
        _ = try? command("/bin/umount", [probe.path])
        return true
    }()

    @discardableResult
    static func command(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: WeeklyJobTests.canMountTmpfs, "mounts a 16 MiB tmpfs, which takes root"))
    func aFullDiskGives73AndLeavesTheOutputAsItWas() throws {
        // Given an output published on a small file system
        let cli = try CLI()
        defer { cli.cleanUp() }
        let disk = cli.directory.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(try Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.path]) == 0)
        defer { try? Self.command("/bin/umount", [disk.path]) }
        let output = disk.appendingPathComponent("Output").path
        let first = try cli.run(["weekly", "--quiet", "--out", output], environment: Self.env)
        #expect(first.status == 0, "\(first.stderr)")
        let before = CLI.tree(output)
        #expect(before.count > 30)

        // When the disk fills up, leaving 100 KiB, and next week's run publishes
        var stats = statvfs()
        #expect(statvfs(disk.path, &stats) == 0)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        #expect(FileManager.default.createFile(atPath: disk.appendingPathComponent("filler").path, contents: Data(count: free - 100 * 1024)))
        let second = try cli.run(["weekly", "--quiet", "--week", "2026-W48", "--out", output], environment: Self.env)

        // Then it fails with 73 and says why; the output is as it was, and nothing is left behind
        #expect(second.status == 73, "\(second.stderr)")
        #expect(second.stderr.contains("No space left on device"))
        #expect(second.stderr.contains("the previous output is as it was"))
        #expect(CLI.tree(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { $0.contains(".staging-") }.isEmpty)
    }

    static func runAsNobody(_ binary: String, _ arguments: [String], directory: URL, templates: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOMECOMING_TEMPLATES": templates]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus,
                          stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                          stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func aCorruptDatabaseIsReportedAndLeftAsItIs() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let junk = Data(repeating: 0x42, count: 4096)
        try junk.write(to: URL(fileURLWithPath: cli.database))
        let result = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(result.status == 65)
        #expect(result.stderr.contains("homecoming weekly: read the record: the database \(cli.database) cannot be used: the file is not an SQLite database"))
        #expect(try cli.storeBytes() == junk)
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Output").path))
    }

    @Test func quietMeansSilentOnSuccessButWarnsOfStaleData() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // Fresh: the bundled record was checked through 15 May 2026.
        let fresh = try cli.run(["weekly", "--quiet", "--now", "2026-02-10"], environment: Self.env)
        #expect(fresh.status == 0)
        #expect(fresh.stdout.isEmpty)
        #expect(fresh.stderr.isEmpty, "even the store's creation is a notice, which --quiet leaves out")
        let silent = try cli.run(["weekly", "--quiet", "--now", "2026-02-10", "--force"], environment: Self.env)
        #expect(silent.status == 0)
        #expect(silent.stdout.isEmpty && silent.stderr.isEmpty)
        // Stale: the warning still prints.
        let stale = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(stale.status == 0)
        #expect(stale.stdout.isEmpty)
        #expect(stale.stderr.hasPrefix("homecoming: warning: the data may be stale"))
        // JSON logs: one object per line, all on standard error, each with the clock's time (not --now).
        let json = try cli.run(["weekly", "--log-format", "json", "--force"], environment: Self.env)
        #expect(json.stdout.isEmpty)
        let lines = json.stderr.split(separator: "\n")
        #expect(lines.count >= 6, "five steps and the result")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            #expect(object?["level"] != nil && object?["message"] != nil, "\(line)")
            #expect(object?["time"]?.hasPrefix("\(year)-") == true && object?["time"]?.hasSuffix("Z") == true, "\(line)")
        }
    }

    @Test func quietStillWarnsOfANewReconciliationGap() throws {
        // The week of 30 December 2024 to 5 January 2025: officials reported 3,956 returned since the invasion
        // (once exactly, once "approximately": only the exact one is a gap) and 1,002 for 2023 (derived); the record has 3,815 and 996.
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["weekly", "--quiet", "--week", "2025-W01", "--now", "2025-01-06"], environment: Self.env)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("homecoming: warning:") }
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.contains { $0.contains("new reconciliation gap: Coordination HQ for the Treatment of POWs reported 3956 returned from 2022-02-24 to 2024-12-30; the record counts 3815 (difference -141)") })
        #expect(warnings.contains { $0.contains("new reconciliation gap: Defence Intelligence of Ukraine (HUR) reported 1002 (derived by Homecoming: 1,358 − 356) returned from 2023-01-01 to 2023-12-31; the record counts 996 (difference -6)") })
        #expect(!result.stderr.contains("stale"))
    }

    @Test(arguments: [
        ("{\"languages\": [\"en\", \"fr\"]}", "homecoming.json: \"languages\" has \"fr\", which is not one of en, uk"),
        ("{\"staleAfter\": \"soon\"}", "homecoming.json: \"staleAfter\" is \"soon\", which is not a whole number of days"),
        ("{\"colour\": \"red\"}", "homecoming.json: unknown key \"colour\""),
        ("{\"chartSize\": \"huge\"}", "homecoming.json: \"chartSize\" is \"huge\""),
        ("[1, 2]", "homecoming.json: the file must hold one JSON object"),
    ])
    func aBadConfigurationFileGives78(text: String, message: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.write("homecoming.json", text)
        let result = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(result.status == 78)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func configurationPrecedenceIsFlagsThenEnvironmentThenFileThenDefaults() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.write("homecoming.json", "{\"languages\": [\"uk\"], \"formats\": [\"md\"], \"staleAfter\": 30, \"byline\": \"Olena K.\"}")
        let shown = try cli.run(["config", "--format", "txt", "--database", cli.database], database: false,
                                environment: ["HOMECOMING_STALE_AFTER": "21", "HOMECOMING_TEMPLATES": Self.templates])
        #expect(shown.status == 0, "\(shown.stderr)")
        let rows = shown.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("languages uk homecoming.json"))
        #expect(rows.contains("formats txt --format"))
        #expect(rows.contains("staleAfter 21 $HOMECOMING_STALE_AFTER"))
        #expect(rows.contains("byline Olena K. homecoming.json"))
        #expect(rows.contains("theme light default"))
        // And the job follows it: Ukrainian text only.
        let run = try cli.run(["weekly", "--quiet", "--format", "txt"], environment: Self.env)
        #expect(run.status == 0, "\(run.stderr)")
        let files = CLI.tree(cli.directory.appendingPathComponent("Output").path).keys.filter { $0.contains("/briefing.") }
        #expect(Set(files) == ["briefings/weekly/2026-W47/uk/briefing.txt", "briefings/weekly/2026-W47/uk/briefing.json"])
    }

    @Test func briefingAndChartTakeTheSameSettingsAsTheWeeklyJob() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.write("homecoming.json", "{\"languages\": [\"uk\"], \"formats\": [\"md\"], \"theme\": \"dark\", \"chartSize\": \"square\", \"byline\": \"Olena K.\", \"output\": \"site\"}")
        // briefing: languages, formats and output from the file, the output overridden by the environment.
        let briefing = try cli.run(["briefing", "annual", "--year", "2024"], environment: Self.env.merging(["HOMECOMING_OUTPUT": "press"]) { $1 })
        #expect(briefing.status == 0, "\(briefing.stderr)")
        let files = CLI.tree(cli.directory.appendingPathComponent("press").path).keys.filter { $0.contains("/briefing.") }
        #expect(Set(files) == ["briefings/annual/2024/uk/briefing.md", "briefings/annual/2024/uk/briefing.json"])
        // chart: the theme from the file, into charts/ of the configured output; a flag (the size) wins over the file.
        try FileManager.default.createDirectory(at: cli.directory.appendingPathComponent("site"), withIntermediateDirectories: false)
        let chart = try cli.run(["chart", "per-year", "--format", "svg", "--size", "wide"], environment: Self.env)
        #expect(chart.status == 0, "\(chart.stderr)")
        let provenance = try CLI.chartOptions(cli.directory.appendingPathComponent("site/charts/per-year.json").path)
        #expect(provenance["theme"] == "dark" && provenance["width"] == "1600", "\(provenance)")
        // A wrong value in the file stops chart as it stops weekly: 78, naming the key.
        _ = try cli.write("homecoming.json", "{\"chartSize\": \"huge\"}")
        let refused = try cli.run(["chart", "per-year"], environment: Self.env)
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("homecoming.json: \"chartSize\" is \"huge\""), "\(refused.stderr)")
    }

    @Test func everyOtherExitCode() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        // 64: a command line that makes no sense.
        #expect(try cli.run(["weekly", "--wait", "-3"], environment: Self.env).status == 64)
        #expect(try cli.run(["weekly", "--week", "2026-W60"], environment: Self.env).status == 64)
        // 66: the bundled dataset is missing when a new store must be seeded.
        let missing = try cli.run(["weekly", "--quiet"], environment: ["HOMECOMING_DATA": "/nonexistent", "HOMECOMING_TEMPLATES": Self.templates])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot seed the new database from /nonexistent"))
        // 74: an input/output error while publishing (simulated by a test hook).
        let io = try cli.run(["weekly", "--quiet"], environment: ["HOMECOMING_TEST_FAULT": "rendered", "HOMECOMING_TEMPLATES": Self.templates])
        #expect(io.status == 74)
        #expect(io.stderr.contains("input/output error"))
    }
}
