/// A known reason why the record and a reported total differ over a span: exchanges not found,
/// numbers withheld, people the record includes that some totals leave out. Written by the people
/// who keep the record (`Data/known_gaps.csv`), each with its source, in both languages, so that
/// briefings explain a gap from data rather than from text typed into a template.
public struct KnownGap: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// People officials counted that the record lacks: exchanges not found in the sources read.
        case missing
        /// An exchange that is known to have happened but has no dated source, so no row.
        case undated
        /// Stages whose numbers were withheld.
        case undisclosed
        /// People the record includes (freed outside exchanges) that totals "via exchanges only" leave out.
        case outsideExchanges = "outside_exchanges"

        /// Whether the record lacks people over the gap's span (exchanges not found or undated):
        /// its sums there are floors.
        public var missesPeople: Bool { self == .missing || self == .undated }
    }

    public var periodStart: Day
    public var periodEnd: Day
    public var kind: Kind
    /// How many people it concerns, where a source says (never a guess); nil when unknown.
    public var people: Int?
    public var qualifier: ReportedTotal.Qualifier?
    /// The kind of total it explains (its `counts`); nil for every total of people returned.
    public var appliesTo: ReportedTotal.Scope?
    public var explanation: String
    public var explanationUK: String
    /// The source, as rows name theirs: a code of `publications.csv`, a detail in both languages, the address.
    public var publication: String?
    public var sourceDetail: String?
    public var sourceDetailUK: String?
    public var sourceURL: String

    public init(periodStart: Day, periodEnd: Day, kind: Kind, people: Int? = nil, qualifier: ReportedTotal.Qualifier? = nil,
                appliesTo: ReportedTotal.Scope? = nil, explanation: String, explanationUK: String, publication: String? = nil,
                sourceDetail: String? = nil, sourceDetailUK: String? = nil, sourceURL: String) {
        self.periodStart = periodStart; self.periodEnd = periodEnd; self.kind = kind; self.people = people
        self.qualifier = qualifier; self.appliesTo = appliesTo; self.explanation = explanation
        self.explanationUK = explanationUK; self.publication = publication; self.sourceDetail = sourceDetail
        self.sourceDetailUK = sourceDetailUK; self.sourceURL = sourceURL
    }

    /// Whether it bears on a comparison of the record with `total`: its span lies within the total's
    /// and it concerns that kind of total.
    /// An undated exchange whose size no source gives explains a count of exchanges, not of people.
    public func bears(on total: ReportedTotal) -> Bool {
        guard kind != .undated || people != nil else { return false }
        return periodStart >= total.periodStart && periodEnd <= total.periodEnd && (appliesTo == nil || appliesTo == total.counts)
    }

    /// Whether it falls in a period (overlaps it).
    public func overlaps(start: Day, end: Day) -> Bool { periodStart <= end && periodEnd >= start }
}
