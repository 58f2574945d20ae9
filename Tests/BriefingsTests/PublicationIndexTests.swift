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
}
