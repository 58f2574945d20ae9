import Charts
import ExchangeModel

/// Builds the charts' specs from the record: every figure from the data, every word localised.
public enum ChartBuilder {
    /// The start of the full-scale invasion, where cumulative counts begin.
    public static let invasion = Day(year: 2022, month: 2, day: 24)!

    /// Where a record whose first exchange is `first` begins to cover: the invasion, or that exchange
    /// if it is earlier (a store that holds older exchanges covers them); nil for an empty record.
    public static func coverageStart(firstExchange first: Day?) -> Day? { first.map { min($0, invasion) } }

    /// The period a request shows, first and last day included. Without `from`, a chart starts at the
    /// full-scale invasion (the per-year chart at the start of its year), or at the start of the year
    /// of `to` when `to` is earlier; without `to`, it ends today. A reversed period is put in order
    /// (the command line refuses one before it gets here).
    public static func period(of request: ChartRequest) -> (start: Day, end: Day) {
        let end = request.to ?? request.today
        let standard = request.kind == .perYear ? invasion.startOfYear : invasion
        let start = request.from ?? (standard <= end ? standard : end.startOfYear)
        return start <= end ? (start, end) : (end, start)
    }

    /// The chart `request.kind` over the record.
    ///
    /// - Parameter knownGaps: what is known about where the record and the reported totals differ
    ///   (`Data/known_gaps.csv`): a comparison with a total is said as the briefing says it.
    public static func build(_ request: ChartRequest, exchanges all: [Exchange], reported: [ReportedTotal],
                             vocabularies: Vocabularies, knownGaps: [KnownGap]) -> ChartContent {
        let (start, end) = period(of: request)
        // The record is sorted by date: the period is a slice of it, not a copy (100,000 rows are 23 MB).
        let sorted = ExchangeIndex(all).sorted
        let lower = sorted.partitioningIndex { $0.date >= start }
        let upper = sorted.partitioningIndex { $0.date > end }
        let context = Context(request: request, rows: sorted[lower..<max(lower, upper)], before: sorted[..<lower], after: sorted[max(lower, upper)...],
                              reported: reported, knownGaps: knownGaps, start: start, end: end, coverageStart: coverageStart(firstExchange: sorted.first?.date),
                              words: RecordWords(language: request.language, vocabularies: vocabularies))
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
        /// Rows in the period, sorted by date.
        let rows: ArraySlice<Exchange>
        /// Every row before the period, sorted by date: for running totals, and to say what a chart leaves out.
        let before: ArraySlice<Exchange>
        /// Every row after the period, sorted by date.
        let after: ArraySlice<Exchange>
        let reported: [ReportedTotal]
        let knownGaps: [KnownGap]
        let start: Day
        let end: Day
        /// Where the record's coverage begins (the invasion, or an earlier first exchange; nil for an empty
        /// record): what lies before it, the record does not cover.
        let coverageStart: Day?
        /// The record's names in the chart's language.
        let words: RecordWords

        var language: Language { request.language }
        var strings: ChartStrings { ChartStrings(language: request.language) }
        var numbers: NumberStyle { NumberStyle(groupingSeparator: language.groupingSeparator) }
        var byline: String { strings.byline(request.organisation, author: request.author) }
        /// The period in words: "September 2024", "24 February 2022 – 1 December 2026".
        var span: String { strings.span(start, end) }

        /// Whether the record starts after `day`: a period or year that ends before it is not covered, not empty.
        func isBeforeRecord(_ day: Day) -> Bool { coverageStart.map { day < $0 } ?? false }

        /// What an empty chart says: nothing in the record for the period, or a period the record does not reach.
        var nothingToShow: String {
            if let coverageStart, isBeforeRecord(end) { return strings.beforeRecord(span, start: coverageStart) }
            // A period wholly after the last check of the sources is not known to have had no exchange.
            if let day = isUnchecked { return strings.uncheckedPeriod(span, checkedThrough: day) }
            return strings.nothingInPeriod(span)
        }

        /// The day the sources were checked through, where the whole period comes after it.
        var isUnchecked: Day? { request.uncheckedAfter.flatMap { $0 < start ? $0 : nil } }

        /// The note for a period that reaches back before the record's coverage: the exchanges of
        /// those years are not in it, so the chart shows less than happened.
        var recordStartsNote: String? {
            guard let coverageStart, isBeforeRecord(start), !isBeforeRecord(end) else { return nil }
            return strings.recordStartsNote(coverageStart)
        }

        /// The note for a period that runs past the day the sources were checked through.
        var uncheckedNote: String? {
            guard let day = request.uncheckedAfter, day < end else { return nil }
            // An empty chart of a wholly unchecked period says it in its message.
            if rows.isEmpty, isUnchecked != nil { return nil }
            return strings.uncheckedAfter(day)
        }

        /// Both notes above, where they apply: said under a timeline chart and in its alt text.
        var coverageNotes: [String] { [recordStartsNote, uncheckedNote].compactMap { $0 } }

        /// The note for rows a chart leaves out only because no `from` was given ("Not shown: 4 exchanges before …").
        var leftOutNote: String? {
            guard request.from == nil, !before.isEmpty else { return nil }
            let exchanges = Set(before.map(\.exchangeKey)).count
            return request.kind == .cumulative ? strings.notCounted(exchanges, before: start) : strings.leftOut(exchanges, before: start)
        }

        /// "Source: …" from the rows' publications (most cited first) and who reported the totals used.
        func sourceLine(reportedUsed: [ReportedTotal]) -> String {
            // Counted by code (a host where a row names no publication), named once per code.
            var counts: [String: (count: Int, first: Int)] = [:]
            for (n, i) in rows.indices.enumerated() {
                counts[rows[i].publication ?? RecordWords.host(rows[i].sourceURL), default: (0, n)].count += 1
            }
            let ranked = counts.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
                .map { words.vocabularies.publications[$0.key] == nil ? $0.key : words.name(.publication, $0.key) }
            var officials: [String] = []
            for total in reportedUsed {
                let name = words.publication(total.publication, url: total.sourceURL)
                if !officials.contains(name) { officials.append(name) }
            }
            return strings.source(Array(ranked.prefix(3)), more: max(0, ranked.count - 3), reportedBy: Array(officials.prefix(2)),
                                  moreOfficials: officials.count > 2)
        }

        /// Deduplicated sources of the rows and reported totals used, in order of first use.
        func sources(reportedUsed: [ReportedTotal]) -> [(name: String, url: String)] {
            var seen = DistinctStrings(capacity: rows.count + reportedUsed.count)
            var out: [(name: String, url: String)] = []
            out.reserveCapacity(rows.count + reportedUsed.count)
            var last: (code: String, name: String)?
            for i in rows.indices where seen.insert(rows[i].sourceURL) {
                // Rows of one publication share their code's storage: most look-ups are the previous row's.
                guard let code = rows[i].publication else { out.append((RecordWords.host(rows[i].sourceURL), rows[i].sourceURL)); continue }
                if last?.code != code { last = (code, words.name(.publication, code)) }
                out.append((last!.name, rows[i].sourceURL))
            }
            for total in reportedUsed where seen.insert(total.sourceURL) {
                out.append((words.publication(total.publication, url: total.sourceURL), total.sourceURL))
            }
            return out
        }

        /// Candidate ticks for the period, finest first.
        var tickOptions: [[AxisTick]] { TimeTicks.options(from: start, to: end, language: language) }
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
