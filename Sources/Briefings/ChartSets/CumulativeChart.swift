import Charts
import ExchangeModel

/// The running total since 24 February 2022 as a step line, with the reported cumulative totals beside it.
enum CumulativeChart {
    static func build(_ c: ChartBuilder.Context) -> ChartContent {
        let strings = c.strings, lang = c.language
        let origin = ChartBuilder.invasion
        // Cumulative totals "since the invasion": periods that start before the record's first row.
        let firstRow = c.all.first?.date ?? origin
        let cumulative = c.reported.filter {
            $0.metric == .released && $0.value != nil && $0.periodStart <= firstRow && $0.periodEnd >= c.start
                && $0.periodEnd <= (c.request.to ?? c.request.today)
        }
        var running = c.all.filter { $0.date < c.start }.compactMap(\.returnedTotal).reduce(0, +)
        var steps: [StepSeries.Step] = []
        var table: [[String]] = [["date", "series", "value", "lower_bound", "source"]]
        for row in c.rows {
            guard let value = row.returnedTotal else { continue }
            running += value
            if let last = steps.last, last.position == Double(row.date.daysSinceEpoch) { steps.removeLast() }
            steps.append(.init(position: Double(row.date.daysSinceEpoch), value: running))
            table.append([row.date.iso, "record", String(running), "", row.sourceURL])
        }
        var seen = Set<String>()
        var points: [StepSeries.Reported] = []
        for total in cumulative.sorted(by: { $0.periodEnd < $1.periodEnd }) {
            guard let value = total.value, seen.insert("\(total.periodEnd.iso) \(value)").inserted else { continue }
            points.append(.init(position: Double(total.periodEnd.daysSinceEpoch), value: value, isLowerBound: total.isLowerBound))
            table.append([total.periodEnd.iso, "reported", String(value), total.isLowerBound ? "yes" : "no", total.sourceURL])
        }
        table = [table[0]] + table.dropFirst().sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }

        let startDay = max(c.start, origin)
        let endDay = max(c.end, cumulative.map(\.periodEnd).max() ?? c.end)
        let undisclosed = c.rows.filter { $0.returnedTotal == nil }.count
        let latestOfficial = cumulative.filter { !$0.isLowerBound }.max { $0.periodEnd < $1.periodEnd }
        // Compared with the record on the same day, not with the record's latest sum.
        let latestText = latestOfficial.flatMap { t in
            t.value.map { value in
                let recordThen = c.all.filter { $0.date <= t.periodEnd }.compactMap(\.returnedTotal).reduce(0, +)
                return strings.latestOfficial(lang.number(value), lang.shortDate(t.periodEnd), record: lang.number(recordThen))
            }
        }
        var legend = [LegendItem(.line, strings.runningTotal), LegendItem(.referenceDot, strings.reported)]
        if points.contains(where: \.isLowerBound) { legend.append(LegendItem(.referenceFloor, strings.reportedFloor)) }
        let reportedText = points.suffix(4).map { p in
            "\(lang.longDate(Day(daysSinceEpoch: Int(p.position)))), \(p.isLowerBound ? (lang == .en ? "more than " : "понад ") : "")\(lang.number(p.value))"
        }
        let spec = ChartSpec(
            id: ChartRequest.Kind.cumulative.rawValue, title: strings.cumulativeTitle, subtitle: strings.cumulativeSubtitle,
            legend: legend, source: c.sourceLine(reportedUsed: cumulative),
            note: strings.cumulativeNote(undisclosed, latest: latestText), byline: c.byline,
            description: strings.cumulativeDescription(record: lang.number(running), date: lang.longDate(c.rows.last?.date ?? c.end), reported: reportedText),
            numbers: c.numbers,
            body: .steps(StepSeries(steps: steps, reported: points, start: Double(startDay.daysSinceEpoch),
                                    end: Double(endDay.daysSinceEpoch) + 10, ticks: c.timeTicks(from: startDay, to: endDay),
                                    endLabel: lang.number(running))))
        return ChartContent(spec: spec, table: table, start: startDay, end: endDay, sources: c.sources(reportedUsed: cumulative))
    }
}
