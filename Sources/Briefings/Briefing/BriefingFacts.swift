import ExchangeModel
import ExchangeStore

/// Everything a briefing states, computed from the record once and shared by every language and format.
/// No text here: `BriefingSentences` words it.
public struct BriefingFacts: Sendable {
    /// One exchange: its first day and its stages in the record.
    public struct ExchangeGroup: Sendable {
        public var key: Day
        public var stages: [Exchange]
        public var known: Int { stages.compactMap(\.returnedTotal).reduce(0, +) }
        public var undisclosed: Int { stages.filter { $0.returnedTotal == nil }.count }
        public var first: Day { stages[0].date }
    }

    /// An officially reported figure beside the record's for the same span.
    /// A reported total beside what the record has over its span: the one place where the two are
    /// compared, so that every sentence and chart that states the gap states the same one.
    public struct OfficialComparison: Sendable {
        public var reported: ReportedTotal
        public var value: Int
        /// What the record has over the total's span.
        public var recorded: KnownSum
        /// The record is known to miss people over the span (exchanges not found): its figure is a floor.
        public var missesKnownPeople = false
        /// Known gaps saying how many of the recorded people this total leaves out (freed outside
        /// exchanges, where it counts via exchanges only).
        public var leftOut: [KnownGap] = []
        /// The people those gaps name.
        public var leftOutPeople: Int { leftOut.compactMap(\.people).reduce(0, +) }
        /// What the record has, counted as the total counts (without the people it leaves out): like for like.
        public var comparable: KnownSum {
            KnownSum(known: recorded.known - leftOutPeople, unknownCount: recorded.unknownCount, knownCount: recorded.knownCount)
        }
        /// The record's figure minus the reported one, like for like.
        public var difference: Int { comparable.known - value }

        /// The comparison of `reported` (its `value`) with what the record has over its span, flagged
        /// when a known gap says the record misses people there, and counted like for like where one
        /// says the total leaves some of the recorded people out.
        init(reported: ReportedTotal, value: Int, recorded: KnownSum, knownGaps: [KnownGap]) {
            self.reported = reported; self.value = value; self.recorded = recorded
            guard reported.metric == .released else { return }
            let bearing = knownGaps.filter { $0.bears(on: reported) }
            missesKnownPeople = bearing.contains { $0.kind.missesPeople }
            leftOut = bearing.filter { $0.kind == .outsideExchanges && $0.qualifier == .exact && $0.appliesTo == reported.counts && $0.people != nil }
        }
    }

    /// Whether the record can be trusted to be complete for the period: measured from the latest
    /// recorded check of the sources (`homecoming checked`), not from the latest change, so that a
    /// closed year or a checked lull is not "stale".
    public struct Freshness: Sendable {
        /// The check that reaches furthest, if any was recorded.
        public var lastCheck: SourceCheck?
        /// The newest exchange on or before today: what a record nobody checked is measured from.
        public var newestRecord: Day?
        public var staleAfter: Int
        /// The last day the briefing speaks for: its period's end, or today if that is earlier.
        public var reach: Day
        /// The day the record is known to be complete through.
        public var knownThrough: Day? { lastCheck?.checkedThrough ?? newestRecord }
        /// Days of the briefing's span after that day (0 when the check covers it).
        public var uncheckedDays: Int? { knownThrough.map { max(0, $0.days(to: reach)) } }
        public var isStale: Bool { (uncheckedDays ?? .max) > staleAfter }
        /// The day the sources are known through, where that is too long ago: what a chart notes.
        public var uncheckedAfter: Day? { isStale ? knownThrough : nil }
    }

    public var period: Period
    public var summary: PeriodSummary
    /// Rows in the period, oldest first.
    public var rows: [Exchange]
    /// The latest row on or before the period's end.
    public var lastBefore: Exchange?
    /// From 1 January to the period's end, and the same span a year earlier.
    public var yearToDate: PeriodSummary
    public var sameSpanLastYear: PeriodSummary
    /// Where the sources were checked only through a day of the period's year before its end: the year
    /// to that day, and the same span a year earlier (what compares like for like).
    public var checkedYearToDate: (current: PeriodSummary, previous: PeriodSummary)?
    /// The largest exchange (stages summed) of the period's last year, up to its end.
    public var largestOfYear: ExchangeGroup?
    /// Everything recorded up to the period's end.
    public var sinceInvasion: PeriodSummary
    /// The date of the record's first row, if it has any: comparisons reach no further back.
    public var recordStart: Day?
    /// The latest officially reported cumulative total up to the period's end, with the record on that day.
    public var latestOfficial: OfficialComparison?
    /// For a year: officially reported totals of that year and the one before, with the record's figures.
    public var officialThisYear: [OfficialComparison]
    public var previousYear: PeriodSummary?
    public var officialPreviousYear: OfficialComparison?
    /// For a year: its last exchange.
    public var lastOfYear: ExchangeGroup?
    public var freshness: Freshness
    /// Totals officials reported during the period (by the date they were reported) that the record does not match:
    /// new reconciliation gaps, which the weekly job warns about.
    public var newGaps: [OfficialComparison]
    /// Changes to the record made during the period.
    public var corrections: [HistoryEntry]
    /// Reported counts of bodies returned whose span overlaps the period: the record counts bodies
    /// per exchange, and repatriations are often reported apart from any exchange.
    public var reportedBodies: [ReportedTotal] { reportedBodiesBeside.map(\.total) }
    /// Each of those totals beside the bodies the record counts with exchanges over its whole span
    /// (not only the part inside the period).
    public var reportedBodiesBeside: [(total: ReportedTotal, recorded: KnownSum)] = []
    /// Those whose span lies inside the period (named beside the headline figure).
    public var reportedBodiesInPeriod: [ReportedTotal] { reportedBodies.filter { $0.periodStart >= period.start && $0.periodEnd <= period.end } }

    /// What changed since the previous week's edition: the year's total and the gap with the latest
    /// official figure as that edition stated them (the record as it stood when it was prepared, from
    /// the history) against now, exchanges added for earlier dates, and corrections.
    public struct SinceLastEdition: Sendable {
        /// The previous edition's week.
        public var previous: Period
        /// The year to date as the previous edition counted it, and as this one does.
        public var yearBefore: PeriodSummary
        public var yearNow: PeriodSummary
        /// The comparison with the latest exact official total in each edition.
        public var officialBefore: OfficialComparison?
        public var officialNow: OfficialComparison?
        /// Rows dated before this week that were added to the record during it.
        public var added: [Exchange]
        /// Rows or totals corrected during this week.
        public var corrections: Int
        /// For the first week of a year that began in the one before: that year, whole, as the record has it now.
        public var closingYear: PeriodSummary?
    }
    /// Only for a weekly briefing: the other kinds are not editions of a series.
    public var sinceLastEdition: SinceLastEdition?

    /// What is known about the gaps between the record and reported totals.
    public var knownGaps: [KnownGap]
    /// The known gaps that bear on a comparison with `total` (its span and kind), oldest first.
    public func knownGaps(bearingOn total: ReportedTotal) -> [KnownGap] {
        guard total.metric == .released else { return [] }
        return knownGaps.filter { $0.bears(on: total) }.sorted { $0.periodStart < $1.periodStart }
    }
    /// The year's exchanges (to the period's end) that have stages with withheld numbers.
    public var undisclosedGroupsOfYear: [ExchangeGroup] = []

    /// Whether the record is known to miss people in the period (exchanges not found or undated):
    /// its sums are then floors, said "at least".
    public var missesKnownPeople: Bool { missingExchanges != nil }
    /// The first known gap in the period that says the record misses exchanges (not found or undated).
    public var missingExchanges: KnownGap? { knownGapsInPeriod.first { $0.kind.missesPeople } }
    /// The period ends before the record's first exchange: the record says nothing about it, and
    /// every figure is unknown, not 0.
    public var isBeforeRecord: Bool { coverageStart.map { period.end < $0 } ?? false }
    /// Where the record's coverage begins (`ChartBuilder.coverageStart`).
    public var coverageStart: Day? { ChartBuilder.coverageStart(firstExchange: recordStart) }
    /// Nothing is recorded in the period and nobody has checked the sources for it: its zeros are unknown.
    public var isUnchecked: Bool { rows.isEmpty && freshness.isStale && (freshness.knownThrough.map { $0 < period.start } ?? true) }
    /// The known gaps that fall in the period.
    public var knownGapsInPeriod: [KnownGap] {
        knownGaps.filter { $0.overlaps(start: period.start, end: period.end) }.sorted { $0.periodStart < $1.periodStart }
    }

    /// Computes the facts of `period` from the record.
    public init(period: Period, exchanges: [Exchange], reported: [ReportedTotal], history: [HistoryEntry],
                today: Day, staleAfter: Int, lastCheck: SourceCheck?, knownGaps: [KnownGap] = []) {
        self.init(period: period, exchanges: exchanges, reported: reported, history: history, today: today, staleAfter: staleAfter,
                  lastCheck: lastCheck, knownGaps: knownGaps, comparingEditions: period.kind == .weekly)
    }

    private init(period: Period, exchanges: [Exchange], reported: [ReportedTotal], history: [HistoryEntry],
                 today: Day, staleAfter: Int, lastCheck: SourceCheck?, knownGaps: [KnownGap], comparingEditions: Bool) {
        self.knownGaps = knownGaps
        // A briefing never counts what happened after its period.
        let upToEnd = exchanges.filter { $0.date <= period.end }
        self.period = period
        rows = upToEnd.filter { $0.date >= period.start }
        summary = PeriodSummary(rowsInPeriod: rows, from: period.start, to: period.end)
        lastBefore = upToEnd.last

        let yearStart = period.end.startOfYear
        yearToDate = PeriodSummary(upToEnd, from: yearStart, to: period.end)
        let previousStart = Day(year: yearStart.year - 1, month: 1, day: 1) ?? yearStart
        let previousEnd = Day(year: period.end.year - 1, month: period.end.month, day: min(period.end.day, Day.daysIn(month: period.end.month, year: period.end.year - 1)))
            ?? previousStart
        sameSpanLastYear = PeriodSummary(upToEnd, from: previousStart, to: previousEnd)
        largestOfYear = Self.groups(upToEnd.filter { $0.date >= yearStart }).max { ($0.known, $1.first) < ($1.known, $0.first) }
        sinceInvasion = PeriodSummary(upToEnd, from: ChartBuilder.invasion, to: period.end)
        recordStart = exchanges.first?.date

        let released = reported.filter { $0.metric == .released && $0.value != nil && !$0.isLowerBound && !$0.isApproximate }
        let firstRow = exchanges.first?.date ?? period.start
        latestOfficial = released.filter { $0.periodStart <= firstRow && $0.periodEnd <= period.end && $0.periodEnd >= period.start.adding(days: -365) }
            .max { ($0.periodEnd, $1.reportedOn ?? $1.periodEnd) < ($1.periodEnd, $0.reportedOn ?? $0.periodEnd) }
            .map { official in
                OfficialComparison(reported: official, value: official.value ?? 0,
                                   recorded: PeriodSummary(upToEnd, from: official.periodStart, to: official.periodEnd).returned, knownGaps: knownGaps)
            }

        if period.kind == .annual {
            let year = period.start.year
            officialThisYear = reported.filter { $0.calendarYear == year && $0.value != nil && $0.metric != .bodiesReturned }
                .reduce(into: [ReportedTotal]()) { kept, t in
                    if !kept.contains(where: { $0.metric == t.metric && $0.value == t.value }) { kept.append(t) }
                }
                .map { t in
                    let s = PeriodSummary(upToEnd, from: t.periodStart, to: t.periodEnd)
                    return OfficialComparison(reported: t, value: t.value ?? 0, recorded: t.metric == .exchanges ? KnownSum(known: s.exchanges) : s.returned,
                                              knownGaps: knownGaps)
                }
            let previous = Period.year(year - 1)!
            let previousSummary = PeriodSummary(upToEnd, from: previous.start, to: previous.end)
            previousYear = previousSummary
            // The best-attributed figure for the year before: named counter first, then stated (not derived), then exact.
            officialPreviousYear = reported.filter { $0.metric == .released && $0.value != nil && $0.calendarYear == year - 1 && !$0.isLowerBound }
                .min { a, b in
                    func rank(_ t: ReportedTotal) -> (Int, Int, Int) { (t.isAttributed ? 0 : 1, t.isDerived ? 1 : 0, t.qualifier == .exact ? 0 : 1) }
                    return rank(a) < rank(b)
                }
                .map { OfficialComparison(reported: $0, value: $0.value ?? 0, recorded: previousSummary.returned, knownGaps: knownGaps) }
            lastOfYear = Self.groups(rows).max { $0.first < $1.first }
        } else {
            officialThisYear = []
            previousYear = nil
            officialPreviousYear = nil
            lastOfYear = nil
        }
        newGaps = released.filter { period.contains($0.reportedOn ?? $0.periodEnd) }.compactMap { official in
            let recorded = PeriodSummary(upToEnd, from: official.periodStart, to: official.periodEnd).returned
            guard let value = official.value else { return nil }
            let comparison = OfficialComparison(reported: official, value: value, recorded: recorded, knownGaps: knownGaps)
            return comparison.difference == 0 ? nil : comparison
        }
        reportedBodiesBeside = reported.filter { $0.metric == .bodiesReturned && $0.value != nil && $0.periodStart <= period.end && $0.periodEnd >= period.start }
            .map { ($0, PeriodSummary(exchanges, from: $0.periodStart, to: $0.periodEnd).bodiesReturned) }
        undisclosedGroupsOfYear = Self.groups(upToEnd.filter { $0.date >= yearStart }).filter { $0.undisclosed > 0 }
        freshness = Freshness(lastCheck: lastCheck, newestRecord: exchanges.last { $0.date <= today }?.date, staleAfter: staleAfter,
                              reach: min(period.end, today))
        if freshness.isStale, let through = freshness.knownThrough, through < period.end, through >= yearStart {
            let sameDay = Day(year: through.year - 1, month: through.month, day: min(through.day, Day.daysIn(month: through.month, year: through.year - 1)))
                ?? previousStart
            checkedYearToDate = (PeriodSummary(upToEnd, from: yearStart, to: through), PeriodSummary(upToEnd, from: previousStart, to: sameDay))
        }
        corrections = history.filter { entry in
            entry.kind == .updated && Day(iso: entry.at.prefix(10)).map(period.contains) == true
        }.reversed()

        sinceLastEdition = nil
        // Before the record there is nothing to compare: both editions lie outside it.
        // (nor does a week whose previous edition lies before the record's coverage).
        if comparingEditions, let coverageStart, period.start.adding(days: -1) >= coverageStart {
            let previous = Period(kind: .weekly, start: period.start.adding(days: -7), end: period.start.adding(days: -1))
            // The previous edition was prepared when its week ended: undo what the history records since.
            let since = history.filter { entry in
                !entry.origin.hasPrefix("seed") && (Day(iso: entry.at.prefix(10)).map { $0 > previous.end && $0 <= period.end } ?? false)
            }
            let (rowsThen, totalsThen) = Self.undo(since, exchanges: exchanges, reported: reported)
            let then = BriefingFacts(period: previous, exchanges: rowsThen, reported: totalsThen, history: [], today: previous.end,
                                     staleAfter: staleAfter, lastCheck: nil, knownGaps: knownGaps, comparingEditions: false)
            let addedKeys = Set(since.filter { $0.kind == .added && $0.recordType == "exchange" }.map(\.recordKey))
            sinceLastEdition = SinceLastEdition(
                previous: previous, yearBefore: then.yearToDate, yearNow: yearToDate,
                officialBefore: then.latestOfficial, officialNow: latestOfficial,
                added: upToEnd.filter { $0.date < period.start && addedKeys.contains($0.date.iso) },
                corrections: since.filter { $0.kind == .updated }.count,
                closingYear: previous.end.year != period.end.year
                    ? PeriodSummary(upToEnd, from: previous.end.startOfYear, to: previous.end.endOfYear) : nil)
        }
    }

    /// The record as it was before `entries` (newest last) were made: added rows taken out, updated
    /// counts set back to their old values.
    static func undo(_ entries: [HistoryEntry], exchanges: [Exchange], reported: [ReportedTotal]) -> ([Exchange], [ReportedTotal]) {
        var rows = exchanges, totals = reported
        for entry in entries.reversed() {
            if entry.recordType == "exchange" {
                guard let i = rows.firstIndex(where: { $0.date.iso == entry.recordKey }) else { continue }
                if entry.kind == .added { rows.remove(at: i); continue }
                for change in entry.changes {
                    let old = change.old.flatMap { Int($0) }
                    switch change.field {
                    case "returned_total": rows[i].returnedTotal = old
                    case "returned_military": rows[i].returnedMilitary = old
                    case "returned_civilians": rows[i].returnedCivilians = old
                    case "part_of": rows[i].partOf = change.old.flatMap { Day(iso: $0) }
                    default: break
                    }
                }
            } else if entry.kind == .added {
                totals.removeAll { $0.key.description == entry.recordKey }
            } else if let i = totals.firstIndex(where: { $0.key.description == entry.recordKey }) {
                for change in entry.changes where change.field == "value" { totals[i].value = change.old.flatMap { Int($0) } }
            }
        }
        return (rows, totals)
    }

    /// Exchanges in the period: stages tied by `part_of` form one.
    public var groups: [ExchangeGroup] { Self.groups(rows) }

    static func groups(_ rows: [Exchange]) -> [ExchangeGroup] {
        var index: [Day: Int] = [:]
        var groups: [ExchangeGroup] = []
        for row in rows {
            if let i = index[row.exchangeKey] { groups[i].stages.append(row) } else {
                index[row.exchangeKey] = groups.count
                groups.append(ExchangeGroup(key: row.exchangeKey, stages: [row]))
            }
        }
        return groups
    }
}
