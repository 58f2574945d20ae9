import Charts
import ExchangeModel

/// People returned per calendar year, with the officially reported totals where they differ.
enum PerYearChart {
    static func build(_ c: ChartBuilder.Context) -> ChartContent {
        let strings = c.strings, lang = c.language
        var bars: [BarSeries.Bar] = []
        var table: [[String]] = [["year", "label", "returned_known", "undisclosed_stages", "exchanges", "official_total", "official_source"]]
        var descriptions: [String] = []
        var officialItems: [String] = []
        var notes: [String] = []
        var used: [ReportedTotal] = []
        var undisclosedYears: [(year: Int, stages: Int)] = []
        for (summary, rowsOfYear) in c.rows.summariesPerYear() {
            let year = summary.start.year
            let lastDay = rowsOfYear.last?.date ?? summary.end
            let firstDay = rowsOfYear.first?.date ?? summary.start
            // A year is in progress when the period (or the record) stops before it ends.
            let inProgress = (c.request.to ?? c.request.today) < summary.end
            // Only a --from inside a year cuts it; the record itself starting on 1 March 2022 does not.
            let cutAtStart = c.request.from.map { $0 > summary.start && $0.year == year } ?? false
            let label = inProgress ? strings.yearLabel(year, to: lang.dayMonth(lastDay))
                : cutAtStart ? strings.yearLabel(year, from: lang.dayMonth(firstDay)) : String(year)
            let known = summary.returned.known
            let unknown = summary.returned.unknownCount
            let official = inProgress || cutAtStart ? nil : officialTotal(year, c.reported)
            if let official { used.append(contentsOf: official.reports) }
            let differs = official.map { $0.value != known || unknown > 0 } ?? false
            bars.append(.init(label: label, value: known, valueLabel: lang.number(known) + (unknown > 0 ? "*" : ""),
                              style: inProgress || cutAtStart ? .partial : .normal, reference: differs ? official?.value : nil))
            if unknown > 0 { undisclosedYears.append((year, unknown)) }
            var item = "\(label), \(lang.number(known))"
            if unknown > 0 { item += " (" + lang.count(unknown, .stage) + (lang == .en ? " undisclosed)" : " не розголошено)") }
            descriptions.append(item)
            if let official, differs {
                var text = "\(year), \(lang.number(official.value))"
                if official.isDerived { text += " (\(strings.derived))" }
                officialItems.append(text)
            }
            table.append([String(year), label, String(known), String(unknown), String(summary.exchanges),
                          official.map { String($0.value) } ?? "", official?.reports.map(\.sourceURL).joined(separator: " ") ?? ""])
        }
        var legend = [LegendItem(.bar, strings.record)]
        if bars.contains(where: { $0.style == .partial }) { legend.append(LegendItem(.partial, strings.yearInProgress)) }
        if bars.contains(where: { $0.reference != nil }) { legend.append(LegendItem(.referenceLine, strings.officialTotal)) }
        if undisclosedYears.count <= 2 {
            notes += undisclosedYears.map { strings.undisclosedExcluded($0.year, $0.stages) }
        } else {
            notes.append(strings.undisclosedExcludedYears(undisclosedYears.count, undisclosedYears.map(\.stages).reduce(0, +)))
        }
        if !officialItems.isEmpty { notes.append(strings.officialDiffers(officialItems)) }
        let spec = ChartSpec(
            id: ChartRequest.Kind.perYear.rawValue, title: strings.perYearTitle,
            subtitle: strings.perYearSubtitle(lang.shortDate(c.rows.first?.date ?? c.start), lang.shortDate(c.rows.last?.date ?? c.end)),
            legend: legend, source: c.sourceLine(reportedUsed: used), note: notes.isEmpty ? nil : notes.joined(separator: " "),
            byline: c.byline, description: strings.perYearDescription(descriptions, official: officialItems),
            numbers: c.numbers, body: .bars(BarSeries(bars: bars)))
        return ChartContent(spec: spec, table: table, start: c.start, end: c.end, sources: c.sources(reportedUsed: used))
    }

    /// The reported released total for a calendar year: the exact figure if there is one (not approximate, not a floor).
    static func officialTotal(_ year: Int, _ reported: [ReportedTotal]) -> (value: Int, reports: [ReportedTotal], isDerived: Bool)? {
        let candidates = reported.filter { $0.metric == .released && $0.calendarYear == year && $0.value != nil && !$0.isLowerBound }
        guard let best = candidates.first(where: { !$0.isApproximate }) ?? candidates.first, let value = best.value else { return nil }
        let same = candidates.filter { $0.value == value }
        return (value, same, same.allSatisfy(\.isDerived))
    }
}
