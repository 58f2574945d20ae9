import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("briefing and templates from the command line")
struct BriefingCLITests {
    @Test func weeklyBriefingWritesDocumentsIndexAndFeedAndWarnsWhenStale() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let out = cli.directory.appendingPathComponent("Output").path
        let templates = CLI.packageRoot.appendingPathComponent("Templates").path
        let result = try cli.run(["briefing", "weekly", "--out", out, "--templates", templates], environment: ["HOMECOMING_TEMPLATES": templates])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("homecoming: warning: the data may be stale: the sources were last checked through 2026-05-15 (by Homecoming on 2026-12-01), 191 days before 2026-11-22"))
        for lang in ["en", "uk"] {
            for file in ["briefing.html", "briefing.md", "briefing.txt", "per-year.png", "per-exchange.svg", "cumulative.csv"] {
                #expect(FileManager.default.fileExists(atPath: "\(out)/briefings/weekly/2026-W47/\(lang)/\(file)"), "\(lang)/\(file)")
            }
        }
        // An index and a feed per language, each listing its language's editions and linking to the other.
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("href=\"briefings/weekly/2026-W47/en/briefing.html\""))
        #expect(!index.contains("2026-W47/uk/"))
        #expect(index.contains("href=\"index.uk.html\" hreflang=\"uk\" lang=\"uk\">Українською</a>"))
        let indexUK = try String(contentsOfFile: "\(out)/index.uk.html", encoding: .utf8)
        #expect(indexUK.contains("<html lang=\"uk\">") && indexUK.contains("<h1>Огляди Homecoming</h1>"))
        #expect(indexUK.contains("href=\"briefings/weekly/2026-W47/uk/briefing.html\"") && !indexUK.contains("2026-W47/en/"))
        #expect(indexUK.contains("16–22\u{00A0}листопада\u{00A0}2026\u{00A0}р."))
        // Each feed is well-formed Atom with its language's entry, whose summary carries the week's figures.
        final class Counter: NSObject, XMLParserDelegate {
            var entries = 0
            var summary = ""
            var inSummary = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "entry" { entries += 1 }
                inSummary = name == "summary"
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inSummary { summary += string } }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { inSummary = false }
        }
        for (file, words) in [("feed.xml", "The record has no exchange in week 47 of 2026, but its sources have been checked only through 15"),
                              ("feed.uk.xml", "У даних Homecoming немає обмінів за 47-й тиждень 2026 року, але джерела перевірено лише по 15")] {
            let counter = Counter()
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(file)")))
            parser.delegate = counter
            #expect(parser.parse(), "\(file)")
            #expect(counter.entries == 1, "\(file)")
            #expect(counter.summary.contains(words), "\(file): \(counter.summary)")
        }

        // An annual briefing joins the index, newest first.
        #expect(try cli.run(["briefing", "annual", "--year", "2024", "--out", out, "--lang", "en", "--templates", templates]).status == 0)
        let updated = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        let weekly = try #require(updated.range(of: "2026-W47/en"))
        let annual = try #require(updated.range(of: "annual/2024/en"))
        #expect(weekly.lowerBound < annual.lowerBound)
    }

    @Test func templatesCheckFailsWithPlaceAndExitCode78() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let mine = cli.directory.appendingPathComponent("mine")
        let templates = CLI.packageRoot.appendingPathComponent("Templates").path
        let copy = try cli.run(["templates", "copy", "txt/sections/context", "--to", mine.path], database: false,
                               environment: ["HOMECOMING_TEMPLATES": templates])
        #expect(copy.status == 0, "\(copy.stderr)")
        let file = mine.appendingPathComponent("briefing/txt/sections/context.mustache")
        #expect(FileManager.default.fileExists(atPath: file.path))
        try Data("{{% CONTENT_TYPE: TEXT}}\n{{labels.context}}\n{{#context}}{{txt}}{{/context}}\n".utf8).write(to: file)
        // The default templates are found in the working directory, as in a checkout; `--templates` comes before them.
        try FileManager.default.createSymbolicLink(at: cli.directory.appendingPathComponent("Templates"), withDestinationURL: CLI.packageRoot.appendingPathComponent("Templates"))
        let check = try cli.run(["templates", "check", "--templates", mine.path], database: false)
        #expect(check.status == 78)
        #expect(check.stderr.contains("\(file.path):3:13: unknown variable \"txt\""), "\(check.stderr)")
        // A broken override stops the briefing too, before anything is written.
        let out = cli.directory.appendingPathComponent("Output").path
        try Data("{{#context}}\n".utf8).write(to: file)
        let briefing = try cli.run(["briefing", "weekly", "--out", out, "--templates", mine.path])
        #expect(briefing.status == 78)
        #expect(briefing.stderr.contains(file.path))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

extension BriefingCLITests {
    /// With an address to publish under, every link that leaves the file is absolute, so that a mailed
    /// briefing, the index and the feed keep working; without it, the record's file says where it is.
    @Test func theBaseURLMakesEveryLinkAbsoluteAndABadOneIsRefused() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let templates = CLI.packageRoot.appendingPathComponent("Templates").path
        let env = ["HOMECOMING_TEMPLATES": templates]
        let out = cli.directory.appendingPathComponent("Output").path
        let run = try cli.run(["briefing", "weekly", "--week", "2026-W20", "--out", out, "--format", "md,html",
                               "--base-url", "https://example.org/homecoming"], environment: env)
        #expect(run.status == 0, "\(run.stderr)")
        let base = "https://example.org/homecoming/"
        let md = try String(contentsOfFile: "\(out)/briefings/weekly/2026-W20/uk/briefing.md", encoding: .utf8)
        #expect(md.contains("(\(base)briefings/weekly/2026-W20/uk/per-exchange.csv)"))
        #expect(md.contains("](\(base)briefings/weekly/2026-W20/uk/per-year.png)"))
        #expect(!md.contains("](per-"))
        let html = try String(contentsOfFile: "\(out)/briefings/weekly/2026-W20/en/briefing.html", encoding: .utf8)
        #expect(html.contains("href=\"\(base)briefings/weekly/2026-W20/en/per-exchange.csv\""))
        let index = try String(contentsOfFile: "\(out)/index.uk.html", encoding: .utf8)
        #expect(index.contains("href=\"\(base)briefings/weekly/2026-W20/uk/briefing.html\"") && index.contains("href=\"\(base)index.html\""))
        let feed = try String(contentsOfFile: "\(out)/feed.xml", encoding: .utf8)
        #expect(feed.contains("<link rel=\"self\" href=\"\(base)feed.xml\"/>"))
        #expect(feed.contains("href=\"\(base)briefings/weekly/2026-W20/en/briefing.html\""))

        // Without it, the link is the file's name and its name says where the file is.
        let plain = cli.directory.appendingPathComponent("Plain").path
        #expect(try cli.run(["briefing", "weekly", "--week", "2026-W20", "--out", plain, "--format", "md"], environment: env).status == 0)
        let local = try String(contentsOfFile: "\(plain)/briefings/weekly/2026-W20/en/briefing.md", encoding: .utf8)
        #expect(local.contains("each with its source \\(the file per-exchange.csv beside this briefing\\)](per-exchange.csv)"))

        // A wrong address is refused before anything is written: by the parser for `briefing`, as
        // configuration for `weekly` (its value can come from a file or the environment).
        let bad = cli.directory.appendingPathComponent("Bad").path
        let refused = try cli.run(["briefing", "weekly", "--out", bad, "--base-url", "ftp://example.org/x"], environment: env)
        #expect(refused.status == 64, "\(refused.stderr)")
        let weekly = try cli.run(["weekly", "--out", bad, "--quiet"], environment: env.merging(["HOMECOMING_BASE_URL": "example.org"]) { $1 })
        #expect(weekly.status == 78, "\(weekly.stderr)")
        #expect(weekly.stderr.contains("$HOMECOMING_BASE_URL: \"baseURL\" is \"example.org\", which is not an http(s) address"))
        #expect(!FileManager.default.fileExists(atPath: bad))
        let good = try cli.run(["weekly", "--out", bad, "--quiet"], environment: env.merging(["HOMECOMING_BASE_URL": "https://example.org/h/"]) { $1 })
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try String(contentsOfFile: "\(bad)/feed.uk.xml", encoding: .utf8).contains("href=\"https://example.org/h/feed.uk.xml\""))
    }
}

extension BriefingCLITests {
    /// Run away from the dataset (cron in /, a wrong --data-dir), a seeded store's codes cannot be
    /// named: one problem per missing list says why and what to do, not one per row; nothing is written.
    @Test func aMissingDatasetDirectoryIsOneClearErrorNotOnePerRow() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run(["check"]).status == 0)
        let out = cli.directory.appendingPathComponent("Output").path
        let nowhere = cli.directory.appendingPathComponent("no-dataset").path
        let run = try cli.run(["weekly", "--out", out, "--quiet"],
                              environment: ["HOMECOMING_DATA": nowhere, "HOMECOMING_TEMPLATES": CLI.packageRoot.appendingPathComponent("Templates").path])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("no-dataset/publications.csv"), "\(run.stderr)")
        #expect(run.stderr.contains("there is no such file") && run.stderr.contains("--data-dir"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count <= 12, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

extension BriefingCLITests {
    /// Laid out as `make install` lays it out (PREFIX/bin, PREFIX/share/homecoming), the tool finds
    /// its templates, themes and dataset from its own path, run from a directory that has none.
    @Test func anInstalledToolRunsTheWeeklyJobFromAnyDirectory() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let fm = FileManager.default
        let prefix = cli.directory.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/homecoming")
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: share, withIntermediateDirectories: true)
        let tool = prefix.appendingPathComponent("bin/homecoming")
        try fm.copyItem(at: CLI.executable, to: tool)
        try fm.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates"), to: share.appendingPathComponent("Templates"))
        try fm.createDirectory(at: share.appendingPathComponent("Data"), withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Data").path) where !name.contains(".sqlite") {
            try fm.copyItem(at: CLI.packageRoot.appendingPathComponent("Data/\(name)"), to: share.appendingPathComponent("Data/\(name)"))
        }
        let elsewhere = cli.directory.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = tool
        process.arguments = ["weekly", "--database", cli.directory.appendingPathComponent("w.sqlite").path,
                             "--out", cli.directory.appendingPathComponent("out").path, "--now", "2026-11-26"]
        process.currentDirectoryURL = elsewhere
        process.environment = ["PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("seeded it from \(share.path)/Data/ with 78 exchanges"), "\(stderr)")
        #expect(fm.fileExists(atPath: cli.directory.appendingPathComponent("out/index.uk.html").path))
        #expect(try fm.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
