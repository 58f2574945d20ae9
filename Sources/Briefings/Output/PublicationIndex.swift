import ChartRendering
import ExchangeModel
import Foundation

/// What `briefing.json` beside each edition says about it: the index and the feed are rebuilt from
/// these files, so that older editions stay listed.
public struct BriefingMeta: Codable, Sendable, Equatable {
    public var title: String
    public var kind: String
    public var period: String
    public var start: String
    public var end: String
    public var lang: String
    public var prepared: String
    public var formats: [String]
    /// The lede: what the feed's entry says (absent in editions written before it was kept).
    public var summary: String?

    public init(title: String, kind: String, period: String, start: String, end: String, lang: String, prepared: String,
                formats: [String], summary: String?) {
        self.title = title; self.kind = kind; self.period = period; self.start = start; self.end = end
        self.lang = lang; self.prepared = prepared; self.formats = formats; self.summary = summary
    }

    /// As every JSON file Homecoming writes (`JSONOutput`): sorted keys, so that the same edition gives the same bytes.
    public func encoded() throws(EncodingError) -> [UInt8] { try JSONOutput.encode(self) }

    public static func decode(_ bytes: [UInt8]) -> BriefingMeta? { try? JSONDecoder().decode(BriefingMeta.self, from: Data(bytes)) }
}

/// An absolute address under which the output directory is published (`--base-url`): links in
/// briefings, the index and the feed then keep working in a mailed or forwarded file.
public struct BaseURL: Sendable, Equatable {
    /// Always ends with "/".
    public let text: String

    /// An http(s) address with a host and no query or fragment; nil otherwise.
    public init?(_ raw: String) {
        let lower = raw.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !raw.contains("?"), !raw.contains("#"),
              !raw.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0) }) else { return nil }
        let rest = raw.drop { $0 != "/" }.dropFirst(2)
        let host = rest.prefix { $0 != "/" }
        guard !host.isEmpty, host.contains(".") || host.hasPrefix("localhost") else { return nil }
        text = raw.hasSuffix("/") ? raw : raw + "/"
    }

    /// The address of a path relative to the output directory.
    public func resolve(_ path: String) -> String { text + path }
}

/// `index.html` and `feed.xml` (an Atom feed) for the English editions, `index.uk.html` and
/// `feed.uk.xml` for the Ukrainian, each linked to the other, built from every `briefing.json`.
public enum PublicationIndex {
    struct Entry {
        var meta: BriefingMeta
        var directory: String
    }

    /// The feed carries the newest entries only (the index lists every edition kept).
    static let feedLimit = 50

    /// The index page and feed of a language, relative to the output directory.
    public static func indexPath(_ language: Language) -> String { language == .en ? "index.html" : "index.\(language.rawValue).html" }
    public static func feedPath(_ language: Language) -> String { language == .en ? "feed.xml" : "feed.\(language.rawValue).xml" }

    /// The files, relative to the output directory; `pending` are metas not on disk yet (this run's);
    /// briefings inside `excluding` (editions being removed) are left out.
    public static func files(outputDirectory: String, pending: [(path: String, bytes: [UInt8])] = [],
                             excluding: Set<String> = [], baseURL: BaseURL? = nil) -> [(path: String, bytes: [UInt8])] {
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
        let entries = metas.compactMap { path, bytes in
            BriefingMeta.decode(bytes).map { Entry(meta: $0, directory: String(path.dropLast("/briefing.json".count))) }
        }.sorted { ($0.meta.end, $0.meta.kind, $0.meta.period) > ($1.meta.end, $1.meta.kind, $1.meta.period) }
        var out: [(path: String, bytes: [UInt8])] = []
        for language in Language.allCases {
            let mine = entries.filter { $0.meta.lang == language.rawValue }
            out.append((indexPath(language), Array(html(mine, language: language, baseURL: baseURL).utf8)))
            out.append((feedPath(language), Array(atom(mine, language: language, baseURL: baseURL).utf8)))
        }
        return out
    }

    private static func words(_ language: Language) -> (title: String, subtitle: String, feed: String, none: String, other: String) {
        language == .en
            ? ("Homecoming briefings", "Prisoner exchanges between Ukraine and Russia, from a sourced record.", "Atom feed",
               "No briefings yet.", "Українською")
            : ("Огляди Homecoming", "Обміни полоненими між Україною та Росією; кожна цифра — з посиланням на джерело.", "Стрічка Atom",
               "Оглядів ще немає.", "In English")
    }

    private static func link(_ path: String, _ baseURL: BaseURL?) -> String { baseURL?.resolve(path) ?? path }

    static func html(_ entries: [Entry], language: Language, baseURL: BaseURL?) -> String {
        let w = words(language)
        let other: Language = language == .en ? .uk : .en
        let strings = ChartStrings(language: language)
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(esc(w.title))</title>
            <link rel="alternate" type="application/atom+xml" href="\(esc(link(feedPath(language), baseURL)))" title="\(esc(w.title))">
            <link rel="alternate" hreflang="\(other.rawValue)" href="\(esc(link(indexPath(other), baseURL)))">
            <style>
            html { font: 17px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1a1a1a; background: #fff; }
            @media (prefers-color-scheme: dark) { html { color: #f2f2f2; background: #15181c; } a { color: #56b4e9; } }
            main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem; }
            li { margin: .4rem 0; }
            .muted { color: #767676; }
            @media (prefers-color-scheme: dark) { .muted { color: #a0a0a0; } }
            </style>
            </head>
            <body>
            <main>
            <h1>\(esc(w.title))</h1>
            <p class="muted">\(esc(w.subtitle)) <a href="\(esc(link(feedPath(language), baseURL)))">\(esc(w.feed))</a> · <a href="\(esc(link(indexPath(other), baseURL)))" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(esc(w.other))</a></p>
            <ul>

            """
        for e in entries {
            let links = e.meta.formats.map {
                "<a href=\"\(esc(link("\(e.directory)/briefing.\($0)", baseURL)))\">\(esc($0.uppercased()))</a>"
            }.joined(separator: " · ")
            out += "<li><strong>\(esc(e.meta.title))</strong> <span class=\"muted\">(\(esc(span(e.meta, strings))))</span> \(links)</li>\n"
        }
        if entries.isEmpty { out += "<li>\(esc(w.none))</li>\n" }
        return out + "</ul>\n</main>\n</body>\n</html>\n"
    }

    /// "19–25 May 2025" / «19–25 травня 2025 р.», no-break spaces kept.
    static func span(_ meta: BriefingMeta, _ strings: ChartStrings) -> String {
        guard let start = Day(iso: meta.start), let end = Day(iso: meta.end) else { return "\(meta.start) – \(meta.end)" }
        return strings.span(start, end)
    }

    static func atom(_ entries: [Entry], language: Language, baseURL: BaseURL?) -> String {
        let w = words(language)
        let strings = ChartStrings(language: language)
        let updated = (entries.map(\.meta.prepared).max() ?? "1970-01-01") + "T00:00:00Z"
        let feedID = language == .en ? "urn:homecoming:briefings" : "urn:homecoming:briefings:\(language.rawValue)"
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
            <title>\(esc(w.title))</title>
            <subtitle>\(esc(w.subtitle))</subtitle>
            <id>\(feedID)</id>
            <updated>\(updated)</updated>
            <author><name>Homecoming</name></author>
            <link rel="self" href="\(esc(link(feedPath(language), baseURL)))"/>
            <link rel="alternate" type="text/html" href="\(esc(link(indexPath(language), baseURL)))"/>

            """
        for e in entries.prefix(feedLimit) {
            let page = e.meta.formats.contains("html") ? "html" : e.meta.formats.first ?? "html"
            // The lede names its period; an edition without one (written before it was kept) gives its dates.
            let summary = e.meta.summary ?? span(e.meta, strings)
            out += """
                <entry>
                <title>\(esc(e.meta.title))</title>
                <id>urn:homecoming:briefing:\(esc(e.meta.kind)):\(esc(e.meta.period)):\(esc(e.meta.lang))</id>
                <updated>\(esc(e.meta.prepared))T00:00:00Z</updated>
                <link rel="alternate" type="\(page == "html" ? "text/html" : page == "md" ? "text/markdown" : "text/plain")" hreflang="\(esc(e.meta.lang))" href="\(esc(link("\(e.directory)/briefing.\(page)", baseURL)))"/>
                <summary>\(esc(summary))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    static func esc(_ s: String) -> String { XML.escape(s) }
}
