import Foundation
import Testing

/// A long import shows a progress bar on a terminal, and nowhere else.
@Suite("progress of long imports")
struct ProgressTests {
    static func rows(_ count: Int) -> String {
        "date,returned_total,source_url,confidence\n" + (0..<count).map { i in
            let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: -i - 1, to: ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z")!)!
            return "\(ISO8601DateFormatter().string(from: day).prefix(10)),\(i % 90 + 1),https://example.org/\(i),high\n"
        }.joined()
    }

    @Test func noBarWhenStandardErrorIsNotATerminal() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = try cli.write("many.csv", Self.rows(3000))
        let result = try cli.run(["import", file, "--no-seed"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("["), "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
        #expect(result.stdout.contains("3000 exchanges added"))
    }

    @Test func aBarOnATerminalIsClearedBeforeTheResult() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = try cli.write("many.csv", Self.rows(3000))
        let log = cli.directory.appendingPathComponent("tty.txt").path
        let command = [CLI.executable.path, "import", file, "--no-seed", "--database", cli.database, "--now", "2026-11-26"].joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qc", command, log]
        process.currentDirectoryURL = cli.directory
        process.environment = ["PATH": "/usr/bin:/bin", "HOMECOMING_DATA": CLI.packageRoot.appendingPathComponent("Data").path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let seen = try String(contentsOfFile: log, encoding: .utf8)
        #expect(seen.contains("writing \(cli.database) [") && seen.contains("] 0%"), "\(seen)")
        // Each bar is cleared ("\r" + erase line) before anything else is printed.
        let result = try #require(seen.range(of: "\(file): 3000 exchanges added"))
        let before = seen[..<result.lowerBound]
        #expect(before.hasSuffix("\r\u{1B}[K"), "\(before.suffix(80).debugDescription)")
    }
}
