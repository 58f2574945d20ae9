import Charts
import ExchangeModel

/// The running total as a step line over the period, with the reported cumulative totals beside it.
///
/// The total counts from the full-scale invasion for any period that starts on or after it, so the
/// line starts at what the record held the day before the period; for a period that starts earlier,
/// it counts from the period's first day (and reported totals, which count from the invasion, are not drawn).
enum CumulativeChart {
    static func build(_ c: ChartBuilder.Context) -> ChartContent {
        let strings = c.strings, lang = c.language
        let invasion = ChartBuilder.invasion
        let sinceInvasion = c.start >= invasion
        let counted = sinceInvasion ? c.before.filter { $0.date >= invasion } : []
        let startValue = counted.compactMap(\.returnedTotal).reduce(0, +)
        // Totals "since the invasion" (some count from a day soon after it), reported within the period.
        let firstRow = (counted.first ?? c.rows.first(where: { $0.date >= invasion }))?.date ?? invasion
        let cumulative = !sinceInvasion ? [] : c.reported.filter {
            $0.metric == .released && $0.value != nil && $0.periodStart >= invasion && $0.periodStart <= max(firstRow, invasion)
                && $0.periodEnd >= c.start && $0.periodEnd <= c.end
        }
        var running = startValue
        var steps: [StepSeries.Step] = []
        var undisclosedMarks: [StepSeries.Step] = []
        var table: [[String]] = [["date", "series", "value", "lower_bound", "counted_by", "source"]]
        if counted.contains(where: { $0.returnedTotal != nil }) { table.append([c.start.adding(days: -1).iso, "record", String(startValue), "", "", ""]) }
        for row in c.rows {
            guard let value = row.returnedTotal else {
                // One marker a day, however many stages that day had.
                if undisclosedMarks.last?.position != Double(row.date.daysSinceEpoch) {
                    undisclosedMarks.append(.init(position: Double(row.date.daysSinceEpoch), value: running))
                }
                continue
            }
            running += value
            if let last = steps.last, last.position == Double(row.date.daysSinceEpoch) { steps.removeLast() }
            steps.append(.init(position: Double(row.date.daysSinceEpoch), value: running))
            table.append([row.date.iso, "record", String(running), "", "", row.sourceURL])
        }
        var seen = Set<String>()
        var points: [StepSeries.Reported] = []
        // Who counted each point drawn, in the chart's language ("" where the source names nobody).
        var counters: [String] = []
        for total in cumulative.sorted(by: { $0.periodEnd < $1.periodEnd }) {
            guard let value = total.value, seen.insert("\(total.periodEnd.iso) \(value)").inserted else { continue }
            points.append(.init(position: Double(total.periodEnd.daysSinceEpoch), value: value, isLowerBound: total.isLowerBound))
            let counter = total.countedBy.map { c.words.name(.reportingBody, $0) } ?? ""
            counters.append(counter)
            table.append([total.periodEnd.iso, "reported", String(value), total.isLowerBound ? "yes" : "no", counter, total.sourceURL])
        }
        table = [table[0]] + table.dropFirst().sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }

        // A line only where the record holds a count: a running total of undisclosed stages alone would be a 0 that means "unknown".
        let hasLine = counted.contains { $0.returnedTotal != nil } || c.rows.contains { $0.returnedTotal != nil }
        let undisclosed = (counted + Array(c.rows)).filter { $0.returnedTotal == nil }.count
        let latestOfficial = cumulative.filter { !$0.isLowerBound }.max { $0.periodEnd < $1.periodEnd }
        // Compared with the record on the same day, not with the record's latest sum.
        // The briefing's comparison (`OfficialComparison`): a floor where stages are undisclosed or known
        // exchanges are missing, like for like where the total leaves recorded people out.
        let latestComparison = latestOfficial.flatMap { t in
            t.value.map { value in
                BriefingFacts.OfficialComparison(reported: t, value: value, recorded: KnownSum((counted + c.rows.prefix { $0.date <= t.periodEnd }).map(\.returnedTotal)),
                                                 knownGaps: c.knownGaps)
            }
        }
        let latestText = latestComparison.map { comparison in
            strings.latestOfficial(lang.number(comparison.value), comparison.reported.periodEnd, record: lang.number(comparison.recorded.known),
                                   likeForLike: comparison.leftOutPeople > 0 ? lang.number(comparison.comparable.known) : nil,
                                   countedBy: latestOfficial?.countedBy.map { c.words.name(.reportingBody, $0) })
        }
        var legend: [LegendItem] = []
        if hasLine { legend.append(LegendItem(.line, strings.runningTotal)) }
        if hasLine, !undisclosedMarks.isEmpty { legend.append(LegendItem(.undisclosed, strings.undisclosed)) }
        if points.contains(where: { !$0.isLowerBound }) { legend.append(LegendItem(.referenceDot, strings.reported)) }
        if points.contains(where: \.isLowerBound) { legend.append(LegendItem(.referenceFloor, strings.reportedFloor)) }
        let reportedText = zip(points, counters).suffix(4).map { p, counter in
            "\(strings.longDate(Day(daysSinceEpoch: Int(p.position)))), " + (p.isLowerBound ? strings.floor(lang.number(p.value)) : lang.number(p.value))
                + ", " + (counter.isEmpty ? strings.noCounter : strings.countedByOne(counter))
        }
        var notes: [String] = []
        if hasLine { notes.append(strings.cumulativeNote(undisclosed, latest: latestText)) }
        if !counters.isEmpty { notes.append(strings.countedBy(counters)) }
        // Nothing in the period: the total stayed where it was, unless nobody has checked the period's sources.
        let flat = c.isUnchecked.map { strings.uncheckedPeriod(c.span, checkedThrough: $0) } ?? strings.flatRunningTotal(c.span, lang.number(running))
        if c.rows.isEmpty, hasLine { notes.append(flat) }
        if let leftOut = c.leftOutNote, sinceInvasion { notes.append(leftOut) }
        notes += c.coverageNotes
        let stagesInPeriod = c.rows.count
        let floorMark = undisclosed > 0 ? "*" : ""
        let empty = stagesInPeriod > 0 ? strings.onlyUndisclosed(c.span, stagesInPeriod) : c.nothingToShow
        let description = !hasLine ? empty + (c.leftOutNote.map { " " + $0 } ?? "")
            : strings.cumulativeDescription(sinceInvasion: sinceInvasion, span: c.span, start: c.start,
                                            from: startValue > 0 ? lang.number(startValue) : nil,
                                            to: lang.number(running), atLeast: undisclosed > 0, date: c.end, reported: reportedText, reportedCount: points.count)
                + (c.rows.isEmpty ? " " + flat : "")
                + (latestComparison.map { " " + strings.cumulativeTakeaway($0) } ?? "")
        // From the invasion on (to today or to a briefing's last day), the title is the chart's own; the subtitle names the period.
        let isDefault = c.start == invasion
        var spec = ChartSpec(
            id: ChartRequest.Kind.cumulative.rawValue,
            title: isDefault ? strings.cumulativeTitleSinceInvasion : strings.cumulativeTitle(c.span, sinceInvasion: sinceInvasion),
            subtitle: strings.cumulativeSubtitle(c.span, start: c.start, sinceInvasion: sinceInvasion, reported: !points.isEmpty),
            legend: legend, source: c.sourceLine(reportedUsed: cumulative),
            note: notes.isEmpty ? nil : notes.joined(separator: " "), byline: c.byline, description: ([description] + c.coverageNotes).joined(separator: " "),
            emptyMessage: hasLine ? nil : empty, language: lang.rawValue, numbers: c.numbers,
            // Before the record's coverage the total is not known: the line begins at the first step there.
            body: .steps(StepSeries(startValue: hasLine && !c.isBeforeRecord(c.start) ? startValue : nil, steps: steps, reported: points,
                                    start: Double(c.start.daysSinceEpoch), end: Double(c.end.daysSinceEpoch) + 1,
                                    tickOptions: c.tickOptions, endLabel: hasLine ? lang.number(running) + floorMark : "",
                                    latestReportedLabel: points.last.map { strings.reportedPoint($0.isLowerBound ? strings.floor(lang.number($0.value)) : lang.number($0.value)) })))
        if case var .steps(series) = spec.body {
            series.undisclosed = hasLine ? undisclosedMarks : []
            spec.body = .steps(series)
        }
        return ChartContent(spec: spec, table: table, start: c.start, end: c.end, sources: c.sources(reportedUsed: cumulative))
    }
}
