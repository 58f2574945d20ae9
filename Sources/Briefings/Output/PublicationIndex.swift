import ChartRendering
import ExchangeModel
import Foundation

/// `index.html` (every briefing, newest first) and `feed.xml` (an Atom feed of them), built from
/// the `briefing.json` written beside each briefing, so that older briefings stay listed.
public enum PublicationIndex {
    struct Entry {
        var title: String
        var kind: String
        var period: String
        var start: String
        var end: String
        var lang: String
        var prepared: String
        var formats: [String]
        var directory: String
    }

    /// The feed carries the newest entries only (the index lists every edition kept).
    static let feedLimit = 50

    /// The two files, relative to the output directory; `pending` are metas not on disk yet (this run's);
    /// briefings inside `excluding` (editions being removed) are left out.
    public static func files(outputDirectory: String, pending: [(path: String, bytes: [UInt8])] = [],
                             excluding: Set<String> = []) -> [(path: String, bytes: [UInt8])] {
        var metas: [String: [UInt8]] = [:]
        let root = (outputDirectory as NSString).appendingPathComponent("briefings")
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix("/briefing.json") else { continue }
                if let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(relative)) {
                    metas["briefings/" + relative] = [UInt8](data)
                }
            }
        }
        for file in pending where file.path.hasSuffix("/briefing.json") { metas[file.path] = file.bytes }
        metas = metas.filter { path, _ in !excluding.contains { path.hasPrefix($0 + "/") } }
        let entries = metas.compactMap { path, bytes in entry(bytes, directory: String(path.dropLast("/briefing.json".count))) }
            .sorted { ($0.end, $0.kind, $0.period, $1.lang) > ($1.end, $1.kind, $1.period, $0.lang) }
        return [("index.html", Array(html(entries).utf8)), ("feed.xml", Array(atom(entries).utf8))]
    }

    static func entry(_ bytes: [UInt8], directory: String) -> Entry? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        func s(_ key: String) -> String { object[key] as? String ?? "" }
        return Entry(title: s("title"), kind: s("kind"), period: s("period"), start: s("start"), end: s("end"), lang: s("lang"),
                     prepared: s("prepared"), formats: object["formats"] as? [String] ?? ["html"], directory: directory)
    }

    static func html(_ entries: [Entry]) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Homecoming briefings</title>
            <link rel="alternate" type="application/atom+xml" href="feed.xml" title="Homecoming briefings">
            <style>
            html { font: 17px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1a1a1a; background: #fff; }
            @media (prefers-color-scheme: dark) { html { color: #f2f2f2; background: #15181c; } a { color: #56b4e9; } }
            main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; }
            li { margin: .4rem 0; }
            .muted { color: #767676; }
            </style>
            </head>
            <body>
            <main>
            <h1>Homecoming briefings</h1>
            <p class="muted">Prisoner exchanges between Ukraine and Russia, from a sourced record. <a href="feed.xml">Atom feed</a></p>
            <ul>

            """
        for e in entries {
            let links = e.formats.map { "<a href=\"\(esc(e.directory))/briefing.\(esc($0))\">\(esc($0.uppercased()))</a>" }.joined(separator: " · ")
            out += "<li lang=\"\(esc(e.lang))\"><strong>\(esc(e.title))</strong> <span class=\"muted\">(\(esc(e.lang)), \(esc(e.start)) – \(esc(e.end)))</span> \(links)</li>\n"
        }
        if entries.isEmpty { out += "<li>No briefings yet.</li>\n" }
        return out + "</ul>\n</main>\n</body>\n</html>\n"
    }

    static func atom(_ entries: [Entry]) -> String {
        let updated = (entries.map(\.prepared).max() ?? "1970-01-01") + "T00:00:00Z"
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>Homecoming briefings</title>
            <subtitle>Prisoner exchanges between Ukraine and Russia, from a sourced record</subtitle>
            <id>urn:homecoming:briefings</id>
            <updated>\(updated)</updated>
            <author><name>Homecoming</name></author>
            <link rel="self" href="feed.xml"/>
            <link rel="alternate" href="index.html"/>

            """
        for e in entries.prefix(feedLimit) {
            out += """
                <entry>
                <title>\(esc(e.title))</title>
                <id>urn:homecoming:briefing:\(esc(e.kind)):\(esc(e.period)):\(esc(e.lang))</id>
                <updated>\(esc(e.prepared))T00:00:00Z</updated>
                <link rel="alternate" type="text/html" hreflang="\(esc(e.lang))" href="\(esc(e.directory))/briefing.html"/>
                <summary>\(esc(e.start)) – \(esc(e.end))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    static func esc(_ s: String) -> String { XML.escape(s) }
}
