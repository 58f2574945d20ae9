import Briefings
import Foundation
import Testing

@Suite("Index and feed")
struct PublicationIndexTests {
    @Test func theFeedCarriesTheNewestFiftyAndTheIndexEveryEdition() throws {
        // Sixty weekly editions' metadata, as briefings leave it beside each edition.
        let metas = (1...60).map { n -> (path: String, bytes: [UInt8]) in
            let week = String(format: "%02d", (n - 1) % 52 + 1), year = 2024 + (n - 1) / 52
            let json = #"{"title": "Week \#(n)", "kind": "weekly", "period": "\#(year)-W\#(week)", "start": "\#(year)-01-01", "#
                + #""end": "\#(year)-\#(String(format: "%02d", (n - 1) % 12 + 1))-\#(String(format: "%02d", n % 28 + 1))", "lang": "en", "prepared": "2026-11-26", "formats": ["html"]}"#
            return ("briefings/weekly/\(year)-W\(week)/en/briefing.json", Array(json.utf8))
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("homecoming-index-\(UUID().uuidString)").path
        let files = PublicationIndex.files(outputDirectory: empty, pending: metas)
        let feed = String(decoding: try #require(files.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        let index = String(decoding: try #require(files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 50)
        #expect(index.components(separatedBy: "/briefing.html").count - 1 == 60)
        // Editions being removed are in neither.
        let pruned = PublicationIndex.files(outputDirectory: empty, pending: metas, excluding: ["briefings/weekly/2024-W01"])
        #expect(!String(decoding: pruned[0].bytes, as: UTF8.self).contains("2024-W01/"))
    }

    /// Over generated metadata: what briefing.json says is read back as written, and text from it is
    /// escaped in the index and the feed of its own language only.
    @Test func metadataRoundTripsAndHostileTitlesAreEscapedInTheirLanguagesFiles() throws {
        let hostile = ["<script>alert(1)</script>", "a & b \"quoted\" 'single'", "]]> <!-- --> \u{202E}", "Обмін «1000 на 1000»"]
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("homecoming-index-\(UUID().uuidString)").path
        for (n, title) in hostile.enumerated() {
            for lang in ["en", "uk"] {
                let meta = BriefingMeta(title: title, kind: "weekly", period: "2025-W0\(n + 1)", start: "2025-01-0\(n + 1)", end: "2025-01-0\(n + 2)",
                                        lang: lang, prepared: "2026-11-26", formats: ["html", "md"], summary: title + " summary")
                #expect(BriefingMeta.decode(try meta.encoded()) == meta)
                let files = PublicationIndex.files(outputDirectory: empty, pending: [("briefings/weekly/2025-W0\(n + 1)/\(lang)/briefing.json", try meta.encoded())])
                for file in files {
                    let text = String(decoding: file.bytes, as: UTF8.self)
                    let mine = file.path == PublicationIndex.indexPath(lang == "en" ? .en : .uk) || file.path == PublicationIndex.feedPath(lang == "en" ? .en : .uk)
                    #expect(text.contains("2025-W0\(n + 1)/\(lang)/briefing.html") == mine, "\(file.path)")
                    #expect(!text.contains("<script>") && !text.contains("]]>") && !text.contains("a & b"), "\(file.path)")
                }
            }
        }
    }
}
