import Charts
import ExchangeModel

/// People returned per calendar year of the period (years without an exchange included), with the
/// reported totals of whole years beside them, each labelled with what kind of figure it is.
enum PerYearChart {
    /// A reported total for a calendar year, as the chart draws it.
    struct Official {
        let value: Int
        let reports: [ReportedTotal]
        let isDerived: Bool
        let isApproximate: Bool
        /// Whether whoever reported it is named (not "not named …").
        let isNamed: Bool
    }

    static func build(_ c: ChartBuilder.Context) -> ChartContent {
        let strings = c.strings, lang = c.language, today = c.request.today
        var bars: [BarSeries.Bar] = []
        var table: [[String]] = [["year", "label", "period_start", "period_end", "returned_known", "undisclosed_stages", "exchanges",
                                  "reported_total", "reported_kind", "reported_source"]]
        var descriptions: [String] = []
        var officialItems: [String] = []
        var notes: [String] = []
        var used: [ReportedTotal] = []
        var undisclosedYears: [(year: Int, value: Int, stages: Int)] = []
        var anyEmpty = false, anyInProgress = false, anyCut = false, anyBeforeRecord = false
        var best: (years: [Int], value: Int, atLeast: Bool)?
        var rows = c.rows[...]
        for year in c.start.year...c.end.year {
            let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
            let shownFrom = max(first, c.start), shownTo = min(last, c.end)
            let split = rows.partitioningIndex { $0.date > shownTo }
            let rowsOfYear = rows[..<split]
            rows = rows[split...]
            let summary = PeriodSummary(rowsInPeriod: rowsOfYear, from: shownFrom, to: shownTo)
            // A year is in progress only while it has not ended by today; any other part of a year is cut by the period.
            let inProgress = today < last && shownTo >= today
            let cut = !inProgress && (shownFrom > first || shownTo < last)
            anyInProgress = anyInProgress || inProgress
            anyCut = anyCut || cut
            let label = strings.yearLabel(year, from: shownFrom, to: shownTo)
            let known = summary.returned.known, unknown = summary.returned.unknownCount
            let value: Int? = summary.returned.knownCount > 0 ? known : nil
            // A year the record does not reach is not covered: "n/a", never "–" (no exchange) or 0.
            let beforeRecord = c.isBeforeRecord(shownTo)
            anyBeforeRecord = anyBeforeRecord || beforeRecord
            let valueLabel: String
            if beforeRecord { valueLabel = strings.notCovered } else if rowsOfYear.isEmpty { valueLabel = "–"; anyEmpty = true } else if value == nil { valueLabel = strings.notDisclosed } else {
                valueLabel = lang.number(known) + (unknown > 0 ? "*" : "")
            }
            let official = inProgress || cut ? nil : officialTotal(year, c.reported)
            if let official { used.append(contentsOf: official.reports) }
            let agrees = official.map { $0.value == known && unknown == 0 && value != nil } ?? false
            bars.append(.init(label: label, value: value, valueLabel: valueLabel, style: inProgress || cut ? .partial : .normal,
                              reference: official.map { .init(value: $0.value, label: strings.referenceLabel($0, agrees: agrees)) }))
            // The note explains the "*" of a sum that leaves stages out; a year with no count says "not disclosed" itself.
            if unknown > 0, let value { undisclosedYears.append((year, value, unknown)) }
            let itemValue: String
            if beforeRecord { itemValue = strings.beforeRecordItem } else if rowsOfYear.isEmpty { itemValue = strings.noExchange } else if let value {
                itemValue = unknown > 0 ? strings.atLeast(lang.number(value)) + " (" + strings.stagesUndisclosed(unknown) + ")"
                    : lang.number(value)
            } else {
                itemValue = (lang == .en ? "not disclosed (" : "кількість не розголошено (") + lang.count(unknown, .stage) + ")"
            }
            let item = strings.item(strings.yearLabel(year, from: shownFrom, to: shownTo, long: true), itemValue)
            descriptions.append(item)
            if let official, !agrees {
                var text = "\(year), " + (official.isApproximate ? "≈" : "") + lang.number(official.value)
                var kinds: [String] = []
                if official.isDerived { kinds.append(strings.derived) }
                if !official.isNamed { kinds.append(strings.unattributed) }
                if !kinds.isEmpty { text += " (" + kinds.joined(separator: ", ") + ")" }
                officialItems.append(text)
            }
            if let value, value > 0 {
                if best == nil || value > best!.value { best = ([year], value, unknown > 0) } else if value == best!.value {
                    best!.years.append(year)
                    best!.atLeast = best!.atLeast || unknown > 0
                }
            }
            // Counts of a year before the record are unknown: empty cells, not 0.
            table.append([String(year), label, shownFrom.iso, shownTo.iso, value.map(String.init) ?? "", beforeRecord ? "" : String(unknown),
                          beforeRecord ? "" : String(summary.exchanges),
                          official.map { String($0.value) } ?? "", official.map(kind) ?? "", official?.reports.map(\.sourceURL).joined(separator: " ") ?? ""])
        }
        let isEmpty = c.rows.isEmpty
        var legend: [LegendItem] = []
        if !isEmpty {
            if bars.contains(where: { $0.style == .normal && ($0.value ?? 0) > 0 }) { legend.append(LegendItem(.bar, strings.record)) }
            if bars.contains(where: { $0.style == .partial && ($0.value ?? 0) > 0 }) {
                legend.append(LegendItem(.partial, anyInProgress && anyCut ? strings.partOfYearOrInProgress : anyInProgress ? strings.yearInProgress : strings.partOfYear))
            }
            if bars.contains(where: { $0.reference != nil }) { legend.append(LegendItem(.referenceLine, strings.reportedTotal)) }
        }
        if undisclosedYears.count <= 2 {
            notes += undisclosedYears.map { strings.undisclosedExcluded($0.year, value: $0.value, $0.stages) }
        } else {
            notes.append(strings.undisclosedExcludedYears(undisclosedYears.map(\.stages).reduce(0, +)))
        }
        if anyEmpty, !isEmpty { notes.append(strings.emptyYears) }
        if anyBeforeRecord, !isEmpty, let start = c.coverageStart { notes.append(strings.notCoveredNote(start)) }
        if let unchecked = c.uncheckedNote, !isEmpty { notes.append(unchecked) }
        if !officialItems.isEmpty { notes.append(strings.officialDiffers(officialItems)) }
        if let leftOut = c.leftOutNote { notes.append(leftOut) }
        let takeaway = best.flatMap { bars.filter { $0.value != nil }.count > 1 ? strings.mostInYear($0.years, value: lang.number($0.value), atLeast: $0.atLeast) : nil }
        let description = isEmpty ? c.nothingToShow + (c.leftOutNote.map { " " + $0 } ?? "")
            : strings.perYearDescription(c.span, items: descriptions, official: officialItems, takeaway: takeaway, leftOut: c.leftOutNote)
        let spec = ChartSpec(
            id: ChartRequest.Kind.perYear.rawValue, title: strings.perYearTitle(c.span, withinOneYear: c.start.year == c.end.year), subtitle: strings.perYearSubtitle(c.span),
            legend: legend, source: c.sourceLine(reportedUsed: used), note: notes.isEmpty ? nil : notes.joined(separator: " "),
            byline: c.byline, description: description + (c.uncheckedNote.map { " " + $0 } ?? ""), emptyMessage: isEmpty ? c.nothingToShow : nil,
            language: lang.rawValue, numbers: c.numbers, body: .bars(BarSeries(bars: isEmpty ? [] : bars, valueName: strings.record)))
        return ChartContent(spec: spec, table: table, start: c.start, end: c.end, sources: c.sources(reportedUsed: used))
    }

    /// What a reported total is, for the data file: official, derived, approximate, unattributed.
    static func kind(_ official: Official) -> String {
        var parts: [String] = []
        if official.isDerived { parts.append("derived") }
        if official.isApproximate { parts.append("approximate") }
        if !official.isNamed { parts.append("unattributed") }
        return parts.isEmpty ? "official" : parts.joined(separator: " ")
    }

    /// The reported released total for a calendar year, the most direct there is: stated by a named
    /// body before approximate, before derived by Homecoming, before unattributed. Floors never.
    static func officialTotal(_ year: Int, _ reported: [ReportedTotal]) -> Official? {
        let candidates = reported.filter { $0.metric == .released && $0.calendarYear == year && $0.value != nil && !$0.isLowerBound }
        func rank(_ total: ReportedTotal) -> Int {
            !total.isAttributed ? 3 : total.isDerived ? 2 : total.isApproximate ? 1 : 0
        }
        guard let chosen = candidates.enumerated().min(by: { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) })?.element,
              let value = chosen.value else { return nil }
        let same = candidates.filter { $0.value == value && rank($0) == rank(chosen) }
        return Official(value: value, reports: same, isDerived: chosen.isDerived, isApproximate: chosen.isApproximate, isNamed: chosen.isAttributed)
    }
}
