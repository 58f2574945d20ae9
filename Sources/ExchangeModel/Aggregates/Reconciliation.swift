/// The record set beside what officials reported for the same periods.
///
/// Differences are findings, not errors: the record may miss exchanges that no
/// dated source describes, and officials count differently over time. Both
/// figures are kept and shown; neither replaces the other.
public struct Reconciliation: Sendable {
    /// A reported figure for a period, with the record's figure for the same period.
    public struct Comparison: Hashable, Sendable {
        /// What was counted.
        public var metric: ReportedTotal.Metric
        /// The period both figures cover.
        public var start: Day
        public var end: Day
        /// The value officials gave; every source that gave the same value for the same period is kept.
        public var reportedValue: Int
        /// The reports behind `reportedValue`, in their file order.
        public var reports: [ReportedTotal]
        /// What the record sums to over the period.
        public var recorded: KnownSum

        /// Recorded minus reported: negative when the record has fewer.
        public var difference: Int { recorded.known - reportedValue }
        /// Whether any source gave the value as a floor ("more than").
        public var isLowerBound: Bool { reports.contains(where: \.isLowerBound) }
        /// Whether the value was derived rather than stated.
        public var isDerived: Bool { reports.allSatisfy(\.isDerived) }
        /// Whether the value was given as approximate.
        public var isApproximate: Bool { reports.contains(where: \.isApproximate) }
    }

    /// A calendar year: the record's summary and each reported figure for that year.
    public struct Year: Sendable {
        public var summary: PeriodSummary
        public var comparisons: [Comparison]
        public var year: Int { summary.start.year }
    }

    /// One entry per year with rows, oldest first.
    public var years: [Year]
    /// Reported figures for periods other than calendar years (mostly "since 24 February 2022"), by end date.
    public var otherPeriods: [Comparison]
    /// Reported totals that gave no number (a ratio, say): listed, not compared.
    public var withoutValue: [ReportedTotal]

    /// Compares `exchanges` with `reported`.
    public init(exchanges: [Exchange], reported: [ReportedTotal]) {
        let withValue = reported.filter { $0.value != nil }
        withoutValue = reported.filter { $0.value == nil }
        let comparisons = Reconciliation.group(withValue).map { group -> Comparison in
            let first = group[0]
            let summary = PeriodSummary(exchanges, from: first.periodStart, to: first.periodEnd)
            return Comparison(metric: first.metric, start: first.periodStart, end: first.periodEnd,
                              reportedValue: first.value ?? 0, reports: group, recorded: summary.recorded(first.metric))
        }
        let perYear = Dictionary(grouping: comparisons.filter { $0.reports[0].calendarYear != nil }, by: \.start.year)
        years = exchanges.summariesPerYear().map { year in
            Year(summary: year.summary, comparisons: perYear[year.summary.start.year] ?? [])
        }
        otherPeriods = comparisons.filter { $0.reports[0].calendarYear == nil }
            .sorted { ($0.end, $0.start, $0.metric.order) < ($1.end, $1.start, $1.metric.order) }
    }

    /// Groups reports of the same value for the same period and metric, keeping first-seen order.
    private static func group(_ totals: [ReportedTotal]) -> [[ReportedTotal]] {
        struct Key: Hashable { var start: Day; var end: Day; var metric: ReportedTotal.Metric; var value: Int? }
        var order: [Key] = []
        var groups: [Key: [ReportedTotal]] = [:]
        for total in totals {
            let key = Key(start: total.periodStart, end: total.periodEnd, metric: total.metric, value: total.value)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(total)
        }
        return order.compactMap { groups[$0] }
            .sorted { ($0[0].metric.order) < ($1[0].metric.order) }
    }
}

extension ReportedTotal.Metric {
    /// Display order: people, then exchanges, then bodies.
    var order: Int {
        switch self {
        case .released: 0
        case .exchanges: 1
        case .bodiesReturned: 2
        }
    }
}
