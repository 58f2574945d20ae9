/// A total that an official or agency reported for a period, used to check the record.
public struct ReportedTotal: Hashable, Sendable {
    /// First day of the period (2022-02-24 for "since the full-scale invasion").
    public var periodStart: Day
    /// Last day of the period.
    public var periodEnd: Day
    /// What was counted.
    public var metric: Metric
    /// The reported number; `nil` where the source gave none (a ratio, say).
    public var value: Int?
    /// Who reported it.
    public var reportedBy: String?
    /// When it was reported, where the article's date could be read.
    public var reportedOn: Day?
    /// The publication it was read in.
    public var sourceName: String?
    /// Where it can be checked.
    public var sourceURL: String
    /// The words of the source; marks lower bounds ("Lower bound: …") and derived values ("DERIVED …").
    public var quote: String?

    /// What a reported total counts.
    public enum Metric: String, CaseIterable, Sendable {
        /// People returned.
        case released
        /// A count of exchanges, or the ordinal of the latest one.
        case exchanges
        /// Bodies of the fallen returned.
        case bodiesReturned = "bodies_returned"
    }

    /// Creates a reported total.
    public init(periodStart: Day, periodEnd: Day, metric: Metric, value: Int?, reportedBy: String? = nil,
                reportedOn: Day? = nil, sourceName: String? = nil, sourceURL: String, quote: String? = nil) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.metric = metric
        self.value = value
        self.reportedBy = reportedBy
        self.reportedOn = reportedOn
        self.sourceName = sourceName
        self.sourceURL = sourceURL
        self.quote = quote
    }

    /// What identifies a reported total: the same figure from another source is another row.
    public var key: Key { Key(periodStart: periodStart, periodEnd: periodEnd, metric: metric, sourceURL: sourceURL) }

    /// The identity of a reported total.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public var periodStart: Day
        public var periodEnd: Day
        public var metric: Metric
        public var sourceURL: String
        public var description: String { "\(metric.rawValue) \(periodStart.iso)…\(periodEnd.iso) from \(sourceURL)" }
    }

    /// Whether the source gave a floor ("more than", "just over") rather than an exact figure.
    public var isLowerBound: Bool { quote?.lowercased().hasPrefix("lower bound") ?? false }
    /// Whether the value was computed from other reported figures rather than stated.
    public var isDerived: Bool { quote?.contains("DERIVED") ?? false || quote?.contains("Sum derived") ?? false }
    /// Whether the source called the figure approximate.
    public var isApproximate: Bool { quote?.lowercased().hasPrefix("approximate") ?? false }
    /// Whether the period is one whole calendar year.
    public var calendarYear: Int? {
        periodStart == periodStart.startOfYear && periodEnd == periodStart.endOfYear ? periodStart.year : nil
    }
}

/// The fields of a reported total, named as the CSV columns and JSON keys are.
public enum ReportedTotalField: String, CaseIterable, Sendable {
    case periodStart = "period_start"
    case periodEnd = "period_end"
    case metric
    case value
    case reportedBy = "reported_by"
    case reportedOn = "reported_on"
    case sourceName = "source_name"
    case sourceURL = "source_url"
    case quote
}

extension ReportedTotal {
    /// The field's value as text, exactly as it is written to CSV (`nil` for empty).
    public func text(of field: ReportedTotalField) -> String? {
        switch field {
        case .periodStart: periodStart.iso
        case .periodEnd: periodEnd.iso
        case .metric: metric.rawValue
        case .value: value.map(String.init)
        case .reportedBy: reportedBy
        case .reportedOn: reportedOn?.iso
        case .sourceName: sourceName
        case .sourceURL: sourceURL
        case .quote: quote
        }
    }

    /// The fields whose values differ from `other`'s, in column order.
    public func differences(from other: ReportedTotal) -> [FieldChange] {
        ReportedTotalField.allCases.compactMap { field in
            let old = other.text(of: field), new = text(of: field)
            return old == new ? nil : FieldChange(field: field.rawValue, old: old, new: new)
        }
    }
}
