@testable import Briefings
import ChartRendering
import Charts
import ExchangeModel
import Foundation
import PropertyBased
import Testing

/// One generated chart: a record, a period (or none), a chart, a language and a size.
struct ChartCase: CustomStringConvertible, Sendable {
    var records: [Exchange]
    var from: Day?
    var to: Day?
    var kind: ChartRequest.Kind
    var language: Language
    var width: Double
    var height: Double
    var today: Day

    var request: ChartRequest {
        ChartRequest(kind: kind, from: from, to: to, language: language, width: width, height: height, organisation: "Homecoming", today: today)
    }

    var description: String {
        "\(kind.rawValue) \(language) \(Int(width))x\(Int(height)) from \(from?.iso ?? "-") to \(to?.iso ?? "-") today \(today.iso), "
            + "\(records.count) rows: " + records.prefix(12).map { "\($0.date.iso)\($0.partOf.map { "<\($0.iso)" } ?? "")=\($0.returnedTotal.map(String.init) ?? "?")" }.joined(separator: " ")
    }
}

/// Generated records and periods: 2014 to today, stages, undisclosed counts, exchanges a day apart,
/// empty records and periods, single days, months, whole years, periods before the invasion.
enum ChartCases {
    static let sizes: [(Double, Double)] = [(1200, 675), (1080, 1080), (1600, 900), (320, 240), (480, 800), (2000, 400)]
    static let earliest = Day(iso: "2014-01-01")!

    static func day(between low: Day, _ high: Day, _ rng: inout any SeededRandomNumberGenerator) -> Day {
        Day(daysSinceEpoch: Int.random(in: low.daysSinceEpoch...max(low.daysSinceEpoch, high.daysSinceEpoch), using: &rng))
    }

    static func records(today: Day, _ rng: inout any SeededRandomNumberGenerator) -> [Exchange] {
        let shape = Int.random(in: 0..<10, using: &rng)
        let count = shape == 0 ? 0 : shape == 1 ? Int.random(in: 100...400, using: &rng) : Int.random(in: 1...30, using: &rng)
        let undisclosedRate = shape == 2 ? 1.0 : Double.random(in: 0...0.3, using: &rng)
        // Mostly after the invasion, sometimes from 2014; sometimes bunched on consecutive days.
        let low = Int.random(in: 0..<4, using: &rng) == 0 ? earliest : ChartBuilder.invasion
        var rows: [Exchange] = []
        var dates = Set<Day>()
        for i in 0..<count {
            var date = day(between: low, today, &rng)
            if i > 0, Int.random(in: 0..<4, using: &rng) == 0, let previous = rows.last?.date, previous < today { date = previous.adding(days: 1) }
            guard dates.insert(date).inserted else { continue }
            let undisclosed = Double.random(in: 0..<1, using: &rng) < undisclosedRate
            let value: Int? = undisclosed ? nil : Int.random(in: 1...(shape == 3 ? 5000 : 400), using: &rng)
            rows.append(Exchange(date: date, returnedTotal: value, publication: ["ukrainska-pravda", "babel", nil][i % 3],
                                 sourceURL: "https://example.org/\(i)", confidence: undisclosed ? nil : .high))
        }
        rows.sort { $0.date < $1.date }
        // Some rows become stages of the exchange a few days before them.
        for i in rows.indices.dropFirst() where Int.random(in: 0..<6, using: &rng) == 0 {
            let key = rows[i - 1].exchangeKey
            if rows[i].date.daysSinceEpoch - key.daysSinceEpoch <= 60 { rows[i].partOf = key }
        }
        return rows
    }

    static func period(today: Day, _ rng: inout any SeededRandomNumberGenerator) -> (Day?, Day?) {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return (nil, nil)
        case 1:
            let d = day(between: earliest, today, &rng)
            return (d, d)
        case 2:
            let d = day(between: earliest, today, &rng)
            let first = Day(year: d.year, month: d.month, day: 1)!
            return (first, min(today, Day(year: d.year, month: d.month, day: Day.daysIn(month: d.month, year: d.year))!))
        case 3:
            let year = Int.random(in: 2014...today.year, using: &rng)
            return (Day(year: year, month: 1, day: 1)!, min(today, Day(year: year, month: 12, day: 31)!))
        case 4: return (day(between: earliest, today, &rng), nil)
        case 5: return (nil, day(between: earliest, today, &rng))
        default:
            let a = day(between: earliest, today, &rng), b = day(between: earliest, today, &rng)
            return (min(a, b), max(a, b))
        }
    }

    static let all = Generator<ChartCase, Shrink.None<ChartCase>> { rng in
        let today = day(between: Day(iso: "2022-06-01")!, Day(iso: "2027-06-30")!, &rng)
        let (from, to) = period(today: today, &rng)
        let size = sizes[Int.random(in: 0..<sizes.count, using: &rng)]
        return ChartCase(records: records(today: today, &rng), from: from, to: to,
                         kind: ChartRequest.Kind.allCases[Int.random(in: 0..<3, using: &rng)],
                         language: Language.allCases[Int.random(in: 0..<2, using: &rng)], width: size.0, height: size.1, today: today)
    }
}

@Suite("Chart properties over generated records and periods")
struct ChartPropertyTests {
    static let theme = Fixtures.theme("light")

    /// Numbers in a label: "1,358", "1 358", "≈1,600" → 1358, 1600; nil for words.
    static func number(in text: String) -> Int? {
        let digits = text.unicodeScalars.filter { !(",\u{00A0} ≈*".unicodeScalars.contains($0)) }
        return digits.isEmpty ? nil : Int(String(String.UnicodeScalarView(digits)))
    }

    @Test func everyChartHoldsItsRules() async throws {
        let measurer = try Fixtures.measurer()
        await propertyCheck(count: 500, input: ChartCases.all) { chart in
            let content = ChartBuilder.build(chart.request, exchanges: chart.records, reported: Fixtures.bundled.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let scene = ChartEngine.scene(content.spec, width: chart.width, height: chart.height, theme: Self.theme, measurer: measurer)
            let (start, end) = ChartBuilder.period(of: chart.request)
            let canvas = Rect(x: 0, y: 0, width: chart.width, height: chart.height)

            // Every mark inside the canvas; no text over text.
            let boxes = scene.textBounds
            for (i, a) in boxes.enumerated() {
                #expect(canvas.contains(a, tolerance: 0.5), "text outside the canvas at \(a): \(chart)")
                for b in boxes[(i + 1)...] where a.intersects(b) { Issue.record("text overlaps at \(a) and \(b): \(chart)") }
            }
            for mark in scene.marks {
                let points: [Point] = switch mark {
                case let .rect(r, _): [Point(r.x, r.y), Point(r.maxX, r.maxY)]
                case let .line(from, to, _, _, _): [from, to]
                case let .polyline(points, _, _), let .polygon(points, _, _, _): points
                case let .circle(center, _, _, _, _): [center]
                case .text: []
                }
                for p in points { #expect(canvas.insetBy(-1).contains(Rect(x: p.x, y: p.y, width: 0, height: 0)), "mark outside the canvas: \(mark) in \(chart)") }
            }

            // The period is the one asked for, in order, never in the future of `to`.
            #expect(start <= end)
            if let from = chart.from { #expect(start == min(from, chart.to ?? chart.today)) }
            #expect(content.start == start && content.end == end)

            // Unknown is never 0: no value label "0", no empty cell written as 0, no "0" in the alt text.
            for case let .text(text, _, _, _, .middle, _) in scene.marks {
                #expect(text != "0" && text != "0*", "a 0 label: \(chart)")
            }
            #expect(content.spec.description.range(of: #"(^|[^\d,\u00A0.])0([^\d,\u00A0]|$)"#, options: .regularExpression) == nil,
                    "0 in the alt text \(content.spec.description): \(chart)")

            // The value axis reaches every value drawn.
            let axisTop = scene.marks.compactMap { mark -> Int? in
                guard case let .text(text, _, _, _, .end, _) = mark else { return nil }
                return Self.number(in: text)
            }.max() ?? 0
            let values: [Int] = switch content.spec.body {
            case let .bars(s): s.bars.flatMap { [$0.value ?? 0, $0.reference?.value ?? 0] }
            case let .timeline(t): t.items.map(\.total)
            case let .steps(s): [s.startValue ?? 0] + s.steps.map(\.value) + s.reported.map(\.value)
            }
            if values.contains(where: { $0 > 0 }) { #expect(axisTop >= values.max() ?? 0, "axis top \(axisTop) below \(values.max() ?? 0): \(chart)") }

            switch content.spec.body {
            case let .steps(series):
                // Continuous across the period's start: it starts at the running total of the day before.
                let invasion = ChartBuilder.invasion
                let before = start >= invasion ? chart.records.filter { $0.date >= invasion && $0.date < start }.compactMap(\.returnedTotal).reduce(0, +) : 0
                if let first = series.startValue { #expect(first == before, "starts at \(first), not \(before): \(chart)") }
                var running = series.startValue ?? 0
                for step in series.steps {
                    #expect(step.value >= running)
                    running = step.value
                }
                let known = chart.records.filter { $0.date >= (start >= invasion ? invasion : start) && $0.date <= end }.compactMap(\.returnedTotal).reduce(0, +)
                #expect(running == known, "ends at \(running), not \(known): \(chart)")
                #expect(series.start == Double(start.daysSinceEpoch) && series.end == Double(end.daysSinceEpoch) + 1)
            case let .bars(series):
                // One bar per calendar year of the period, empty years included (or none for an empty period).
                if !series.bars.isEmpty { #expect(series.bars.count == end.year - start.year + 1) }
                // In progress only while a year has not ended by today.
                for (bar, year) in zip(series.bars, start.year...end.year) where bar.style == .partial {
                    let whole = start <= Day(year: year, month: 1, day: 1)! && end >= Day(year: year, month: 12, day: 31)!
                    #expect(!whole, "a whole year drawn as partial: \(year) in \(chart)")
                }
                for row in content.table.dropFirst() where row[5] != "0" && row[4].isEmpty == false {
                    #expect(row[4] != "0", "a sum with only undisclosed parts written as 0: \(chart)")
                }
            case let .timeline(timeline):
                #expect(timeline.items.allSatisfy { !$0.segments.contains(0) })
                // Separate exchanges never touch: their bars stand apart in the scene.
                let coloured = scene.marks.compactMap { mark -> Rect? in
                    if case let .rect(r, fill) = mark, fill == Self.theme.bar || fill == Self.theme.highlight { return r }
                    return nil
                }
                // The bars stand on the baseline, the lowest edge most of them share (legend squares do not).
                let baselines = Dictionary(grouping: coloured, by: { ($0.maxY * 10).rounded() })
                if let baseline = baselines.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })?.key, timeline.items.count > 1 {
                    // One rectangle per column: the stages of one exchange are stacked in the same column.
                    let columns = Dictionary(grouping: coloured.filter { ($0.maxY * 10).rounded() == baseline }, by: { ($0.x * 100).rounded() })
                        .values.map { $0[0] }.sorted { $0.x < $1.x }
                    for (a, b) in zip(columns, columns.dropFirst()) {
                        #expect(b.x >= a.maxX - 0.01, "bars touch: \(a) \(b) in \(chart)")
                    }
                }
            }
        }
    }

    @Test func theIdsOfTwoDifferentRendersAreDisjoint() async throws {
        let measurer = try Fixtures.measurer()
        let typeface = Fixtures.typeface()
        await propertyCheck(count: 60, input: ChartCases.all, ChartCases.all) { first, second in
            func render(_ chart: ChartCase) throws -> (dump: String, ids: Set<String>) {
                let content = ChartBuilder.build(chart.request, exchanges: chart.records, reported: Fixtures.bundled.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
                let scene = ChartFiles.scene(content.spec, width: chart.width, height: chart.height, theme: Self.theme, measurer: measurer)
                let svg = try SceneRenderer.svg(scene, typeface: typeface)
                let regex = try NSRegularExpression(pattern: #" id="([^"]+)""#)
                let ids = regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap { Range($0.range(at: 1), in: svg).map { String(svg[$0]) } }
                #expect(Set(ids).count == ids.count, "an id twice in one file: \(chart)")
                #expect(svg.contains(" xml:lang=\"\(chart.language.rawValue)\""), "no xml:lang: \(chart)")
                var unprefixed = scene
                unprefixed.id = ""
                return (unprefixed.dump(), Set(ids))
            }
            let a = try render(first), b = try render(second)
            #expect(!a.ids.isEmpty)
            if a.dump != b.dump { #expect(a.ids.isDisjoint(with: b.ids), "shared ids \(a.ids.intersection(b.ids).prefix(3)): \(first) / \(second)") }
        }
    }

    /// What a reader's JSON tool finds in NAME.json (decoded by a decoder of its own, not Homecoming's types).
    struct Provenance: Decodable {
        struct Period: Decodable { var from: String; var to: String }
        struct DataFile: Decodable { var file: String; var rows: Int; var sha256: String }
        struct Source: Decodable { var name: String; var urls: [String] }
        var chart: String
        var title: String
        var subtitle: String
        var period: Period
        var options: [String: String]
        var data: DataFile
        var source_line: String
        var sources: [Source]
        var generated_by: String
    }

    /// Beside every chart, its provenance decodes, says what the chart shows (title, period, the data
    /// file's rows and SHA-256, every source once, in order, with hostile text intact) and the options
    /// as given; the same chart gives the same bytes.
    @Test func theProvenanceDescribesTheChartExactly() async throws {
        let measurer = try Fixtures.measurer(), typeface = Fixtures.typeface()
        let hostile = ["https://example.org/a?b=\"c\"&d=<e>", "https://example.org/\\back\\slash", "https://приклад.укр/шлях", "https://example.org/\u{2028}"]
        await propertyCheck(count: 120, input: ChartCases.all) { chart in
            var records = chart.records
            for i in records.indices where i % 3 == 1 { records[i].sourceURL = hostile[i % hostile.count] + "/\(i)" }
            let content = ChartBuilder.build(chart.request, exchanges: records, reported: Fixtures.bundled.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let options = [("width", String(Int(chart.width))), ("lang", chart.language.rawValue), ("from", chart.from?.iso ?? ""), ("note", "\"<&>\" \\ ✓")]
            let render = { try ChartFiles.render(content, theme: Self.theme, typeface: typeface, formats: [.svg], scale: 1, options: options, measurer: measurer) }
            guard let files = try? render(), let again = try? render() else { Issue.record("cannot render \(chart)"); return }
            #expect(files.map(\.bytes) == again.map(\.bytes), "two renders differ: \(chart)")
            let id = content.spec.id
            guard let json = files.first(where: { $0.path == "\(id).json" })?.bytes, let csv = files.first(where: { $0.path == "\(id).csv" })?.bytes,
                  let provenance = try? JSONDecoder().decode(Provenance.self, from: Data(json)) else {
                Issue.record("no readable provenance: \(chart)"); return
            }
            #expect(provenance.chart == id && provenance.title == content.spec.title && provenance.subtitle == content.spec.subtitle)
            #expect(provenance.period.from == content.start.iso && provenance.period.to == content.end.iso)
            #expect(provenance.data.file == "\(id).csv" && provenance.data.rows == content.table.count - 1)
            #expect(provenance.data.sha256 == SHA256.hex(csv), "the SHA-256 is not the CSV's: \(chart)")
            #expect(provenance.source_line == content.spec.source && provenance.generated_by == "homecoming")
            #expect(provenance.options == Dictionary(uniqueKeysWithValues: options))
            // Each publication once, in order of first use, with its addresses in order of first use.
            let listed = provenance.sources.flatMap { source in source.urls.map { (name: source.name, url: $0) } }
            #expect(Set(provenance.sources.map(\.name)).count == provenance.sources.count, "a publication listed twice: \(chart)")
            #expect(Set(listed.map(\.url)) == Set(content.sources.map(\.url)) && listed.count == content.sources.count, "a source lost or listed twice: \(chart)")
            let firstUse = content.sources.reduce(into: [String]()) { names, source in if !names.contains(source.name) { names.append(source.name) } }
            #expect(provenance.sources.map(\.name) == firstUse)
            for source in provenance.sources {
                #expect(source.urls == content.sources.filter { $0.name == source.name }.map(\.url), "\(source.name)'s addresses out of order: \(chart)")
            }
            let used = Set(records.filter { content.start <= $0.date && $0.date <= content.end }.map(\.sourceURL))
            #expect(used.isSubset(of: Set(listed.map(\.url))), "a row shown lacks its source: \(chart)")
        }
    }

    /// A chart that runs past the day the sources were checked through says so, in its notes and its
    /// alt text, so that its last weeks do not read as weeks without an exchange; one that ends by then does not.
    @Test func aChartPastTheLastCheckSaysSo() async {
        await propertyCheck(count: 300, input: ChartCases.all) { chart in
            var request = chart.request
            let (_, end) = ChartBuilder.period(of: request)
            // A check day from a month before the chart's end to a month after it, fixed by the case.
            let checked = end.adding(days: chart.records.count % 61 - 30 + Int(chart.width) % 7)
            request.uncheckedAfter = checked
            let content = ChartBuilder.build(request, exchanges: chart.records, reported: Fixtures.bundled.reported,
                                             vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let strings = ChartStrings(language: chart.language), sentence = strings.uncheckedAfter(checked)
            // No sentence ends twice (a Ukrainian date's «р.» before a full stop).
            for text in [content.spec.description, content.spec.note ?? "", content.spec.emptyMessage ?? ""] {
                #expect(!text.replacingOccurrences(of: "...", with: "").contains(".."), "'..' in \(text) — \(chart)")
            }
            let (start, _) = ChartBuilder.period(of: request)
            // A period wholly after the check with nothing in it says so instead of "no exchange": in its message,
            // or, for a running total, where it would say the total stayed flat.
            // (A period before the record's coverage says that instead.)
            let covered = ChartBuilder.coverageStart(firstExchange: chart.records.first?.date).map { end >= $0 } ?? true
            let whollyUnchecked = covered && checked < start && !chart.records.contains { start <= $0.date && $0.date <= end }
            let unknown = strings.uncheckedPeriod(strings.span(start, end), checkedThrough: checked)
            if !covered {
                // Before the record's coverage, that is what an (empty) chart says; a check of the sources does not bear on it.
                #expect(content.spec.emptyMessage?.hasPrefix(strings.beforeRecord(strings.span(start, end), start: ChartBuilder.invasion).prefix(20)) ?? false,
                        "\(content.spec.emptyMessage ?? "no message") — \(chart)")
            } else if whollyUnchecked {
                #expect(content.spec.description.contains(unknown) && !content.spec.description.contains(sentence), "alt text: \(content.spec.description) — \(chart)")
                #expect(!content.spec.description.contains(strings.nothingInPeriod(strings.span(start, end))), "called empty: \(chart)")
            } else {
                #expect(content.spec.description.contains(sentence) == (checked < end), "alt text, checked through \(checked.iso), chart to \(end.iso): \(chart)")
                // The per-year chart draws no notes when it is empty; the others say it under an empty chart too.
                let drawn = checked < end && (chart.kind != .perYear || content.spec.emptyMessage == nil)
                #expect((content.spec.note?.contains(sentence) ?? false) == drawn, "note: \(content.spec.note ?? "none") — \(chart)")
            }
        }
    }
}
