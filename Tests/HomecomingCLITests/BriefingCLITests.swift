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
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("href=\"briefings/weekly/2026-W47/en/briefing.html\""))
        // The feed is well-formed Atom with one entry per language.
        let feed = try Data(contentsOf: URL(fileURLWithPath: "\(out)/feed.xml"))
        final class Counter: NSObject, XMLParserDelegate {
            var entries = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "entry" { entries += 1 }
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: feed)
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.entries == 2)

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
        let check = try cli.run(["templates", "check", "--templates", mine.path], database: false, environment: ["HOMECOMING_TEMPLATES": templates])
        #expect(check.status == 78)
        #expect(check.stderr.contains("\(file.path):3:13: unknown variable \"txt\""), "\(check.stderr)")
        // A broken override stops the briefing too, before anything is written.
        let out = cli.directory.appendingPathComponent("Output").path
        try Data("{{#context}}\n".utf8).write(to: file)
        let briefing = try cli.run(["briefing", "weekly", "--out", out, "--templates", mine.path], environment: ["HOMECOMING_TEMPLATES": templates])
        #expect(briefing.status == 78)
        #expect(briefing.stderr.contains(file.path))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
