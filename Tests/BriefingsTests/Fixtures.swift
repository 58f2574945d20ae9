import Briefings
import ChartRendering
import Charts
import ExchangeModel
import ExchangeStore
import Foundation
import Testing

/// The bundled data and themes, read once for all chart tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let today = Day(iso: "2026-11-26")!

    static let bundled: (exchanges: [Exchange], reported: [ReportedTotal]) = {
        let rules = ValidationRules(today: nil)
        let exchanges = try! DataFile.read(path: root.appendingPathComponent("Data/exchanges.csv").path, rules: rules).exchanges.map(\.value)
        let reported = try! DataFile.read(path: root.appendingPathComponent("Data/reported_totals.csv").path, rules: rules).reportedTotals.map(\.value)
        return (exchanges, reported)
    }()

    static let vocabularies = try! Vocabularies.load(directory: root.appendingPathComponent("Data").path)
    static let knownGaps = try! KnownGap.load(directory: root.appendingPathComponent("Data").path)

    static func theme(_ name: String) -> Theme {
        try! ThemeLoader.load(name, templateDirectories: [root.appendingPathComponent("Templates").path])
    }

    static func typeface(_ theme: String = "light") -> Typeface { Typeface(theme: Fixtures.theme(theme)) }

    static func measurer(_ theme: String = "light") throws -> CairoTextMeasurer { try CairoTextMeasurer(typeface: typeface(theme)) }

    /// Four sourced exchanges of 2017–2020 (a copy of `shared/data/fixtures/before-2022.csv`), for records that reach back before the invasion.
    static let before2022: [Exchange] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/before-2022.csv").path
        return try! DataFile.read(path: path, rules: ValidationRules(today: nil)).exchanges.map(\.value)
    }()

    static func content(_ kind: ChartRequest.Kind, language: Language = .en, from: Day? = nil, to: Day? = nil, width: Double = 1200,
                        height: Double = 675, exchanges: [Exchange]? = nil) -> ChartContent {
        let request = ChartRequest(kind: kind, from: from, to: to, language: language, width: width, height: height,
                                   organisation: "Homecoming", today: today)
        return ChartBuilder.build(request, exchanges: exchanges ?? bundled.exchanges, reported: bundled.reported, vocabularies: vocabularies, knownGaps: knownGaps)
    }

    static func scene(_ kind: ChartRequest.Kind, language: Language = .en, theme: String = "light", from: Day? = nil, to: Day? = nil,
                      width: Double = 1200, height: Double = 675, exchanges: [Exchange]? = nil,
                      measurer: some TextMeasuring = ApproximateTextMeasurer()) -> Scene {
        ChartEngine.scene(content(kind, language: language, from: from, to: to, width: width, height: height, exchanges: exchanges).spec,
                          width: width, height: height, theme: Fixtures.theme(theme), measurer: measurer)
    }

    /// Synthetic exchanges, one every three days back from 2026-01-01, for density tests (not data).
    static func synthetic(_ count: Int) -> [Exchange] {
        let end = Day(iso: "2026-01-01")!
        return (0..<count).map { i in
            Exchange(date: end.adding(days: -3 * (count - i)), returnedTotal: i % 97 == 5 ? nil : 20 + (i * 37) % 400,
                     sourceURL: "https://example.org/\(i)", confidence: i % 97 == 5 ? nil : .high)
        }
    }

    /// Compares with the golden file, or records it when RECORD_SNAPSHOTS=1.
    static func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "snapshot \(name) differs; re-record with RECORD_SNAPSHOTS=1 if the change is intended", sourceLocation: sourceLocation)
    }
}
