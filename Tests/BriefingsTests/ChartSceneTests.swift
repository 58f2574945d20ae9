import Briefings
import ChartRendering
import Charts
import ExchangeModel
import Foundation
import Testing

@Suite("Chart scenes: golden dumps, honesty, no overlapping text")
struct ChartSceneTests {
    @Test(arguments: [(ChartRequest.Kind.perYear, Language.en), (.perExchange, .en), (.cumulative, .en), (.perYear, .uk), (.perExchange, .uk), (.cumulative, .uk)])
    func sceneMatchesGolden(kind: ChartRequest.Kind, language: Language) throws {
        let scene = Fixtures.scene(kind, language: language)
        try Fixtures.assertSnapshot(scene.dump(), named: "\(kind.rawValue).\(language.rawValue).txt")
    }

    @Test func perYearShowsOfficialTotalsWhereTheyDiffer() {
        let content = Fixtures.content(.perYear)
        guard case let .bars(series) = content.spec.body else { Issue.record("not a bar chart"); return }
        #expect(series.bars.map(\.label) == ["2022", "2023", "2024", "2025", "2026, to 5 Feb"])
        #expect(series.bars.map(\.value) == [1455, 952, 1358, 2297, 157])
        #expect(series.bars.map(\.reference) == [1596, 1002, nil, 2310, nil])
        #expect(series.bars.map(\.style) == [.normal, .normal, .normal, .normal, .partial])
        // 2025's sum leaves out undisclosed stages: the label says so, never a bare figure.
        #expect(series.bars[3].valueLabel == "2,297*")
        #expect(content.spec.note?.contains("2025: without 9 stages whose numbers were not disclosed") == true)
        #expect(content.spec.note?.contains("2022, 1,596; 2023, 1,002 (derived); 2025, 2,310") == true)
        #expect(content.table[4] == ["2025", "2025", "2297", "9", "10", "2310", "https://www.europesays.com/2670676 https://palyanycia.com.ua/novyny-ukrainy/koordshtab-nazvav-chyslo-viyskovykh-i-tsyvilnykh-povernutykh-za-rik-z-polonu"])
    }

    @Test func undisclosedCountsAreNeverDrawnAsZero() {
        let content = Fixtures.content(.perExchange)
        guard case let .timeline(timeline) = content.spec.body else { Issue.record("not a timeline"); return }
        let istanbul = Double(Day(iso: "2025-06-09")!.daysSinceEpoch)
        let item = timeline.items.first { $0.position == istanbul }
        #expect(item?.segments == [])
        #expect(item?.hasUndisclosed == true)
        #expect(content.spec.note?.hasPrefix("9 stages with undisclosed numbers") == true)
        // In the scene: a diamond at that date, and no bar there.
        let scene = Fixtures.scene(.perExchange)
        let diamonds = scene.marks.filter { if case .polygon(let points, nil, _, _) = $0, points.count == 4 { return true } else { return false } }
        #expect(diamonds.count == 2) // the legend's and the exchange's
        #expect(content.table.first { $0[0] == "2025-06-09" } == ["2025-06-09", "2025-06-09", "2025-07-23", "9", "0", "9",
                                                                 content.table.first { $0[0] == "2025-06-09" }?[6] ?? ""])
    }

    @Test func stagesFormOneStackedExchange() {
        let content = Fixtures.content(.perExchange)
        guard case let .timeline(timeline) = content.spec.body else { return }
        let thousand = timeline.items.first { $0.position == Double(Day(iso: "2025-05-23")!.daysSinceEpoch) }
        #expect(thousand?.segments == [390, 307, 303])
        #expect(thousand?.label == "1,000")
        #expect(timeline.items.count == 59)
        #expect(timeline.items.filter(\.highlighted).map(\.position) == [Double(Day(iso: "2026-02-05")!.daysSinceEpoch)])
    }

    @Test func cumulativePutsReportedTotalsBesideTheRecord() {
        let content = Fixtures.content(.cumulative)
        guard case let .steps(series) = content.spec.body else { Issue.record("not a step chart"); return }
        #expect(series.steps.last?.value == 6219)
        #expect(series.endLabel == "6,219")
        let byDay = Dictionary(series.reported.map { (Day(daysSinceEpoch: Int($0.position)).iso, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byDay["2024-12-30"]?.value == 3956)
        #expect(byDay["2025-10-02"]?.isLowerBound == true)
        #expect(content.spec.note?.contains("Latest official total: 8,167 on 28 Feb 2026 (record: 6,219).") == true)
    }

    static let sizes: [(Double, Double)] = [(1200, 675), (1080, 1080), (1600, 900), (320, 240), (480, 800), (2000, 400)]

    @Test(arguments: [10, 70, 10_000])
    func textNeverOverlapsTextAtAnySize(exchanges count: Int) throws {
        let measurer = try Fixtures.measurer()
        let data = count == 70 ? Fixtures.bundled.exchanges : Fixtures.synthetic(count)
        for (width, height) in Self.sizes {
            for kind in ChartRequest.Kind.allCases {
                for language in Language.allCases {
                    let scene = Fixtures.scene(kind, language: language, width: width, height: height, exchanges: data, measurer: measurer)
                    let boxes = scene.textBounds
                    let canvas = Rect(x: 0, y: 0, width: width, height: height)
                    for (i, a) in boxes.enumerated() {
                        #expect(canvas.contains(a), "\(kind.rawValue) \(language) \(width)x\(height): text outside the canvas at \(a)")
                        for b in boxes[(i + 1)...] where a.intersects(b) {
                            Issue.record("\(kind.rawValue) \(language) \(width)x\(height) with \(count): text overlaps at \(a) and \(b)")
                        }
                    }
                }
            }
        }
    }

    @Test func tenThousandExchangesAreAggregated() {
        let content = Fixtures.content(.perExchange, exchanges: Fixtures.synthetic(10_000))
        #expect(content.spec.title != "Every prisoner exchange since the full-scale invasion")
        #expect(content.spec.title.hasPrefix("People returned from Russian captivity, by "))
        guard case let .timeline(timeline) = content.spec.body else { return }
        #expect(timeline.items.count < 1_000)
        let total = Fixtures.synthetic(10_000).compactMap(\.returnedTotal).reduce(0, +)
        #expect(timeline.items.map(\.total).reduce(0, +) == total)
    }
}
