import Foundation
import Testing

/// Each validation rule has its own bad file; each must be refused with its place and reason,
/// exit 65, and a store left byte for byte as it was.
@Suite("import refuses bad files and leaves the store untouched")
struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// The expected `:LINE:COLUMN:` or `: $.path:` after the file name.
        var place: String
        var message: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "unbalanced-quote.csv", place: ":2:32:", message: "this quoted field is never closed"),
        Case(file: "wrong-field-count.csv", place: ":3:73:", message: "this row has 13 fields but the header has 12"),
        Case(file: "not-utf8.csv", place: ":2:37:", message: "the file is not valid UTF-8 text"),
        Case(file: "unknown-column.csv", place: ":1:150:", message: "unknown column \"casualties\""),
        Case(file: "missing-column.csv", place: ":1:1:", message: "the header has no \"source_url\" column"),
        Case(file: "invalid-date.csv", place: ":2:1:", message: "date \"30/12/2024\" is not a date in the form YYYY-MM-DD"),
        Case(file: "impossible-date.csv", place: ":2:1:", message: "date \"2024-02-30\" is not a real date"),
        Case(file: "future-date.csv", place: ":2:1:", message: "date 2026-11-27 is after today (2026-11-26)"),
        Case(file: "negative-count.csv", place: ":2:23:", message: "released_to_russia \"-3\" is negative"),
        Case(file: "fractional-count.csv", place: ":2:13:", message: "returned_total \"200.5\" is not a whole number"),
        Case(file: "absurd-count.csv", place: ":2:13:", message: "returned_total 250000 is implausibly large (over 100,000)"),
        Case(file: "split-exceeds-total.csv", place: ":2:17:", message: "returned_military 195 + returned_civilians 10 = 205 is more than returned_total 200"),
        Case(file: "part-of-missing.csv", place: ":2:12:", message: "part_of 2026-06-05 names no exchange"),
        Case(file: "part-of-later.csv", place: ":2:12:", message: "part_of 2026-03-08 is later than the row's date 2026-03-06"),
        Case(file: "bad-confidence.csv", place: ":2:63:", message: "confidence \"certain\" is not one of high, medium, low"),
        Case(file: "missing-source-url.csv", place: ":2:41:", message: "source_url is empty"),
        Case(file: "non-http-source-url.csv", place: ":2:41:", message: "source_url \"www.example.org/a\" is not an http or https address"),
        Case(file: "duplicate-exchange.csv", place: ":4:1:", message: "exchange 2026-03-06 appears twice in this file (first at line 2)"),
        Case(file: "stray-quote.csv", place: ":2:36:", message: "a quote (\") inside a field that does not start with one"),
        Case(file: "old-totals-layout.csv", place: ":1:38:", message: "\"reported_by\" is a column of the old layout of reported totals"),
        Case(file: "bad-metric.csv", place: ":2:23:", message: "metric \"people\" is not one of released, exchanges, bodies_returned"),
        Case(file: "bad-count.json", place: ": $.exchanges[1].returned_total:", message: "returned_total \"-4\" is negative"),
        Case(file: "conflicts-with-store.csv", place: ":2:13:", message: "exchange 2024-12-30 is already stored with other values: returned_total stored 189, file 190"),
    ]

    @Test(arguments: cases)
    func badFileIsRefused(_ c: Case) throws {
        // Given a seeded store
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["check"]).status == 0)
        let before = try cli.storeBytes()
        let path = CLI.fixtures.appendingPathComponent("invalid/\(c.file)").path

        // When the bad file is imported
        let result = try cli.run(["import", path])

        // Then it is refused with the place and reason, and the store is unchanged
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path)\(c.place) \(c.message)"), "stderr was:\n\(result.stderr)")
        #expect(result.stderr.contains("fix: "))
        #expect(result.stderr.contains("nothing was changed"))
        #expect(try cli.storeBytes() == before)
        #expect(result.stdout.isEmpty)
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = try cli.write("many.csv", """
            date,returned_total,source_url,confidence
            2024-02-30,5,https://example.org/a,high
            2026-03-01,-1,ftp://example.org,maybe
            2026-03-02,7,https://example.org/b,high

            """)
        let result = try cli.run(["import", file])
        #expect(result.status == 65)
        for place in [":2:1:", ":3:12:", ":3:15:", ":3:33:"] {
            #expect(result.stderr.contains(file + place), "missing \(place) in:\n\(result.stderr)")
        }
        #expect(result.stderr.contains("4 problems in \(file)"))
        // The valid row was not imported either: all or nothing.
        let list = try cli.run(["list", "--year", "2026"])
        #expect(!list.stdout.contains("2026-03-02"))
    }

    @Test func checkValidatesWithoutImporting() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["check"]).status == 0)
        let before = try cli.storeBytes()
        let bad = try cli.run(["check", CLI.fixtures.appendingPathComponent("invalid/negative-count.csv").path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("is negative"))
        let good = try cli.run(["check", CLI.fixtures.appendingPathComponent("valid/bom-crlf-quoted.csv").path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("2 rows, all valid: 2 new"))
        #expect(try cli.storeBytes() == before)
    }

    @Test func addValidatesItsOptions() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try #require(cli.run(["check"]).status == 0)
        let before = try cli.storeBytes()
        let result = try cli.run(["add", "--date", "2026-03-06", "--returned=-2", "--source-url", "example.org"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("homecoming add --returned: returned_total \"-2\" is negative"))
        #expect(result.stderr.contains("homecoming add --source-url: source_url \"example.org\" is not an http or https address"))
        #expect(try cli.storeBytes() == before)
    }

    @Test func corruptDatabaseIsReportedAndLeftAlone() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let junk = Data("this is not a database, but someone's notes\n".utf8)
        try junk.write(to: URL(fileURLWithPath: cli.database))
        let result = try cli.run(["list"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("cannot be used"))
        #expect(try cli.storeBytes() == junk)
    }

    @Test func missingFileExits66() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["import", cli.directory.appendingPathComponent("nope.csv").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("there is no such file"))
    }

    @Test func badNowIsAUsageError() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--now", "yesterday"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("is not a date"))
    }

    /// A wrong option value names the value at fault and what to give instead, and nothing is written.
    @Test(arguments: [
        (["weekly", "--lang", "en,fr"], 64, "\"fr\" is unknown; use en, uk or en,uk"),
        (["weekly", "--format", "html,pdf"], 64, "\"pdf\" is unknown; use html, md, txt"),
        (["chart", "per-year", "--format", "svg,gif"], 64, "\"gif\" is unknown; use svg, png or svg,png"),
        (["chart", "per-year", "--size", "10x10"], 64, "10x10 is outside 320x240 to 4000x4000"),
        (["chart", "per-year", "--from", "2030-01-01"], 64, "fix: give a --from on or before 2026-11-26."),
        (["chart", "per-year", "--to", "2030-01-01"], 64, "fix: leave --to out to end today."),
        (["weekly", "--out", "nothere/out"], 73, "fix: create nothere first, or give --out a directory whose parent exists; nothing was written."),
    ])
    func aWrongValueNamesWhatIsWrongAndWhatToGive(arguments: [String], status: Int32, message: String) throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let before = CLI.tree(cli.directory.path)
        let result = try cli.run(arguments, environment: ["HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("Output").path))
        #expect(Set(CLI.tree(cli.directory.path).keys).subtracting(["store.sqlite"]) == Set(before.keys), "only the store may appear")
    }

    @Test func aSizeIsAcceptedAsTheHelpWritesIt() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let out = cli.directory.appendingPathComponent("charts").path
        let result = try cli.run(["chart", "per-year", "--format", "svg", "--size", "1080×1080", "--out", out, "--byline", "Олена <Ш>", "--organisation", "Desk \"A\""],
                                 environment: ["HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path])
        #expect(result.status == 0, "\(result.stderr)")
        // The provenance records every option the chart was drawn with, the byline and organisation too.
        let provenance = try CLI.chartOptions(out + "/per-year.json")
        #expect(provenance["width"] == "1080" && provenance["height"] == "1080", "\(provenance)")
        #expect(provenance["byline"] == "Олена <Ш>" && provenance["organisation"] == "Desk \"A\"", "\(provenance)")
    }
}
