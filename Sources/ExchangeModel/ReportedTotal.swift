/// A total that an official or agency reported for a period, used to check the record.
///
/// What kind of figure it is lives in fields, not in prose: who counted, how exact the figure is,
/// whether Homecoming derived it and from what, and what it counts.
public struct ReportedTotal: Hashable, Sendable {
    /// First day of the period (2022-02-24 for "since the full-scale invasion").
    public var periodStart: Day
    /// Last day of the period.
    public var periodEnd: Day
    /// What was counted.
    public var metric: Metric
    /// The reported number; `nil` where the source gave none (a ratio, say).
    public var value: Int?
    /// How exact the source said the figure is; `nil` only when there is no value.
    public var qualifier: Qualifier?
    /// What the figure takes in, where the source says.
    public var counts: Scope?
    /// For a figure Homecoming computed from reported ones: the sum, as `1358 - 356`; `nil` when stated.
    public var derivedFrom: String?
    /// The body whose count it is: a code of `Data/reporting_bodies.csv`; `nil` when the source names none.
    public var countedBy: String?
    /// The person or body who announced it, where not the counter itself (a code of the same file).
    public var announcedBy: String?
    /// When it was reported, where the article's date could be read.
    public var reportedOn: Day?
    /// The publication it was read in: a code of `Data/publications.csv`.
    public var publication: String?
    /// What the source is beyond the publication's name, in English.
    public var sourceDetail: String?
    /// The same in Ukrainian.
    public var sourceDetailUK: String?
    /// Where it can be checked.
    public var sourceURL: String
    /// The words of the source, in its own language.
    public var quote: String?
    /// What a reader should know about the figure, in English.
    public var notes: String?
    /// The same in Ukrainian.
    public var notesUK: String?

    /// What a reported total counts.
    public enum Metric: String, CaseIterable, Sendable {
        /// People returned.
        case released
        /// A count of exchanges, or the ordinal of the latest one.
        case exchanges
        /// Bodies of the fallen returned.
        case bodiesReturned = "bodies_returned"
    }

    /// How exact a source said its figure is.
    public enum Qualifier: String, CaseIterable, Sendable {
        /// The figure as given.
        case exact
        /// "About", "nearly", "approximately".
        case about
        /// "More than", "over", "just over": a floor.
        case atLeast = "at_least"
        /// "Up to", "fewer than": a ceiling.
        case atMost = "at_most"
    }

    /// What a figure of people returned takes in.
    public enum Scope: String, CaseIterable, Sendable {
        /// Only people returned in exchanges.
        case exchanges
        /// Also people freed outside exchanges.
        case allReturns = "all_returns"
        /// Citizens returned; children returned are counted apart and not in it.
        case withoutChildren = "without_children"
        /// Ukrainians and foreign nationals together.
        case withForeigners = "with_foreigners"
    }

    /// Creates a reported total.
    public init(periodStart: Day, periodEnd: Day, metric: Metric, value: Int?, qualifier: Qualifier? = nil,
                counts: Scope? = nil, derivedFrom: String? = nil, countedBy: String? = nil, announcedBy: String? = nil,
                reportedOn: Day? = nil, publication: String? = nil, sourceDetail: String? = nil,
                sourceDetailUK: String? = nil, sourceURL: String, quote: String? = nil,
                notes: String? = nil, notesUK: String? = nil) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.metric = metric
        self.value = value
        self.qualifier = qualifier
        self.counts = counts
        self.derivedFrom = derivedFrom
        self.countedBy = countedBy
        self.announcedBy = announcedBy
        self.reportedOn = reportedOn
        self.publication = publication
        self.sourceDetail = sourceDetail
        self.sourceDetailUK = sourceDetailUK
        self.sourceURL = sourceURL
        self.quote = quote
        self.notes = notes
        self.notesUK = notesUK
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
    public var isLowerBound: Bool { qualifier == .atLeast }
    /// Whether the source gave a ceiling.
    public var isUpperBound: Bool { qualifier == .atMost }
    /// Whether the value was computed from other reported figures rather than stated.
    public var isDerived: Bool { derivedFrom != nil }
    /// Whether the source called the figure approximate.
    public var isApproximate: Bool { qualifier == .about }
    /// Whether the figure is exact as stated (not a bound, not approximate).
    public var isExact: Bool { qualifier == .exact }
    /// Whether the source names who counted.
    public var isAttributed: Bool { countedBy != nil }
    /// Whether the period is one whole calendar year.
    public var calendarYear: Int? {
        periodStart == periodStart.startOfYear && periodEnd == periodStart.endOfYear ? periodStart.year : nil
    }

    /// The terms of `derivedFrom` with their signs (`1358 - 356` → [1358, -356]), or nil when it is not
    /// whole numbers joined by + and -.
    public static func terms(of derivation: String) -> [Int]? {
        var terms: [Int] = []
        var sign = 1, digits = "", expectNumber = true
        for scalar in derivation.unicodeScalars {
            switch scalar {
            case " ": continue
            case "0"..."9":
                guard expectNumber || !digits.isEmpty else { return nil }
                digits.unicodeScalars.append(scalar)
            case "+", "-", "−":
                guard !digits.isEmpty, digits.count <= 12, let n = Int(digits) else { return nil }
                terms.append(sign * n)
                digits = ""
                sign = scalar == "+" ? 1 : -1
            default: return nil
            }
            expectNumber = true
        }
        guard !digits.isEmpty, digits.count <= 12, let n = Int(digits) else { return nil }
        terms.append(sign * n)
        return terms.count >= 2 ? terms : nil
    }
}

/// The fields of a reported total, named as the CSV columns and JSON keys are.
public enum ReportedTotalField: String, CaseIterable, Sendable {
    case periodStart = "period_start"
    case periodEnd = "period_end"
    case metric
    case value
    case qualifier
    case counts
    case derivedFrom = "derived_from"
    case countedBy = "counted_by"
    case announcedBy = "announced_by"
    case reportedOn = "reported_on"
    case publication
    case sourceDetail = "source_detail"
    case sourceDetailUK = "source_detail_uk"
    case sourceURL = "source_url"
    case quote
    case notes
    case notesUK = "notes_uk"

    /// Columns of the layout before qualifiers and vocabularies, which a file can no longer use.
    public static let legacyColumns: [String: String] = [
        "reported_by": "counted_by (a code of reporting_bodies.csv) and announced_by",
        "source_name": "publication (a code of publications.csv) and source_detail",
    ]

    /// Whether the field holds free text that may run over several lines.
    public var isMultiline: Bool { self == .quote || self == .notes || self == .notesUK }

    /// The field's Ukrainian twin, for a text that must exist in both languages.
    public var ukrainian: ReportedTotalField? {
        switch self {
        case .notes: .notesUK
        case .sourceDetail: .sourceDetailUK
        default: nil
        }
    }
}

extension ReportedTotal {
    /// The field's value as text, exactly as it is written to CSV (`nil` for empty).
    public func text(of field: ReportedTotalField) -> String? {
        switch field {
        case .periodStart: periodStart.iso
        case .periodEnd: periodEnd.iso
        case .metric: metric.rawValue
        case .value: value.map(String.init)
        case .qualifier: qualifier?.rawValue
        case .counts: counts?.rawValue
        case .derivedFrom: derivedFrom
        case .countedBy: countedBy
        case .announcedBy: announcedBy
        case .reportedOn: reportedOn?.iso
        case .publication: publication
        case .sourceDetail: sourceDetail
        case .sourceDetailUK: sourceDetailUK
        case .sourceURL: sourceURL
        case .quote: quote
        case .notes: notes
        case .notesUK: notesUK
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
