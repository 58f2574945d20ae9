import Foundation
import Testing

/// Publishing touches only what Homecoming made; hostile text and odd settings never reach
/// files, terminals or the clock unchecked. Each test runs the built executable in a scratch
/// directory and makes its own files, links and device nodes there (never the machine's).
@Suite("Safe to point anywhere: refused outputs, hostile text, odd settings", .serialized)
struct SafetyTests {
    static let env = ["HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path]

    /// Everything below `path`, not following links: kind, mode, owner and bytes (or a link's target).
    static func snapshot(_ path: String) -> [String: String] {
        var out: [String: String] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? path : (path as NSString).appendingPathComponent(relative)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let mode = String(info.st_mode & 0o7777, radix: 8), owner = "\(info.st_uid):\(info.st_gid)"
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                out[relative] = "dir \(mode) \(owner)"
                for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] where !name.hasPrefix(".stdout-") && !name.hasPrefix(".stderr-") {
                    pending.append(relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name))
                }
            case S_IFLNK:
                out[relative] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
            case S_IFREG:
                let bytes = FileManager.default.contents(atPath: full) ?? Data()
                out[relative] = "file \(mode) \(owner) \(bytes.count) \(bytes.hashValue)"
            default:
                out[relative] = "special \(info.st_mode) \(info.st_rdev)"
            }
        }
        return out
    }

    /// Runs `weekly` (and the same with `briefing annual`) into `out`; returns both results.
    static func publish(_ cli: CLI, out: String) throws -> [CLI.Result] {
        [try cli.run(["weekly", "--quiet", "--out", out], environment: env),
         try cli.run(["briefing", "annual", "--year", "2024", "--out", out], environment: env)]
    }

    @Test func aFileAFifoAndADeviceAsOutputAreRefusedAndNothingBesideThemIsMade() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.run(["check"])
        let places = cli.directory.appendingPathComponent("places").path
        try FileManager.default.createDirectory(atPath: places, withIntermediateDirectories: true)
        let file = try cli.write("places/notes.txt", "mine\n")
        let fifo = (places as NSString).appendingPathComponent("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        var outputs = [file, fifo]
        if getuid() == 0 {
            // A private null device, made here: the machine's own /dev is never used.
            let device = (places as NSString).appendingPathComponent("null")
            #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0) // major 1, minor 3: a null device
            outputs.append(device)
        }
        let before = Self.snapshot(places)
        for out in outputs {
            for result in try Self.publish(cli, out: out) {
                #expect(result.status == 73, "\(out): \(result.stderr)")
                #expect(result.stderr.contains("refusing to publish into \(out)"), "\(result.stderr)")
                #expect(result.stderr.contains("nothing was written"))
            }
            #expect(Self.snapshot(places) == before, "something beside \(out) changed")
        }
    }

    @Test func aSymlinkedOutputAndASymlinkedLockAreNeverFollowed() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        let target = cli.directory.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        _ = try cli.write("elsewhere/keep.txt", "keep\n")
        let secret = try cli.write("secret.txt", "do not truncate\n")
        let link = cli.directory.appendingPathComponent("Output-link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let before = Self.snapshot(cli.directory.path)
        for result in try Self.publish(cli, out: link) {
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("symbolic link"))
        }
        #expect(Self.snapshot(cli.directory.path) == before)
        // A link planted at the lock path: the run refuses, and the file it points at is untouched.
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent(".Output.lock").path, withDestinationPath: secret)
        let withLockLink = Self.snapshot(cli.directory.path)
        let result = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("the lock path is a symbolic link"))
        #expect(Self.snapshot(cli.directory.path) == withLockLink)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "do not truncate\n")
    }

    @Test func aDirectoryOfSomeoneElsesThingsIsRefusedAndKeepsItsModes() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let shared = cli.directory.appendingPathComponent("shared").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: shared + "/.ssh", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: shared + "/drop", withIntermediateDirectories: true)
        _ = try cli.write("shared/.ssh/id", "key\n")
        #expect(chmod(shared + "/.ssh", 0o700) == 0 && chmod(shared + "/drop", 0o1777) == 0)
        try manager.createSymbolicLink(atPath: shared + "/www", withDestinationPath: "/nonexistent-homecoming-test")
        let before = Self.snapshot(shared)
        for result in try Self.publish(cli, out: shared) {
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("holds files Homecoming did not make"))
        }
        #expect(Self.snapshot(shared) == before)
    }

    @Test func insideItsOwnOutputHomecomingKeepsModesAndRefusesLinksAndLeavesForeignStagingNamesAlone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let output = cli.directory.appendingPathComponent("Output").path
        let first = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/.homecoming-output"))
        // An operator makes a private directory inside it, and a file beside it that only looks like a leftover.
        try FileManager.default.createDirectory(atPath: output + "/private", withIntermediateDirectories: true)
        _ = try cli.write("Output/private/notes.txt", "mine\n")
        #expect(chmod(output + "/private", 0o700) == 0)
        let foreign = try cli.write(".Output.staging-evil", "not a staging directory\n")
        try FileManager.default.createDirectory(atPath: cli.directory.appendingPathComponent(".Output.staging-4242").path, withIntermediateDirectories: true)
        let second = try cli.run(["weekly", "--quiet", "--week", "2026-W46"], environment: Self.env)
        #expect(second.status == 0, "\(second.stderr)")
        let after = Self.snapshot(output)
        #expect(after["private"]?.hasPrefix("dir 700") == true, "\(after["private"] ?? "gone")")
        #expect(after["private/notes.txt"] != nil)
        #expect(FileManager.default.fileExists(atPath: foreign))
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(".Output.staging-4242").path))
        // A link inside the output: the next run refuses and changes nothing.
        try FileManager.default.createSymbolicLink(atPath: output + "/briefings/out", withDestinationPath: "/tmp")
        let withLink = Self.snapshot(output)
        let third = try cli.run(["weekly", "--quiet", "--week", "2026-W45"], environment: Self.env)
        #expect(third.status == 73, "\(third.stderr)")
        #expect(third.stderr.contains("a symbolic link inside the output"))
        #expect(Self.snapshot(output) == withLink)
    }

    @Test func aReadOnlyOutputIsReadOnlyForRootToo() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let output = cli.directory.appendingPathComponent("Output").path
        #expect(try cli.run(["weekly", "--quiet"], environment: Self.env).status == 0)
        #expect(chmod(output, 0o555) == 0)
        defer { _ = chmod(output, 0o755) }
        let before = Self.snapshot(cli.directory.path)
        // Run as whoever runs the tests: root in CI, where access(2) would say yes.
        let result = try cli.run(["weekly", "--quiet", "--week", "2026-W46"], environment: Self.env)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("read-only"))
        var after = Self.snapshot(cli.directory.path)
        after["store.sqlite"] = before["store.sqlite"]
        #expect(after == before)
    }

    @Test(arguments: [("--now", "9999-12-31T23:59:59Z"), ("--now", "1969-12-31"), ("--now", "3000-01-01"),
                      ("SOURCE_DATE_EPOCH", "99999999999999"), ("SOURCE_DATE_EPOCH", "-1"), ("SOURCE_DATE_EPOCH", "1764547200000")])
    func aNowOutsideTheSupportedYearsIsAUsageError(source: String, value: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = source == "--now" ? try cli.run(["list", "--now", value])
            : try cli.run(["list", "--database", cli.database], database: false, environment: [source: value])
        #expect(result.status == 64, "\(source)=\(value): \(result.stderr)")
        #expect(result.stderr.contains(source))
    }

    @Test func aBusyDatabaseWaitsThenSaysTryAgainLater() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        // Another process holds the write lock for longer than Homecoming waits.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(6)", cli.database]
        let pipe = Pipe()
        holder.standardOutput = pipe
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        _ = pipe.fileHandleForReading.availableData // "held": the lock is taken
        let before = try cli.storeBytes()
        let result = try cli.run(["list"])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("is busy") && result.stderr.contains("try again later"))
        #expect(try cli.storeBytes() == before)
    }

    @Test func exportIsSafeInASpreadsheetAndRoundTripsByteForByte() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let header = "date,part_of,returned_total,returned_military,returned_civilians,released_to_russia,bodies_returned,mediator,notes,source_name,source_url,confidence\n"
        let hostile = header
            + "2022-03-01,,5,,,,,,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",+cmd|' /C calc'!A0,https://example.org/a,high\n"
            + "2022-03-02,,6,,,,,,@SUM(1+1),\"-2 for 2\",https://example.org/b,high\n"
            + "2022-03-03,,7,,,,,,\"first line\r\nsecond line\",'=already quoted,https://example.org/c,high\n"
        let file = try cli.write("hostile.csv", hostile)
        let imported = try cli.run(["import", file, "--no-seed", "--by", "tester"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try cli.run(["export"])
        #expect(exported.status == 0, "\(exported.stderr)")
        // Every cell that would start a formula starts with ' instead; the CRLF note is quoted.
        for line in exported.stdout.split(separator: "\n") {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let text = cell.hasPrefix("\"") ? cell.dropFirst() : cell
                #expect(!(text.first.map { "=+-@".contains($0) } ?? false), "a formula cell: \(cell)")
            }
        }
        #expect(exported.stdout.contains("\"first line\r\nsecond line\""))
        // And it imports back into an empty store, and exports to the same bytes.
        let again = try CLI()
        defer { again.cleanUp() }
        let path = try again.write("again.csv", exported.stdout)
        #expect(try again.run(["import", path, "--no-seed", "--by", "tester"]).status == 0)
        #expect(try again.run(["export"]).stdout == exported.stdout)
    }

    @Test func textFromTheRecordCannotBreakOutInMarkdownTextOrTheTerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        // An escape sequence or a NUL is refused where it is, and nothing is imported.
        for (hostile, code) in [("red \u{1B}[31m text", "U+001B"), ("cut\u{0}here", "U+0000")] {
            let file = try cli.write("bad.csv", "date,returned_total,notes,source_url,confidence\n2026-11-20,12,\"\(hostile)\",https://example.org/n,high\n")
            let before = try cli.storeBytes()
            let refused = try cli.run(["import", file, "--by", "tester"])
            #expect(refused.status == 65, "\(refused.stderr)")
            #expect(refused.stderr.contains("bad.csv:2:") && refused.stderr.contains("control character \(code)"), "\(refused.stderr)")
            #expect(try cli.storeBytes() == before)
        }
        // Line breaks are allowed in a note, but never make Markdown or text blocks of their own.
        let note = "Stage two\r\n```\r\n# injected heading\r\n- injected item\rover"
        let csv = "date,returned_total,notes,source_url,confidence\n2026-11-20,12,\"\(note)\",https://example.org/n,high\n"
        let file = try cli.write("note.csv", csv)
        #expect(try cli.run(["import", file, "--by", "tester"]).status == 0)
        let listed = try cli.run(["list", "--from", "2026-11-16", "--to", "2026-11-22", "--details"])
        #expect(!listed.stdout.contains("\r") && listed.stdout.contains("Stage two"), "\(listed.stdout)")
        let out = cli.directory.appendingPathComponent("briefs").path
        let briefing = try cli.run(["briefing", "weekly", "--week", "2026-W47", "--out", out], environment: Self.env)
        #expect(briefing.status == 0, "\(briefing.stderr)")
        for format in ["md", "txt"] {
            let text = try String(contentsOfFile: out + "/briefings/weekly/2026-W47/en/briefing.\(format)", encoding: .utf8)
            #expect(text.contains("Stage two"), "the note is not in the \(format) briefing")
            #expect(!text.contains("\r"))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(!line.hasPrefix("```") && !line.hasPrefix("# injected") && !line.hasPrefix("- injected"), "\(format): \(line)")
            }
        }
    }

    @Test func jsonTypesAreStrictAndSyntaxErrorsHaveALineAndColumn() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        let row = #""date": "2026-11-20", "source_url": "https://example.org/j", "confidence": "high""#
        let cases: [(String, String)] = [
            ("{\"exchanges\": [{\(row), \"returned_total\": true}]}", "returned_total is true or false"),
            ("{\"exchanges\": [{\(row), \"returned_total\": 12.0}]}", "is not a whole number"),
            ("{\"exchanges\": [{\(row), \"returned_total\": \"12\"}]}", "returned_total is not a number"),
            ("{\"exchanges\": [{\(row), \"returned_total\": 12, \"notes\": 5}]}", "notes is not a string"),
            ("{\"exchanges\": [{\(row), \"returned_total\": 12, \"returned_total\": 13}]}", "given twice"),
            ("{\"exchanges\": [\n  {\(row),\n   \"returned_total\": 12,,}\n]}", "json:3:"),
        ]
        for (json, expected) in cases {
            let file = try cli.write("in.json", json)
            let before = try cli.storeBytes()
            let result = try cli.run(["import", file, "--by", "tester"])
            #expect(result.status == 65, "\(json): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(json): \(result.stderr)")
            #expect(try cli.storeBytes() == before)
        }
    }

    /// The store after `sql` ran on it (outside Homecoming, as a damaged or hand-edited file would be).
    static func edit(_ database: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: ["UPDATE exchange SET returned_total = 9223372036854775807 WHERE date = '2024-12-30'",
                      "UPDATE exchange SET source_url = 'ht' || char(0) || 'tp://garbled' WHERE date = '2024-12-30'",
                      "UPDATE exchange SET returned_military = 500, returned_civilians = 500 WHERE date = '2024-12-30'"])
    func aStoredRowThatAnImportWouldRefuseStopsEveryReader(sql: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["weekly", "--quiet"], environment: Self.env).status == 0)
        try Self.edit(cli.database, sql)
        let output = cli.directory.appendingPathComponent("Output").path
        let before = Self.snapshot(output)
        for arguments in [["list"], ["weekly", "--quiet", "--week", "2026-W46"], ["chart", "all", "--out", output + "/charts"], ["briefing", "annual", "--year", "2024"]] {
            let result = try cli.run(arguments, environment: Self.env)
            #expect(result.status == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("does not pass the checks of an import"), "\(arguments[0]): \(result.stderr)")
        }
        #expect(Self.snapshot(output) == before)
    }

    @Test func aDamagedStoreIsNeverPublishedFrom() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["weekly", "--quiet"], environment: Self.env).status == 0)
        let output = cli.directory.appendingPathComponent("Output").path
        let before = Self.snapshot(output)
        // Garble the middle of every page but the first (the header), as a failing disk would.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cli.database)))
        for page in stride(from: 4096, to: bytes.count, by: 4096) {
            for offset in 1500..<1600 where page + offset < bytes.count { bytes[page + offset] ^= 0x5A }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cli.database))
        let damaged = try cli.storeBytes()
        for arguments in [["weekly", "--quiet", "--week", "2026-W46"], ["briefing", "annual", "--year", "2024"], ["check"]] {
            let result = try cli.run(arguments, environment: Self.env)
            #expect(result.status == 65, "\(arguments[0]): \(result.stderr)")
        }
        #expect(Self.snapshot(output) == before)
        #expect(try cli.storeBytes() == damaged)
    }

    @Test(arguments: [(#"{"staleAfter": true}"#, "staleAfter"), (#"{"staleAfter": 1.5}"#, "staleAfter"), (#"{"languages": "en"}"#, "languages"),
                      (#"{"theme": ["dark"]}"#, "theme"), (#"{"byline": 5}"#, "byline"), (#"{"formats": ["md", 1]}"#, "formats"),
                      ("{\"byline\": \"a\",\n \"byline\": \"b\"}", "homecoming.json:2:2")])
    func aConfigurationValueOfTheWrongTypeIsRefusedNamingTheKey(json: String, named: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        _ = try cli.write("homecoming.json", json)
        for arguments in [["config"], ["weekly", "--quiet"]] {
            let result = try cli.run(arguments, environment: Self.env)
            #expect(result.status == 78, "\(json) \(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains(named), "\(json): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Output").path))
    }

    @Test func aThemeWithoutAUsableFontIsRefusedNamingTheKey() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        let shipped = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Templates/themes/light.json").path, encoding: .utf8)
        let text = try cli.write("not-a-font.ttf", "hello\n")
        let fifo = cli.directory.appendingPathComponent("font-pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for font in [cli.directory.appendingPathComponent("missing.ttf").path, text, fifo] {
            let theme = shipped.replacingOccurrences(of: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", with: font)
            let path = try cli.write("theme.json", theme)
            let result = try cli.run(["chart", "per-year", "--theme", path, "--out", cli.directory.appendingPathComponent("charts").path])
            #expect(result.status == 78, "\(font): \(result.stderr)")
            #expect(result.stderr.contains("fontFile"), "\(font): \(result.stderr)")
        }
        let boolean = shipped.replacingOccurrences(of: "\"titleSize\": 28", with: "\"titleSize\": true")
        let result = try cli.run(["chart", "per-year", "--theme", try cli.write("theme.json", boolean), "--out", cli.directory.appendingPathComponent("charts").path])
        #expect(result.status == 78 && result.stderr.contains("titleSize"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("charts").path))
    }

    @Test(arguments: ["+2024-W01", "2024-W5", "2024-W052", "2024-W00", "2024-W54", "24-W01", "2024W01"])
    func aMalformedWeekIsAUsageError(week: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        for arguments in [["weekly", "--week", week], ["briefing", "weekly", "--week", week]] {
            let result = try cli.run(arguments, environment: Self.env)
            #expect(result.status == 64, "\(week): \(result.stderr)")
        }
    }

    @Test(arguments: ["https://…", "https://", "https://example", "https://exa mple.org/a", "https://.org/"])
    func anAddressWithoutAHostIsRefused(url: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        let before = try cli.storeBytes()
        let result = try cli.run(["add", "--date", "2026-11-20", "--returned", "10", "--source-url", url, "--by", "tester"])
        #expect(result.status == 65, "\(url): \(result.stderr)")
        #expect(result.stderr.contains("source_url") || result.stderr.contains("--source-url"), "\(result.stderr)")
        #expect(try cli.storeBytes() == before)
    }

    /// What an import accepts, every command that reads the store accepts: a scheme in capitals
    /// was taken by `add` and then refused by `chart` as a damaged store.
    @Test(arguments: ["HTTPS://www.pravda.com.ua/eng/news/a", "Http://www.pravda.com.ua/eng/news/b"])
    func anAddressTheImportTakesIsReadBack(url: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let add = try cli.run(["add", "--date", "2026-11-20", "--returned", "10", "--source-url", url, "--by", "tester"])
        #expect(add.status == 0, "\(add.stderr)")
        let chart = try cli.run(["chart", "per-exchange", "--format", "svg", "--out", cli.directory.appendingPathComponent("charts").path], environment: Self.env)
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(try cli.run(["export", "--format", "csv"]).stdout.contains(url))
    }

    @Test func oldWeeklyEditionsArePrunedAndTheFeedStaysShort() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let output = cli.directory.appendingPathComponent("Output").path
        for week in ["2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46"] {
            let result = try cli.run(["weekly", "--quiet", "--week", week, "--keep-weeks", "3", "--lang", "en", "--format", "html"], environment: Self.env)
            #expect(result.status == 0, "\(week): \(result.stderr)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: output + "/briefings/weekly").sorted()
        #expect(kept == ["2026-W44", "2026-W45", "2026-W46"])
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        let feed = try String(contentsOfFile: output + "/feed.xml", encoding: .utf8)
        #expect(!index.contains("2026-W42") && !index.contains("2026-W43") && index.contains("2026-W44"))
        #expect(!feed.contains("2026-W43") && feed.contains("2026-W46"))
        // Briefings of other kinds are never pruned.
        #expect(try cli.run(["briefing", "annual", "--year", "2024", "--lang", "en", "--format", "html"], environment: Self.env).status == 0)
        #expect(try cli.run(["weekly", "--quiet", "--week", "2026-W47", "--keep-weeks", "1", "--lang", "en", "--format", "html"], environment: Self.env).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/briefings/weekly") == ["2026-W47"])
        #expect(FileManager.default.fileExists(atPath: output + "/briefings/annual/2024/en/briefing.html"))
        // A bad value is a configuration error naming the flag.
        let bad = try cli.run(["weekly", "--quiet", "--keep-weeks", "-2"], environment: Self.env)
        #expect(bad.status == 78 || bad.status == 64, "\(bad.stderr)")
    }

    @Test func theStagingTreeIsNobodyElsesWhileItIsBuiltAndALeftoverIsRemovedWithoutFollowingLinks() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["weekly", "--quiet"], environment: Self.env).status == 0)
        var env = Self.env
        env["HOMECOMING_TEST_PAUSE"] = "staged-some"
        let run = try cli.start(["weekly", "--quiet", "--week", "2026-W46"], environment: env)
        #expect(try run.waitFor("paused at staged-some"))
        let staging = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).first { $0.hasPrefix(".Output.staging-") })
        let stagingPath = cli.directory.appendingPathComponent(staging).path
        var info = stat()
        #expect(lstat(stagingPath, &info) == 0)
        // Only the run's own user may enter it until it is complete: the output's owner cannot swap a part for a link.
        #expect(info.st_mode & 0o777 == 0o700 && info.st_uid == getuid())
        // Killed there, with a link planted inside: the next run removes the leftover, never what the link points at.
        let victim = cli.directory.appendingPathComponent("victim").path
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        _ = try cli.write("victim/keep.txt", "keep\n")
        try FileManager.default.createSymbolicLink(atPath: stagingPath + "/planted", withDestinationPath: victim)
        run.kill()
        #expect(try cli.run(["weekly", "--quiet", "--week", "2026-W46"], environment: Self.env).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stagingPath))
        #expect(FileManager.default.fileExists(atPath: victim + "/keep.txt"))
    }

    @Test func everySpellingOfAnOutputIsOneOutputWithOneLock() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        // A one-letter output, new: made beside the store, with its lock beside it.
        #expect(try cli.run(["weekly", "--quiet", "--out", "o", "--lang", "en", "--format", "txt"], environment: Self.env).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("o/.homecoming-output").path))
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(".o.lock").path))
        // "o/." and "o/" are o: the same lock, no other lock or staging name made.
        for spelling in ["o/.", "o/", "./o", "x/../o"] {
            try? FileManager.default.createDirectory(atPath: cli.directory.appendingPathComponent("x").path, withIntermediateDirectories: true)
            let result = try cli.run(["weekly", "--quiet", "--force", "--out", spelling, "--lang", "en", "--format", "txt"], environment: Self.env)
            #expect(result.status == 0, "\(spelling): \(result.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasSuffix(".lock") || $0.contains(".staging-") }
        #expect(names == [".o.lock"], "\(names)")
        // A link spelled with a trailing slash is still a link.
        try FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("l").path, withDestinationPath: "o")
        let linked = try cli.run(["weekly", "--quiet", "--out", "l/"], environment: Self.env)
        #expect(linked.status == 73 && linked.stderr.contains("symbolic link"), "\(linked.stderr)")
    }

    @Test func aForeignFileAtTheLockPathAReadOnlyParentAndAReadOnlyInnerDirectoryAreLeftAlone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        _ = try cli.write(".Output.lock", "operator's notes, not a lock\n")
        let result = try cli.run(["weekly", "--quiet"], environment: Self.env)
        #expect(result.status == 73 && result.stderr.contains("not Homecoming's lock"), "\(result.stderr)")
        #expect(try String(contentsOfFile: cli.directory.appendingPathComponent(".Output.lock").path, encoding: .utf8) == "operator's notes, not a lock\n")
        // A read-only directory holding the output: nothing is made in it, for root too.
        let web = cli.directory.appendingPathComponent("web").path
        try FileManager.default.createDirectory(atPath: web, withIntermediateDirectories: true)
        #expect(chmod(web, 0o555) == 0)
        defer { _ = chmod(web, 0o755) }
        let refused = try cli.run(["weekly", "--quiet", "--out", web + "/new"], environment: Self.env)
        #expect(refused.status == 73 && refused.stderr.contains("read-only"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: web).isEmpty)
        // A read-only directory inside an output: refused, not rewritten.
        let out = cli.directory.appendingPathComponent("out").path
        #expect(try cli.run(["weekly", "--quiet", "--out", out], environment: Self.env).status == 0)
        #expect(chmod(out + "/briefings", 0o555) == 0)
        defer { _ = chmod(out + "/briefings", 0o755) }
        let before = Self.snapshot(out)
        let inner = try cli.run(["weekly", "--quiet", "--force", "--out", out], environment: Self.env)
        #expect(inner.status == 73 && inner.stderr.contains("read-only"), "\(inner.stderr)")
        #expect(Self.snapshot(out) == before)
    }

    @Test func aTemplateThatChangesItsDelimitersIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let templates = try Self.templates(cli, ["txt/sections/context": "{{=<% %>=}}<%> txt/sections/context%>"])
        let check = try cli.run(["templates", "check", "--templates", templates], database: false)
        #expect(check.status == 78 && check.stderr.contains("changes its delimiters"), "\(check.stderr)")
    }

    @Test(arguments: ["UPDATE exchange SET returned_total = 189.9 WHERE date = '2024-12-30'",
                      "UPDATE exchange SET returned_total = x'3138' WHERE date = '2024-12-30'"])
    func aCountStoredAsSomethingElseThanAWholeNumberIsRefused(sql: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        try Self.edit(cli.database, sql)
        for arguments in [["list"], ["briefing", "annual", "--year", "2024"]] {
            let result = try cli.run(arguments, environment: Self.env)
            #expect(result.status == 65 && result.stderr.contains("not stored as a whole number"), "\(arguments[0]): \(result.stderr)")
        }
    }

    @Test func aDatabaseItsOwnerMayNotWriteIsNotWrittenForRootEither() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        #expect(chmod(cli.database, 0o444) == 0)
        defer { _ = chmod(cli.database, 0o644) }
        let before = try cli.storeBytes()
        let file = try cli.write("new.csv", "date,returned_total,source_url,confidence\n2026-11-20,12,https://example.org/r,high\n")
        let result = try cli.run(["import", file, "--by", "tester"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(try cli.storeBytes() == before)
        #expect(try cli.run(["list"]).status == 0)
    }

    /// A template directory holding one override, `NAME.mustache` under briefing/html/sections/.
    /// (The scratch directory gets a `Templates` link to the shipped set, found after the override, as from a checkout.)
    static func templates(_ cli: CLI, _ files: [String: String]) throws -> String {
        try? FileManager.default.createSymbolicLink(atPath: cli.directory.appendingPathComponent("Templates").path,
                                                    withDestinationPath: CLI.packageRoot.appendingPathComponent("Templates").path)
        let root = cli.directory.appendingPathComponent("my-templates").path
        for (name, text) in files {
            let path = root + "/briefing/" + name + ".mustache"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    static let hostileTemplates: [(String, [String: String])] = [
        ("itself", ["html/sections/headline": "{{> html/sections/headline}}"]),
        ("a loop", ["html/sections/headline": "{{> html/sections/context}}", "html/sections/context": "{{> html/sections/headline}}"]),
        ("nested", ["html/sections/headline": String(repeating: "{{#headline}}", count: 5_000) + String(repeating: "{{/headline}}", count: 5_000)]),
        ("unclosed", ["html/sections/headline": String(repeating: "{{#headline}}", count: 20_000)]),
        ("doubling", Dictionary(uniqueKeysWithValues: (0..<30).map { ("html/sections/p\($0)", "{{> html/sections/p\($0 + 1)}}{{> html/sections/p\($0 + 1)}}") }
            + [("html/sections/headline", "{{> html/sections/p0}}"), ("html/sections/p30", "x")])),
        ("a missing partial", ["html/sections/headline": "{{> html/sections/nowhere}}"]),
        ("an unknown name", ["html/sections/headline": "{{headlin}}"]),
    ]

    @Test(arguments: hostileTemplates.indices)
    func aTemplateSetThatCheckRefusesStopsEveryCommandWithItsPlace(index: Int) throws {
        let (name, files) = Self.hostileTemplates[index]
        let cli = try CLI()
        defer { cli.cleanUp() }
        let templates = try Self.templates(cli, files)
        #expect(try cli.run(["weekly", "--quiet"], environment: Self.env).status == 0)
        let output = cli.directory.appendingPathComponent("Output").path
        let before = Self.snapshot(output)
        let check = try cli.run(["templates", "check", "--templates", templates], database: false)
        #expect(check.status == 78, "\(name): \(check.stderr)")
        #expect(check.stderr.contains("my-templates/briefing/html/sections/"), "\(name): \(check.stderr)")
        for arguments in [["weekly", "--quiet", "--week", "2026-W46", "--templates", templates], ["briefing", "annual", "--year", "2024", "--templates", templates]] {
            let result = try cli.run(arguments)
            #expect(result.status == 78, "\(name) \(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("my-templates/briefing/html/sections/"), "\(name) \(arguments[0]): \(result.stderr)")
        }
        #expect(Self.snapshot(output) == before, "\(name): the output changed")
    }

    @Test func aTemplatePutOutsideBriefingIsRefusedNotSilentlyIgnored() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let templates = try Self.templates(cli, [:])
        // Copied to my-templates/html/… instead of my-templates/briefing/html/…: the default would be used without a word.
        try FileManager.default.createDirectory(atPath: templates + "/html/sections", withIntermediateDirectories: true)
        try Data("{{#context}}{{text}}{{/context}} edited\n".utf8).write(to: URL(fileURLWithPath: templates + "/html/sections/context.mustache"))
        let out = cli.directory.appendingPathComponent("briefs").path
        for arguments in [["templates", "check", "--templates", templates], ["briefing", "annual", "--year", "2024", "--templates", templates, "--out", out]] {
            let result = try cli.run(arguments, database: arguments[0] != "templates")
            #expect(result.status == 78, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("my-templates/html/sections/context.mustache: this template is outside"), "\(result.stderr)")
            #expect(result.stderr.contains("move it to \(templates)/briefing/html/sections/context.mustache"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aTemplateLinkedOutOfTheDirectoryIsNeverRead() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let secret = try cli.write("secret.txt", "root:x:0:0:the secret\n")
        let templates = try Self.templates(cli, [:])
        try FileManager.default.createDirectory(atPath: templates + "/briefing/html/sections", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: templates + "/briefing/html/sections/headline.mustache", withDestinationPath: secret)
        let out = cli.directory.appendingPathComponent("briefs").path
        let result = try cli.run(["briefing", "annual", "--year", "2024", "--templates", templates, "--out", out])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("link out of the templates directory"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try cli.run(["templates", "check", "--templates", "/nonexistent-homecoming"], database: false).status == 64)
    }
}
