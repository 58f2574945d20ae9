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

    /// Periods and records off the default path, each golden in both languages (the three charts in one file).
    static let goldenCases: [(name: String, from: Day?, to: Day?, records: @Sendable () -> [Exchange])] = [
        ("month-2024-09", Day(iso: "2024-09-01"), Day(iso: "2024-09-30"), { Fixtures.bundled.exchanges }),
        ("day-2024-09-13", Day(iso: "2024-09-13"), Day(iso: "2024-09-13"), { Fixtures.bundled.exchanges }),
        ("empty-2023-09-12", Day(iso: "2023-09-01"), Day(iso: "2023-12-31"), { Fixtures.bundled.exchanges }),
        ("year-2019-with-before-2022", Day(iso: "2019-01-01"), Day(iso: "2019-12-31"), { (Fixtures.before2022 + Fixtures.bundled.exchanges) }),
        ("default-with-before-2022", nil, nil, { Fixtures.before2022 + Fixtures.bundled.exchanges }),
        ("all-undisclosed", nil, nil, {
            Fixtures.bundled.exchanges.map { var row = $0; row.returnedTotal = nil; row.returnedMilitary = nil; row.returnedCivilians = nil; row.confidence = nil; return row }
        }),
    ]

    @Test(arguments: goldenCases.indices, Language.allCases)
    func offTheDefaultPathScenesMatchGoldens(index: Int, language: Language) throws {
        let golden = Self.goldenCases[index]
        let records = golden.records()
        let dumps = ChartRequest.Kind.allCases.map {
            Fixtures.scene($0, language: language, from: golden.from, to: golden.to, exchanges: records).dump()
        }
        try Fixtures.assertSnapshot(dumps.joined(separator: "\n"), named: "charts/\(golden.name).\(language.rawValue).txt")
    }

    @Test func anEmptyPeriodSaysSoInTheChartAndTheAltText() {
        for kind in ChartRequest.Kind.allCases {
            let content = Fixtures.content(kind, from: Day(iso: "2023-09-01"), to: Day(iso: "2023-12-31"))
            if kind == .cumulative {
                // The running total is there, flat: the chart says why.
                #expect(content.spec.description.contains("No exchange in the record for 1\u{00A0}September\u{00A0}– 31\u{00A0}December\u{00A0}2023: the running total stayed at 2,457."))
            } else {
                #expect(content.spec.emptyMessage == "No exchange in the record for 1\u{00A0}September\u{00A0}– 31\u{00A0}December\u{00A0}2023.")
                #expect(content.spec.description == content.spec.emptyMessage)
                #expect(content.spec.source == "Source: Homecoming record")
            }
        }
    }

    @Test func recordsBeforeTheInvasionAreLeftOutOfChartsSinceItAndSaidSo() {
        let records = Fixtures.before2022 + Fixtures.bundled.exchanges
        let cumulative = Fixtures.content(.cumulative, exchanges: records)
        guard case let .steps(series) = cumulative.spec.body else { Issue.record("not a step chart"); return }
        #expect(series.steps.last?.value == 7169)
        #expect(cumulative.spec.note?.contains("Not\u{00A0}counted: 4 exchanges before 24\u{00A0}February\u{00A0}2022.") == true)
        #expect(!series.reported.isEmpty)
        // A period of their own shows the years as they are, empty ones included.
        let perYear = Fixtures.content(.perYear, from: Day(iso: "2017-01-01"), to: Day(iso: "2021-12-31"), exchanges: records)
        guard case let .bars(bars) = perYear.spec.body else { Issue.record("not a bar chart"); return }
        #expect(bars.bars.map(\.label) == ["2017", "2018", "2019", "2020", "2021"])
        #expect(bars.bars.map(\.value) == [73, nil, 111, 20, nil])
        #expect(bars.bars.map(\.valueLabel) == ["73", "–", "111", "20", "–"])
    }

    @Test(arguments: ["light", "dark"])
    func everyMarkColourStandsOutFromTheBackground(theme name: String) {
        let theme = Fixtures.theme(name)
        for (role, colour) in [("bar", theme.bar), ("highlight", theme.highlight), ("partial", theme.partial),
                               ("reference", theme.reference), ("undisclosed", theme.undisclosed), ("text", theme.text), ("mutedText", theme.mutedText)] {
            #expect(colour.contrast(with: theme.background) >= 3, "\(name) \(role) \(colour) is \(colour.contrast(with: theme.background)):1")
        }
    }

    @Test func perYearShowsReportedTotalsWithWhatTheyAre() {
        let content = Fixtures.content(.perYear)
        guard case let .bars(series) = content.spec.body else { Issue.record("not a bar chart"); return }
        #expect(series.bars.map(\.label) == ["2022", "2023", "2024", "2025", "2026, to\u{00A0}26\u{00A0}Nov"])
        #expect(series.bars.map(\.value) == [1461, 996, 1358, 2297, 1057])
        // Every whole year's reported total is drawn, agreement included, each saying what kind of figure it is.
        #expect(series.bars.map { $0.reference?.value } == [1600, 1002, 1358, 2310, nil])
        #expect(series.bars.map { $0.reference?.label } == ["Official: about 1,600", "Derived: 1,002", "Official: 1,358 (same)", "Official: 2,310", nil])
        #expect(series.bars.map(\.style) == [.normal, .normal, .normal, .normal, .partial])
        // 2025's sum leaves out undisclosed stages: the label says so, never a bare figure.
        #expect(series.bars[3].valueLabel == "2,297*")
        #expect(content.spec.note?.contains("2025: at least 2,297, without 9 stages whose numbers were not disclosed") == true)
        #expect(content.spec.note?.contains("2022, ≈1,600; 2023, 1,002 (derived); 2025, 2,310") == true)
        #expect(content.spec.legend.map(\.label).contains("Year in progress"))
        #expect(content.table[4].prefix(8) == ["2025", "2025", "2025-01-01", "2025-12-31", "2297", "9", "10", "2310"])
        #expect(content.spec.description.hasSuffix("The most were returned in 2025: at least 2,297."))
    }

    @Test func aCutYearIsNotInProgressAndTheSubtitleNamesThePeriod() {
        let content = Fixtures.content(.perYear, from: Day(iso: "2024-09-01"), to: Day(iso: "2024-09-30"))
        guard case let .bars(series) = content.spec.body else { Issue.record("not a bar chart"); return }
        #expect(series.bars.map(\.label) == ["2024, 1–30\u{00A0}Sep"])
        #expect(series.bars[0].reference == nil)
        #expect(content.spec.legend.map(\.label) == ["Part of the year only"])
        #expect(content.spec.subtitle == "People returned in prisoner exchanges, September\u{00A0}2024")
    }

    @Test func undisclosedCountsAreNeverDrawnAsZero() {
        let content = Fixtures.content(.perExchange)
        guard case let .timeline(timeline) = content.spec.body else { Issue.record("not a timeline"); return }
        let istanbul = Double(Day(iso: "2025-06-09")!.daysSinceEpoch)
        let item = timeline.items.first { $0.position == istanbul }
        #expect(item?.segments == [])
        #expect(item?.hasUndisclosed == true)
        #expect(item?.undisclosed == 9)
        #expect(item?.undisclosedLabel == "×9")
        #expect(content.spec.note?.hasPrefix("10 stages with undisclosed numbers") == true)
        // In the scene: a diamond at that date, counted, and no bar there.
        let scene = Fixtures.scene(.perExchange)
        let diamonds = scene.marks.filter { if case .polygon(let points, nil, _, _) = $0, points.count == 4 { return true } else { return false } }
        #expect(diamonds.count == 3) // the legend's and the two exchanges' (9 June 2025, 11 April 2026)
        #expect(scene.marks.contains { if case .text("×9", _, _, _, _, _) = $0 { return true } else { return false } })
        // Unknown is an empty cell, never 0.
        #expect(content.table.first { $0[0] == "2025-06-09" } == ["2025-06-09", "2025-06-09", "2025-07-23", "9", "", "9",
                                                                 content.table.first { $0[0] == "2025-06-09" }?[6] ?? ""])
    }

    @Test func stagesFormOneStackedExchange() {
        let content = Fixtures.content(.perExchange)
        guard case let .timeline(timeline) = content.spec.body else { return }
        let thousand = timeline.items.first { $0.position == Double(Day(iso: "2025-05-23")!.daysSinceEpoch) }
        #expect(thousand?.segments == [390, 307, 303])
        #expect(thousand?.label == "1,000")
        #expect(timeline.items.count == 67)
        #expect(timeline.items.filter(\.highlighted).map(\.position) == [Double(Day(iso: "2026-05-15")!.daysSinceEpoch)])
    }

    @Test func cumulativePutsReportedTotalsBesideTheRecord() {
        let content = Fixtures.content(.cumulative)
        guard case let .steps(series) = content.spec.body else { Issue.record("not a step chart"); return }
        #expect(series.startValue == 0)
        #expect(series.steps.last?.value == 7169)
        // The running total leaves out undisclosed stages: a floor, marked, with the stages on the line.
        #expect(series.endLabel == "7,169*")
        #expect(series.undisclosed.map(\.value).allSatisfy { $0 > 0 } && series.undisclosed.count == 10)
        let byDay = Dictionary(series.reported.map { (Day(daysSinceEpoch: Int($0.position)).iso, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byDay["2024-12-30"]?.value == 3956)
        #expect(byDay["2025-10-02"]?.isLowerBound == true)
        #expect(content.spec.note?.contains("Latest exact reported total: 8,050 on 11\u{00A0}Mar\u{00A0}2026, Coordination HQ for the Treatment of POWs (record:\u{00A0}6,771).") == true)
        // Who counted each point drawn: in the note, the description and the data table.
        #expect(content.spec.note?.contains("Reported totals counted by: Coordination HQ for the Treatment of POWs: ") == true)
        #expect(content.spec.description.contains("11\u{00A0}March\u{00A0}2026, 8,050, counted by Coordination HQ for the Treatment of POWs"))
        #expect(content.table[0].contains("counted_by"))
        let counters = content.table.dropFirst().filter { $0[1] == "reported" }.map { $0[4] }
        #expect(counters.contains("Ombudsman (Parliament Commissioner for Human Rights)") && counters.contains(""))
    }

    @Test func theRunningTotalOfAMonthStartsWhereTheRecordStoodTheDayBefore() {
        let content = Fixtures.content(.cumulative, from: Day(iso: "2024-09-01"), to: Day(iso: "2024-09-30"))
        guard case let .steps(series) = content.spec.body else { Issue.record("not a step chart"); return }
        let before = Fixtures.bundled.exchanges.filter { $0.date >= ChartBuilder.invasion && $0.date < Day(iso: "2024-09-01")! }
        #expect(series.startValue == before.compactMap(\.returnedTotal).reduce(0, +))
        #expect(series.startValue == 3379)
        #expect(series.steps.map(\.value) == [3428, 3531])
        // The x domain is the period asked for.
        #expect(series.start == Double(Day(iso: "2024-09-01")!.daysSinceEpoch))
        #expect(series.end == Double(Day(iso: "2024-10-01")!.daysSinceEpoch))
        #expect(series.reported.map(\.value) == [3569])
    }

    static let sizes: [(Double, Double)] = [(1200, 675), (1080, 1080), (1600, 900), (320, 240), (480, 800), (2000, 400)]

    @Test(arguments: [10, 70, 10_000])
    func textNeverOverlapsTextAtAnySize(exchanges count: Int) throws {
        let measurer = try Fixtures.measurer()
        let data = count == 70 ? Fixtures.bundled.exchanges : Fixtures.synthetic(count)
        let from = count == 70 ? nil : Day(iso: "1900-01-01")
        for (width, height) in Self.sizes {
            for kind in ChartRequest.Kind.allCases {
                for language in Language.allCases {
                    let scene = Fixtures.scene(kind, language: language, from: from, width: width, height: height, exchanges: data, measurer: measurer)
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
        let content = Fixtures.content(.perExchange, from: Day(iso: "1900-01-01"), exchanges: Fixtures.synthetic(10_000))
        #expect(content.spec.title != "Every prisoner exchange since the full-scale invasion")
        #expect(content.spec.description.hasPrefix("Bar chart of yearly sums: 10,000 exchanges"))
        #expect(content.spec.title.hasPrefix("People returned from Russian captivity, by "))
        guard case let .timeline(timeline) = content.spec.body else { return }
        #expect(timeline.items.count < 1_000)
        let total = Fixtures.synthetic(10_000).compactMap(\.returnedTotal).reduce(0, +)
        #expect(timeline.items.map(\.total).reduce(0, +) == total)
    }
}
