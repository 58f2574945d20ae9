import Foundation
import Testing

/// Opens the HTML briefing in a real browser (headless Chromium, installed by `make test` and CI).
@Suite("the HTML briefing in a browser")
struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func loadsWithoutErrorsAndShowsTheCharts() throws {
        let browser = try #require(Self.chromium, "headless Chromium is needed: apt-get install chromium (make test installs it)")
        let cli = try CLI()
        defer { cli.cleanUp() }
        let out = cli.directory.appendingPathComponent("Output").path
        let templates = CLI.packageRoot.appendingPathComponent("Templates").path
        #expect(try cli.run(["briefing", "annual", "--year", "2024", "--out", out, "--format", "html", "--templates", templates],
                            environment: ["HOMECOMING_TEMPLATES": templates]).status == 0)
        for lang in ["en", "uk"] {
            let page = "file://\(out)/briefings/annual/2024/\(lang)/briefing.html"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: browser)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                                 "--user-data-dir=\(cli.directory.path)/chromium-\(lang)", "--dump-dom", page]
            let dom = cli.directory.appendingPathComponent("dom-\(lang).html"), log = cli.directory.appendingPathComponent("log-\(lang).txt")
            FileManager.default.createFile(atPath: dom.path, contents: nil)
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: dom)
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            process.waitUntilExit()
            let html = try String(contentsOf: dom, encoding: .utf8)
            let console = try String(contentsOf: log, encoding: .utf8)
            #expect(process.terminationStatus == 0)
            // The page parsed and rendered: its title, three charts in each colour scheme, wide and
            // laid out for a phone, accessible.
            #expect(html.contains("<h1>"))
            // Twelve charts and the page's one set of glyph outlines; every glyph a chart uses is defined in the page.
            #expect(html.components(separatedBy: "<svg ").count - 1 == 13)
            #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 12)
            #expect(html.components(separatedBy: "id=\"homecoming-glyphs\"").count - 1 == 1)
            let ids = Set(html.components(separatedBy: " id=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) })
            let used = Set(html.components(separatedBy: "href=\"#").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) })
            #expect(used.count > 50 && used.subtracting(ids).isEmpty, "not defined in the page: \(used.subtracting(ids).sorted().prefix(5))")
            #expect(html.components(separatedBy: "class=\"chart-narrow\"").count - 1 == 6)
            // No script errors and no failed loads: the page is self-contained.
            for line in console.split(separator: "\n") where line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("net::ERR") {
                Issue.record("browser reported: \(line)")
            }
        }
    }
}
