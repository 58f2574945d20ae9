import Charts
import ExchangeModel

/// Which chart to build, over which period, in which language and at which size.
public struct ChartRequest: Sendable {
    /// The charts Homecoming makes.
    public enum Kind: String, CaseIterable, Sendable {
        case perYear = "per-year"
        case perExchange = "per-exchange"
        case cumulative
    }

    public var kind: Kind
    /// The first day shown; nil for the start of the record.
    public var from: Day?
    /// The last day shown; nil for the end of the record.
    public var to: Day?
    public var language: Language
    /// Size in CSS pixels.
    public var width: Double
    public var height: Double
    /// For the byline: "Chart: ORGANISATION · AUTHOR".
    public var organisation: String
    public var author: String?
    /// A span to shade on the per-exchange chart (a briefing's week).
    public var highlight: ClosedRange<Day>?
    /// "Today": a year not over by then is in progress.
    public var today: Day
    /// The day the record's sources were checked through, where the chart reaches more than the
    /// briefing's stale limit past it: the chart says so, so that its last weeks do not read as "no exchange".
    public var uncheckedAfter: Day?

    public init(kind: Kind, from: Day? = nil, to: Day? = nil, language: Language, width: Double, height: Double,
                organisation: String, author: String? = nil, highlight: ClosedRange<Day>? = nil, today: Day) {
        self.kind = kind; self.from = from; self.to = to; self.language = language; self.today = today
        self.width = width; self.height = height; self.organisation = organisation; self.author = author
        self.highlight = highlight
    }
}

/// A chart ready to render: its spec, the exact data it shows and where that data comes from.
public struct ChartContent: Sendable {
    public var spec: ChartSpec
    /// The data shown, as CSV rows (header first).
    public var table: [[String]]
    /// The period shown.
    public var start: Day
    public var end: Day
    /// The sources of the rows shown, deduplicated, in order of first use.
    public var sources: [(name: String, url: String)]
    /// The size the chart was laid out for, in px.
    public var width: Double = 1200
    public var height: Double = 675
}
