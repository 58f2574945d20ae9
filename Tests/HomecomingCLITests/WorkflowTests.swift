import Foundation
import Testing

@Suite("import, export, add and history from the command line")
struct WorkflowTests {
    static let bundled = CLI.packageRoot.appendingPathComponent("Data")

    @Test func firstUseSeedsTheStoreWithOneLineOnStderr() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["list", "--year", "2024"])
        #expect(result.status == 0)
        #expect(result.stderr == "homecoming: created \(cli.database) and seeded it from \(Self.bundled.path)/ with 78 exchanges and 66 reported totals.\n")
        #expect(result.stdout.contains("12 rows, 11 exchanges, 1,358 people returned."))
        // The second run opens it silently.
        #expect(try cli.run(["list"]).stderr.isEmpty)
    }

    /// The man page `make install` generates (swift-argument-parser's generate-manual, from this
    /// dump) drops every character outside ASCII: "1200×675" read "1200675" there, and a
    /// Ukrainian example note came out empty. Every text of the help must survive it.
    @Test func theHelpTheManPageIsMadeFromIsASCII() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let dump = try cli.run(["--experimental-dump-help"], database: false)
        #expect(dump.status == 0)
        #expect(dump.stdout.contains("between Ukraine and Russia"))
        let outside = dump.stdout.unicodeScalars.filter { !$0.isASCII }
        #expect(outside.isEmpty, "not in the man page: \(String(String.UnicodeScalarView(outside)).debugDescription)")
    }

    @Test func exportOfTheSeededStoreIsTheBundledFile() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let exchanges = try cli.run(["export"])
        #expect(exchanges.stdout == (try String(contentsOf: Self.bundled.appendingPathComponent("exchanges.csv"), encoding: .utf8)))
        let totals = try cli.run(["export", "--table", "reported-totals"])
        #expect(totals.stdout == (try String(contentsOf: Self.bundled.appendingPathComponent("reported_totals.csv"), encoding: .utf8)))
    }

    @Test(arguments: ["csv", "json"])
    func roundTripIsByteIdentical(format: String) throws {
        // Given an export of the seeded store
        let cli = try CLI()
        defer { cli.cleanUp() }
        let first = cli.directory.appendingPathComponent("first.\(format)").path
        #expect(try cli.run(["export", "--format", format, "--out", first]).status == 0)

        // When it is imported into an empty store and exported again
        let empty = cli.directory.appendingPathComponent("empty.sqlite").path
        var imports = [first]
        if format == "csv" {
            let totals = cli.directory.appendingPathComponent("totals.csv").path
            #expect(try cli.run(["export", "--table", "reported-totals", "--out", totals]).status == 0)
            imports.append(totals)
        }
        for file in imports {
            let result = try cli.run(["import", file, "--database", empty, "--no-seed"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let second = cli.directory.appendingPathComponent("second.\(format)").path
        #expect(try cli.run(["export", "--format", format, "--out", second, "--database", empty]).status == 0)

        // Then both exports are the same bytes
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = CLI.fixtures.appendingPathComponent("valid/bom-crlf-quoted.csv").path
        let first = try cli.run(["import", file])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 exchanges added"))
        let before = try cli.storeBytes()
        let history = try cli.run(["history"]).stdout

        let second = try cli.run(["import", file])
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing to change"))
        #expect(try cli.storeBytes() == before)
        #expect(try cli.run(["history"]).stdout == history)
    }

    @Test func quotedFieldsBOMAndCRLFSurviveTheRoundTrip() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", CLI.fixtures.appendingPathComponent("valid/bom-crlf-quoted.csv").path]).status == 0)
        let json = try cli.run(["export", "--format", "json"]).stdout
        // Read as a user's JSON tool reads it.
        let rows = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["exchanges"] as? [[String: Any]] ?? []
        func row(_ date: String) -> [String: Any] { rows.first { $0["date"] as? String == date } ?? [:] }
        #expect(rows.contains { $0["notes"] as? String == "Groups: AFU, NGU; the \"300 for 300\" deal\r\nsecond line of the note" })
        #expect(rows.contains { $0["mediator"] as? String == "USA; UAE" })
        // The undisclosed stage stays unknown: null, never 0 (and never left out).
        let stage = row("2026-06-07")
        #expect(stage["part_of"] as? String == "2026-06-06")
        #expect(stage["ordinal"] is NSNull && stage["returned_total"] is NSNull, "\(stage)")
        let list = try cli.run(["list", "--year", "2026"]).stdout
        #expect(list.contains("2026-06-07  2026-06-06  undisclosed"))
        #expect(list.contains("8 rows, 7 exchanges, 1,257 people returned in the rows with a number (2 rows undisclosed, not counted)."))
        // A file in the old layout keeps its publication's name as the source's detail (no vocabulary entry is named so).
        #expect(rows.contains { $0["source_detail"] as? String == "Radio Svoboda" && $0["notes_uk"] is NSNull })
    }

    @Test func updateKeepsTheOldValuesInTheHistory() throws {
        // Given the bundled store and a correction of 30 December 2024
        let cli = try CLI()
        defer { cli.cleanUp() }
        let path = CLI.fixtures.appendingPathComponent("invalid/conflicts-with-store.csv").path
        #expect(try cli.run(["import", path]).status == 65)

        // When it is imported with --update
        let result = try cli.run(["import", path, "--update", "--by", "Olena K.", "--now", "2026-11-26T10:00:00Z"])

        // Then the value changes and the history says who, when, old → new and the source
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 exchanges updated"))
        let list = try cli.run(["list", "--from", "2024-12-30", "--to", "2024-12-30"]).stdout
        #expect(list.contains("2024-12-30                190       187          2        150       –  UAE       high"))
        let history = try cli.run(["history", "--since", "2026-11-26"]).stdout
        #expect(history.hasPrefix("2026-11-26T10:00:00Z  by Olena K.  from \(path)\n  updated exchange 2024-12-30\n    returned_total: 189 → 190\n    source: https://menafn.com/"))
        // The seeding is in the history too, older.
        #expect(try cli.run(["history"]).stdout.contains("added 78 exchanges, 2022-03-01 to 2026-05-15"))
    }

    @Test func addThenCorrectWithUpdate() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let add = try cli.run(["add", "--date", "2026-06-06", "--returned", "200", "--military", "195", "--civilians", "5",
                               "--mediator", "UAE", "--source-url", "https://example.org/a", "--by", "Taras"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "Added the exchange of 2026-06-06.\n")

        let clash = try cli.run(["add", "--date", "2026-06-06", "--returned", "300", "--source-url", "https://example.org/b"])
        #expect(clash.status == 65)
        #expect(clash.stderr.contains("returned_total stored 200, file 300"))

        let fix = try cli.run(["add", "--date", "2026-06-06", "--returned", "202", "--source-url", "https://example.org/b",
                               "--update", "--by", "Taras"])
        #expect(fix.status == 0, "\(fix.stderr)")
        let row = try cli.run(["list", "--from", "2026-06-06", "--to", "2026-06-06"]).stdout
        // Options not given (military, civilians, mediator, confidence) kept their stored values.
        #expect(row.contains("2026-06-06                202       195          5          –       –  UAE       high"))
        let history = try cli.run(["history"]).stdout
        #expect(history.contains("returned_total: 200 → 202"))
        #expect(history.contains("source_url: \"https://example.org/a\" → \"https://example.org/b\""))
    }

    @Test func checkReconcilesTheBundledData() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["check"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func row(_ prefix: String) -> String? { lines.first { $0.hasPrefix(prefix) } }
        #expect(row("2022")?.contains("1,461") == true)
        #expect(row("2022")?.contains("1,596  people") == true)
        #expect(row("2022")?.contains("−135") == true)
        #expect(row("2024")?.contains("12         11  1,358") == true)
        #expect(row("2024")?.contains("1,358  people                        0") == true)
        #expect(lines.contains { $0.contains("11  exchanges                     0") })
        #expect(row("2025")?.contains("2,297 + 9 undisclosed") == true)
        #expect(row("2025")?.contains("−13") == true)
    }

    @Test func checkedRecordsAReviewAndAQuietWeekIsThenFresh() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let env = ["HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path]
        // Seeded from the bundled data: checked through 15 May 2026, not the day it was seeded.
        let stale = try cli.run(["weekly", "--quiet"], environment: env)
        #expect(stale.stderr.contains("the sources were last checked through 2026-05-15 (by Homecoming on 2026-12-01), 191 days before 2026-11-22"))
        #expect(try cli.run(["check"]).stdout.contains("Sources last checked through 2026-05-15, by Homecoming on 2026-12-01."))
        // A day in the future is refused; nothing is recorded.
        let future = try cli.run(["checked", "--through", "2026-12-24"])
        #expect(future.status == 65)
        #expect(future.stderr.contains("homecoming checked --through: --through 2026-12-24 is after today (2026-11-26)"))
        // Reviewed through 25 November: the week to 22 November is then not stale, and no banner is written.
        let checked = try cli.run(["checked", "--through", "2026-11-25", "--note", "HQ Telegram, Ukrinform", "--by", "Olena K."])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout == "Recorded: the sources were checked through 2026-11-25 by Olena K. on 2026-11-26.\n")
        let fresh = try cli.run(["weekly", "--quiet", "--force"], environment: env)
        #expect(fresh.status == 0 && fresh.stderr.isEmpty, "\(fresh.stderr)")
        #expect(try cli.run(["check"]).stdout.contains("Sources last checked through 2026-11-25, by Olena K. on 2026-11-26."))
    }

    @Test func aMissingUkrainianTextIsListedAndATranslationIsKeptInTheHistory() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = cli.directory.appendingPathComponent("row.csv").path
        try "date,returned_total,notes,publication,source_url,confidence\n2026-06-01,12,Freed near Kharkiv,babel,https://example.org/r,high\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file]).status == 0)
        let check = try cli.run(["check"]).stdout
        #expect(check.contains("Rows whose Ukrainian text is missing"))
        #expect(check.contains("  exchange 2026-06-01: fill notes_uk"))
        try "date,returned_total,notes_uk,source_url,confidence\n2026-06-01,12,Звільнені під Харковом,https://example.org/r,high\n".write(toFile: file, atomically: true, encoding: .utf8)
        let update = try cli.run(["import", file, "--update", "--now", "2026-11-27T09:00:00Z"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(!(try cli.run(["check"]).stdout.contains("2026-06-01: fill")))
        let history = try cli.run(["history", "--since", "2026-11-27"]).stdout
        #expect(history.contains("notes_uk: (empty) → \"Звільнені під Харковом\""), "\(history)")
    }

    @Test func versionAndHelp() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let version = try cli.run(["--version"], database: false)
        #expect(version.stdout == "0.1.0\n")
        for command in ["import", "add", "export", "list", "history", "check"] {
            let help = try cli.run([command, "--help"], database: false)
            #expect(help.status == 0)
            #expect(help.stdout.contains("--database"))
            #expect(help.stdout.contains("--now"))
        }
    }
}
