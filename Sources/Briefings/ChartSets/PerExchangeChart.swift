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

        /// A group by its first stage's figures alone.
        init(key: Day, date: Day, returned: Int?) {
            self.key = key
            first = date
            last = date
            add(date: date, returned: returned)
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
        // One pass groups the stages by the exchange they belong to; their figures and sources are
        // kept only when each exchange gets its own bar (then there are few).
        // 100,000 rows: index the rows rather than copy each one out, key by day number, and size the tables once.
        var byKey: [Int: Int] = [:], months = Set<Int>()
        byKey.reserveCapacity(c.rows.count)
        var groups: [Group] = []
        groups.reserveCapacity(c.rows.count)
        for i in c.rows.indices {
            let key = c.rows[i].exchangeKey, date = c.rows[i].date
            if let g = byKey[key.daysSinceEpoch] { groups[g].add(date: date, returned: c.rows[i].returnedTotal) } else {
                byKey[key.daysSinceEpoch] = groups.count
                groups.append(Group(key: key, date: date, returned: c.rows[i].returnedTotal))
                months.insert(date.year * 12 + date.month)
            }
        }
        // Too many bars to tell apart (less than ~4 px each): sum per month, or per year.
        let usable = c.request.width * 0.8
        let bucket: Bucket = Double(groups.count) <= usable / 4 ? .exchange : Double(months.count) <= usable / 4 ? .month : .year
        if bucket == .exchange {
            groups = []
            byKey = [:]
            for row in c.rows {
                if let g = byKey[row.exchangeKey.daysSinceEpoch] { groups[g].add(row, detailed: true) } else {
                    byKey[row.exchangeKey.daysSinceEpoch] = groups.count
                    groups.append(Group(key: row.exchangeKey, stage: row, detailed: true))
                }
            }
        }
        var items: [Timeline.Item] = []
        var table: [[String]]
        let undisclosedStages = groups.map(\.undisclosed).reduce(0, +)
        // The latest exchange of the record (to today) is highlighted as such; in a period that ends
        // before it, the period's last one is, and the legend says which.
        let latest = groups.max { $0.first < $1.first }
        let latestIsLatest = latest != nil && (c.after.first.map { $0.date > c.request.today } ?? true)
        func figure(_ known: Int, _ undisclosed: Int, stagesKnown: Bool) -> String? {
            stagesKnown ? lang.number(known) + (undisclosed > 0 ? "*" : "") : nil
        }
        var largestText: [String] = []

        switch bucket {
        case .exchange:
            table = [["exchange", "first_date", "last_date", "stages", "returned_known", "undisclosed_stages", "sources"]]
            let ranked = groups.filter { $0.known > 0 }.largest(labelCount(c.request.width)) { ($0.known, $1.first) > ($1.known, $0.first) }
            let largest = Set(ranked.map(\.key))
            for g in groups {
                let isLatest = g.key == latest?.key
                let label = largest.contains(g.key) || isLatest ? figure(g.known, g.undisclosed, stagesKnown: g.known > 0 || g.undisclosed < g.stageCount) : nil
                items.append(Timeline.Item(position: Double(g.first.daysSinceEpoch), segments: g.segments, undisclosed: g.undisclosed,
                                           undisclosedLabel: g.undisclosed > 1 ? "×\(g.undisclosed)" : nil,
                                           label: label, labelPriority: isLatest ? 1_000_000 : g.known, highlighted: isLatest))
                table.append([g.key.iso, g.first.iso, g.last.iso, String(g.stageCount), g.undisclosed == g.stageCount ? "" : String(g.known),
                              String(g.undisclosed), g.sources.joined(separator: " ")])
            }
            largestText = ranked.prefix(3).map { g in
                var text = "\(strings.longDate(g.first)), " + (g.undisclosed > 0 ? strings.atLeast(lang.number(g.known)) : lang.number(g.known))
                if g.stageCount > 1 { text += " (\(lang.count(g.stageCount, .stage)))" }
                return text
            }
        case .month, .year:
            table = [["period_start", "period_end", "exchanges", "returned_known", "undisclosed_stages"]]
            var sums: [Day: (known: Int, knownStages: Int, undisclosed: Int, exchanges: Int)] = [:]
            for g in groups {
                let key = bucket == .month ? Day(year: g.first.year, month: g.first.month, day: 1)! : g.first.startOfYear
                var entry = sums[key] ?? (0, 0, 0, 0)
                entry.known += g.known
                entry.knownStages += g.stageCount - g.undisclosed
                entry.undisclosed += g.undisclosed
                entry.exchanges += 1
                sums[key] = entry
            }
            let keys = sums.keys.sorted()
            let ranked = keys.filter { (sums[$0]?.known ?? 0) > 0 }.largest(labelCount(c.request.width)) { (sums[$0]!.known, $1) > (sums[$1]!.known, $0) }
            let top = Set(ranked)
            for key in keys {
                let entry = sums[key]!
                let periodEnd = bucket == .month ? Day(year: key.year, month: key.month, day: Day.daysIn(month: key.month, year: key.year))! : key.endOfYear
                let isLatest = key == keys.last
                items.append(Timeline.Item(position: Double(key.daysSinceEpoch), segments: entry.known > 0 ? [entry.known] : [],
                                           undisclosed: entry.undisclosed, undisclosedLabel: entry.undisclosed > 1 ? "×\(entry.undisclosed)" : nil,
                                           label: top.contains(key) || isLatest ? figure(entry.known, entry.undisclosed, stagesKnown: entry.knownStages > 0) : nil,
                                           labelPriority: isLatest ? 1_000_000 : entry.known, highlighted: isLatest))
                table.append([key.iso, periodEnd.iso, String(entry.exchanges), entry.knownStages > 0 ? String(entry.known) : "", String(entry.undisclosed)])
            }
            largestText = ranked.prefix(3).map { key in
                let entry = sums[key]!
                let name = bucket == .month ? strings.span(key, Day(year: key.year, month: key.month, day: Day.daysIn(month: key.month, year: key.year))!) : String(key.year)
                return "\(name), " + (entry.undisclosed > 0 ? strings.atLeast(lang.number(entry.known)) : lang.number(entry.known))
            }
        }
        let slot: Double = bucket == .exchange ? 1 : bucket == .month ? 30.4 : 365.25
        // The axis is the period asked for, half a day to spare at each end so that its first and last days have room.
        let timeline = Timeline(items: items, start: Double(c.start.daysSinceEpoch) - 0.5, end: Double(c.end.daysSinceEpoch) + 0.5,
                                tickOptions: c.tickOptions, slotWidth: slot,
                                highlightSpan: c.request.highlight.map { Double($0.lowerBound.daysSinceEpoch)...Double($0.upperBound.daysSinceEpoch) })

        let isEmpty = groups.isEmpty
        var legend: [LegendItem] = []
        if !isEmpty {
            if items.contains(where: { !$0.highlighted && $0.total > 0 }) { legend.append(LegendItem(.bar, strings.record)) }
            legend.append(LegendItem(.highlight, latestIsLatest ? strings.latest : strings.lastInPeriod))
            if undisclosedStages > 0 { legend.append(LegendItem(.undisclosed, strings.undisclosed)) }
        }
        var notes: [String] = []
        if undisclosedStages > 0 { notes.append(strings.undisclosedNote(undisclosedStages, starred: items.contains { $0.label?.hasSuffix("*") ?? false })) }
        if bucket == .exchange, groups.contains(where: { $0.stageCount > 1 }) { notes.append(strings.stacked) }
        if let leftOut = c.leftOutNote { notes.append(leftOut) }
        notes += c.coverageNotes

        let exchangeCount = lang.count(groups.count, .exchange)
        let title = bucket != .exchange ? strings.perPeriodTitle(monthly: bucket == .month)
            : c.start == ChartBuilder.invasion ? strings.perExchangeTitleSinceInvasion : strings.perExchangeTitle(c.span)
        let subtitle = bucket == .exchange ? strings.perExchangeSubtitle(c.span) : strings.perPeriodSubtitle(exchangeCount, c.span, monthly: bucket == .month)
        let undisclosedGroups = groups.lazy.filter { $0.undisclosed > 0 }
        let undisclosedText = undisclosedStages == 0 ? nil : strings.undisclosedDescription(
            Array(undisclosedGroups.prefix(3).map { strings.undisclosedGroup($0.undisclosed, from: $0.first, to: $0.last) }), stages: undisclosedStages,
            groups: undisclosedGroups.count)
        func amount(_ g: Group) -> String? {
            g.known > 0 || g.undisclosed < g.stageCount ? (g.undisclosed > 0 ? strings.atLeast(lang.number(g.known)) : lang.number(g.known)) : nil
        }
        let latestText = latest.map { l in "\(strings.longDate(l.first)), " + (amount(l) ?? strings.numberNotDisclosed) }
        // The take-away: how long the latest exchange came after the one before it.
        let previous = latest.flatMap { l in groups.lazy.filter { $0.first < l.first }.max { $0.first < $1.first } }
        var takeaway: String?
        if let latest, let previous, latest.first > previous.first { takeaway = strings.gapBefore(latest.first.daysSinceEpoch - previous.first.daysSinceEpoch) }
        let description: String
        if isEmpty {
            description = c.nothingToShow + (c.leftOutNote.map { " " + $0 } ?? "")
        } else if bucket == .exchange, groups.count == 1, let only = groups.first {
            let people = lang.count(only.known, .personAccusative)
            description = strings.singleExchangeDescription(c.span, date: only.first,
                                                            value: amount(only).map { _ in only.undisclosed > 0 ? strings.atLeast(people) : people })
                + (c.leftOutNote.map { " " + $0 } ?? "")
        } else {
            description = strings.perExchangeDescription(count: exchangeCount, span: c.span, unit: bucket, anyBar: groups.contains { $0.known > 0 },
                                                         largest: largestText, latest: latestText, latestIsLatest: latestIsLatest,
                                                         undisclosed: undisclosedText, leftOut: c.leftOutNote, takeaway: takeaway)
        }
        let spec = ChartSpec(
            id: ChartRequest.Kind.perExchange.rawValue, title: title, subtitle: subtitle, legend: legend,
            source: c.sourceLine(reportedUsed: []), note: notes.isEmpty ? nil : notes.joined(separator: " "), byline: c.byline,
            description: ([description] + c.coverageNotes).joined(separator: " "), emptyMessage: isEmpty ? c.nothingToShow : nil, language: lang.rawValue,
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
