import Charts
import ExchangeModel

/// Builds the charts' specs from the record: every figure from the data, every word localised.
public enum ChartBuilder {
    /// The start of the full-scale invasion, where cumulative counts begin.
    public static let invasion = Day(year: 2022, month: 2, day: 24)!

    /// The chart `request.kind` over the record.
    public static func build(_ request: ChartRequest, exchanges all: [Exchange], reported: [ReportedTotal]) -> ChartContent {
        let first = request.from ?? all.first?.date ?? invasion
        let last = request.to ?? all.last?.date ?? first
        // The record is sorted by date: the period is a slice of it, not a copy (100,000 rows are 23 MB).
        let sorted = ExchangeIndex(all).sorted
        let lower = sorted.partitioningIndex { $0.date >= first }
        let upper = sorted.partitioningIndex { $0.date > last }
        let rows = sorted[lower..<max(lower, upper)]
        let context = Context(request: request, rows: rows, all: all, reported: reported, start: first, end: last)
        var content = switch request.kind {
        case .perYear: PerYearChart.build(context)
        case .perExchange: PerExchangeChart.build(context)
        case .cumulative: CumulativeChart.build(context)
        }
        content.width = request.width
        content.height = request.height
        return content
    }

    /// What every chart builder needs.
    struct Context {
        let request: ChartRequest
        /// Rows in the period.
        let rows: ArraySlice<Exchange>
        /// Every row, for running totals that start before the period.
        let all: [Exchange]
        let reported: [ReportedTotal]
        let start: Day
        let end: Day

        var language: Language { request.language }
        var strings: ChartStrings { ChartStrings(language: request.language) }
        var numbers: NumberStyle { NumberStyle(groupingSeparator: language.groupingSeparator) }
        var byline: String { strings.byline(request.organisation, author: request.author) }

        /// "Source: …" from the rows' publications (most cited first) and the officials behind the reported totals used.
        func sourceLine(reportedUsed: [ReportedTotal]) -> String {
            var counts: [String: Int] = [:]
            var order: [String] = []
            // Consecutive rows mostly cite the same publication: count runs, look each run up once.
            var run: (name: String, count: Int)?
            func close(_ run: (name: String, count: Int)?) {
                guard let run else { return }
                if counts[run.name] == nil { order.append(run.name) }
                counts[run.name, default: 0] += run.count
            }
            for row in rows {
                let name = row.sourceName ?? host(row.sourceURL)
                if name == run?.name { run?.count += 1 } else {
                    close(run)
                    run = (name, 1)
                }
            }
            close(run)
            let ranked = order.enumerated().sorted { (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset) }.map(\.element)
            var officials: [String] = []
            for total in reportedUsed {
                let name = total.sourceName ?? host(total.sourceURL)
                if !officials.contains(name) { officials.append(name) }
            }
            return strings.source(Array(ranked.prefix(3)), more: max(0, ranked.count - 3), reportedBy: Array(officials.prefix(2)))
                + (officials.count > 2 ? (language == .en ? " and others" : " та інші") : "")
        }

        /// Deduplicated sources of the rows and reported totals used.
        func sources(reportedUsed: [ReportedTotal]) -> [(name: String, url: String)] {
            var seen = DistinctStrings(capacity: rows.count + reportedUsed.count)
            var out: [(name: String, url: String)] = []
            out.reserveCapacity(rows.count + reportedUsed.count)
            var previous: String?
            for i in rows.indices where rows[i].sourceURL != previous {
                // The stages of one exchange usually share its source: skip repeats before hashing.
                let url = rows[i].sourceURL
                previous = url
                if seen.insert(url) { out.append((rows[i].sourceName ?? host(url), url)) }
            }
            for total in reportedUsed where seen.insert(total.sourceURL) {
                out.append((total.sourceName ?? host(total.sourceURL), total.sourceURL))
            }
            return out
        }

        private func host(_ url: String) -> String {
            let rest = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: true)
            return rest.count > 1 ? String(rest[1]) : url
        }

        /// Year ticks (level 0) and quarter ticks (level 1) across a span of days.
        func timeTicks(from: Day, to: Day) -> [AxisTick] {
            var ticks: [AxisTick] = []
            for year in from.year...(to.year + 1) {
                for month in [1, 4, 7, 10] {
                    guard let day = Day(year: year, month: month, day: 1) else { continue }
                    ticks.append(AxisTick(position: Double(day.daysSinceEpoch),
                                          label: month == 1 ? String(year) : language.shortMonth(month), level: month == 1 ? 0 : 1))
                }
            }
            return ticks
        }
    }
}

extension RandomAccessCollection {
    /// The first index whose element satisfies `belongs`, for a collection partitioned by it (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) { count = half } else { low = index(after: middle); count -= half + 1 }
        }
        return low
    }
}
