import Charts
import ExchangeModel

/// One bar per exchange on a time axis (stages stacked), or per month or year when there are too many to see.
enum PerExchangeChart {
    /// One exchange: what its stages in the period add up to. The stages' figures and sources are
    /// kept only when each exchange gets its own bar (`detailed`): 100,000 small arrays cost more than the chart.
    struct Group {
        let key: Day
        let first: Day
        private(set) var last: Day
        private(set) var stageCount = 0
        private(set) var known = 0
        private(set) var undisclosed = 0
        private(set) var segments: [Int] = []
        private(set) var sources: [String] = []

        init(key: Day, stage: Exchange, detailed: Bool) {
            self.key = key
            first = stage.date
            last = stage.date
            add(stage, detailed: detailed)
        }

        mutating func add(_ stage: Exchange, detailed: Bool) {
            add(date: stage.date, returned: stage.returnedTotal)
            guard detailed else { return }
            if let value = stage.returnedTotal { segments.append(value) }
            sources.append(stage.sourceURL)
        }

        /// A stage by its figures alone: no copy of the row and its texts.
        mutating func add(date: Day, returned: Int?) {
            stageCount += 1
            last = max(last, date)
            if let value = returned { known += value } else { undisclosed += 1 }
        }
    }

    enum Bucket { case exchange, month, year }

    static func build(_ c: ChartBuilder.Context) -> ChartContent {
        let strings = c.strings, lang = c.language
        // One pass groups the stages; their figures and sources are added in a second one only
        // when each exchange gets its own bar (then there are few).
        var byKey = DayTable(capacity: c.rows.count), monthSet = Set<Int>()
        var groups: [Group] = []
        for i in c.rows.indices {
            let key = c.rows[i].exchangeKey, date = c.rows[i].date
            if let g = byKey[key] { groups[g].add(date: date, returned: c.rows[i].returnedTotal) } else {
                byKey[key] = groups.count
                groups.append(Group(key: key, stage: c.rows[i], detailed: false))
                monthSet.insert(date.year * 12 + date.month)
            }
        }
        // Too many bars to tell apart (less than ~4 px each): sum per month, or per year.
        let usable = c.request.width * 0.8
        let bucket: Bucket = Double(groups.count) <= usable / 4 ? .exchange : Double(monthSet.count) <= usable / 4 ? .month : .year
        if bucket == .exchange {
            groups = []
            var byKey: [Day: Int] = [:]
            for row in c.rows {
                if let g = byKey[row.exchangeKey] { groups[g].add(row, detailed: true) } else {
                    byKey[row.exchangeKey] = groups.count
                    groups.append(Group(key: row.exchangeKey, stage: row, detailed: true))
                }
            }
        }
        let start = c.rows.first?.date ?? c.start, end = c.rows.last?.date ?? c.end
        var items: [Timeline.Item] = []
        var table: [[String]]
        let undisclosedStages = groups.map(\.undisclosed).reduce(0, +)
        let latest = groups.max { $0.first < $1.first }

        switch bucket {
        case .exchange:
            table = [["exchange", "first_date", "last_date", "stages", "returned_known", "undisclosed_stages", "sources"]]
            let largest = Set(groups.sorted { ($0.known, $1.first) > ($1.known, $0.first) }.prefix(labelCount(c.request.width)).map(\.key))
            for g in groups {
                let isLatest = g.key == latest?.key
                let label: String? = largest.contains(g.key) || isLatest ? (g.known > 0 ? lang.number(g.known) : nil) : nil
                items.append(Timeline.Item(position: Double(g.first.daysSinceEpoch), segments: g.segments,
                                           hasUndisclosed: g.undisclosed > 0, label: label, labelPriority: isLatest ? 1_000_000 : g.known,
                                           highlighted: isLatest))
                table.append([g.key.iso, g.first.iso, g.last.iso, String(g.stageCount), String(g.known),
                              String(g.undisclosed), g.sources.joined(separator: " ")])
            }
        case .month, .year:
            table = [["period_start", "period_end", "exchanges", "returned_known", "undisclosed_stages"]]
            var sums: [Day: (known: Int, undisclosed: Int, exchanges: Int)] = [:]
            for g in groups {
                let key = bucket == .month ? Day(year: g.first.year, month: g.first.month, day: 1)! : g.first.startOfYear
                var entry = sums[key] ?? (0, 0, 0)
                entry.known += g.known
                entry.undisclosed += g.undisclosed
                entry.exchanges += 1
                sums[key] = entry
            }
            let keys = sums.keys.sorted()
            let totals = keys.map { sums[$0]?.known ?? 0 }
            let top = Set(keys.indices.sorted { (totals[$0], keys[$1]) > (totals[$1], keys[$0]) }.prefix(labelCount(c.request.width)).map { keys[$0] })
            for (key, total) in zip(keys, totals) {
                let entry = sums[key] ?? (0, 0, 0)
                let periodEnd = bucket == .month ? Day(year: key.year, month: key.month, day: Day.daysIn(month: key.month, year: key.year))! : key.endOfYear
                let isLatest = key == keys.last
                items.append(Timeline.Item(position: Double(key.daysSinceEpoch), segments: [total], hasUndisclosed: entry.undisclosed > 0,
                                           label: top.contains(key) || isLatest ? lang.number(total) : nil,
                                           labelPriority: isLatest ? 1_000_000 : total, highlighted: isLatest))
                table.append([key.iso, periodEnd.iso, String(entry.exchanges), String(total), String(entry.undisclosed)])
            }
        }
        let slot: Double = bucket == .exchange ? 1 : bucket == .month ? 30.4 : 365.25
        let pad = max(8, Double(start.days(to: end)) * 0.015)
        let timeline = Timeline(items: items, start: Double(start.daysSinceEpoch) - pad, end: Double(end.daysSinceEpoch) + slot + pad,
                                ticks: c.timeTicks(from: start, to: end), slotWidth: slot,
                                highlightSpan: c.request.highlight.map { Double($0.lowerBound.daysSinceEpoch)...Double($0.upperBound.daysSinceEpoch) })

        var legend = [LegendItem(.bar, strings.record), LegendItem(.highlight, strings.latest)]
        if undisclosedStages > 0 { legend.append(LegendItem(.undisclosed, strings.undisclosed)) }
        var notes: [String] = []
        if undisclosedStages > 0 { notes.append(strings.undisclosedNote(undisclosedStages)) }
        if bucket == .exchange, groups.contains(where: { $0.stageCount > 1 }) { notes.append(strings.stacked) }

        let exchangeCount = lang.count(groups.count, .exchange)
        let title = bucket == .exchange ? strings.perExchangeTitle : strings.perPeriodTitle(monthly: bucket == .month)
        let subtitle = bucket == .exchange ? strings.perExchangeSubtitle(lang.shortDate(start), lang.shortDate(end))
            : strings.perPeriodSubtitle(exchangeCount, lang.shortDate(start), lang.shortDate(end))
        let largestText = groups.largest(3) { ($0.known, $1.first) > ($1.known, $0.first) }.map { g in
            "\(lang.longDate(g.first)), \(lang.number(g.known))" + (g.stageCount > 1 ? " (\(lang.count(g.stageCount, .stage)))" : "")
        }
        let latestText = latest.map { "\(lang.longDate($0.first)), " + ($0.known > 0 ? lang.number($0.known) : strings.undisclosed.lowercased()) } ?? "–"
        let spec = ChartSpec(
            id: ChartRequest.Kind.perExchange.rawValue, title: title, subtitle: subtitle, legend: legend,
            source: c.sourceLine(reportedUsed: []), note: notes.isEmpty ? nil : notes.joined(separator: " "), byline: c.byline,
            description: strings.perExchangeDescription(count: exchangeCount, from: lang.longDate(start), to: lang.longDate(end),
                                                        largest: largestText, latest: latestText, undisclosed: undisclosedStages),
            numbers: c.numbers, body: .timeline(timeline))
        return ChartContent(spec: spec, table: table, start: c.start, end: c.end, sources: c.sources(reportedUsed: []))
    }

    /// How many of the largest bars get a value label: more on wider charts.
    static func labelCount(_ width: Double) -> Int { max(3, min(8, Int(width / 200))) }
}

extension Array {
    /// The first `count` elements in the order `ranksBefore` gives, as `sorted(by:).prefix(count)` does
    /// (ties keep their order), without sorting everything: 100,000 exchanges for a top three.
    func largest(_ count: Int, by ranksBefore: (Element, Element) -> Bool) -> [Element] {
        var best: [Element] = []
        best.reserveCapacity(count + 1)
        for element in self {
            if best.count == count, let last = best.last, !ranksBefore(element, last) { continue }
            let position = best.firstIndex { ranksBefore(element, $0) } ?? best.count
            best.insert(element, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
