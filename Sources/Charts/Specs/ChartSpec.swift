/// What a chart shows, with every text already localised: the chart engine formats nothing itself
/// except axis numbers, with the given `NumberStyle`.
public struct ChartSpec: Hashable, Sendable {
    /// The chart's name (`per-year`), used for ids and file names.
    public var id: String
    public var title: String
    public var subtitle: String
    /// Shapes and what they mean.
    public var legend: [LegendItem]
    /// "Source: …", built from the data's sources.
    public var source: String
    /// An optional note under the chart (gaps, undisclosed counts, reported totals).
    public var note: String?
    /// "Chart: Organisation · Author".
    public var byline: String?
    /// The text description for `<desc>` and alt text.
    public var description: String
    /// Said in the plot when the period has nothing to draw ("No exchange in the record in 2019.").
    public var emptyMessage: String?
    /// The BCP 47 language of the texts ("en", "uk"), for `xml:lang`.
    public var language: String
    /// How axis numbers are written (1,358 or 1 358).
    public var numbers: NumberStyle
    public var body: Body

    public enum Body: Hashable, Sendable {
        case bars(BarSeries)
        case timeline(Timeline)
        case steps(StepSeries)
    }

    public init(id: String, title: String, subtitle: String, legend: [LegendItem], source: String, note: String?,
                byline: String?, description: String, emptyMessage: String? = nil, language: String = "en", numbers: NumberStyle, body: Body) {
        self.id = id; self.title = title; self.subtitle = subtitle; self.legend = legend; self.source = source
        self.note = note; self.byline = byline; self.description = description; self.numbers = numbers; self.body = body
        self.emptyMessage = emptyMessage; self.language = language
    }
}

/// How whole numbers are written.
public struct NumberStyle: Hashable, Sendable {
    /// "," in English; a no-break space in Ukrainian.
    public var groupingSeparator: String

    public init(groupingSeparator: String) { self.groupingSeparator = groupingSeparator }

    /// The number with its thousands grouped.
    public func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 3 else { return value < 0 ? "−" + digits : digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupingSeparator }
            out.append(c)
        }
        return value < 0 ? "−" + out : out
    }
}

/// One entry of a legend: a shape and what it stands for.
public struct LegendItem: Hashable, Sendable {
    public enum Symbol: Hashable, Sendable {
        case bar, highlight, partial, referenceLine, undisclosed, line, referenceDot, referenceFloor
    }
    public var symbol: Symbol
    public var label: String
    public init(_ symbol: Symbol, _ label: String) { self.symbol = symbol; self.label = label }
}

/// Bars over categories (years): a value label on each, an optional reported value as a marker.
public struct BarSeries: Hashable, Sendable {
    public struct Bar: Hashable, Sendable {
        public enum Style: Hashable, Sendable { case normal, highlight, partial }
        /// The category label ("2024", "2026, to 5 Feb").
        public var label: String
        /// The known sum; nil draws no bar (nothing in the record, or every count undisclosed).
        public var value: Int?
        /// The label of the bar ("1,358", "2,297*", "not disclosed", "–").
        public var valueLabel: String
        public var style: Style
        /// A reported value for the same category, drawn as a marker line with its own label.
        public var reference: Reference?
        public init(label: String, value: Int?, valueLabel: String, style: Style = .normal, reference: Reference? = nil) {
            self.label = label; self.value = value; self.valueLabel = valueLabel; self.style = style; self.reference = reference
        }
    }
    /// A reported total drawn beside a bar: its value and what it is ("Official 1,596", "Derived 1,002").
    public struct Reference: Hashable, Sendable {
        public var value: Int
        public var label: String
        public init(value: Int, label: String) { self.value = value; self.label = label }
    }
    public var bars: [Bar]
    /// Put before a value label that has to sit above a reference line ("Record: 952"), so that it is not read as the line's value.
    public var valueName: String
    public init(bars: [Bar], valueName: String = "Record") { self.bars = bars; self.valueName = valueName }
}

/// A tick on a time axis: where its mark is, its label, and where the label's centre is when that
/// is elsewhere (a year's label centred on the part of the year shown; nil: under the mark).
/// A tick without a mark (`position` nil) only labels.
public struct AxisTick: Hashable, Sendable {
    public var position: Double?
    public var label: String
    public var labelPosition: Double?
    public init(position: Double?, label: String, labelPosition: Double? = nil) {
        self.position = position; self.label = label; self.labelPosition = labelPosition
    }
    /// Where the label's centre goes.
    public var labelCentre: Double { labelPosition ?? position ?? 0 }
}

/// Bars on a true time axis: each item one exchange (or one period when aggregated).
public struct Timeline: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        /// Position on the time axis (days since 1970).
        public var position: Double
        /// The known counts of its stages, stacked bottom up; empty when every count is undisclosed.
        public var segments: [Int]
        /// How many stages have an undisclosed count (drawn as a marker, never as zero).
        public var undisclosed: Int
        /// Beside the marker when it stands for more than one stage ("×9").
        public var undisclosedLabel: String?
        /// The value label, if this item is one to label.
        public var label: String?
        /// Higher is labelled first when labels would collide.
        public var labelPriority: Int
        public var highlighted: Bool
        public init(position: Double, segments: [Int], undisclosed: Int = 0, undisclosedLabel: String? = nil, label: String?,
                    labelPriority: Int, highlighted: Bool) {
            self.position = position; self.segments = segments; self.undisclosed = undisclosed; self.undisclosedLabel = undisclosedLabel
            self.label = label; self.labelPriority = labelPriority; self.highlighted = highlighted
        }
        public var total: Int { segments.reduce(0, +) }
        public var hasUndisclosed: Bool { undisclosed > 0 }
    }
    public var items: [Item]
    /// The span of the axis (days since 1970).
    public var start: Double
    public var end: Double
    /// Candidate sets of ticks, finest first; the engine uses the first whose labels fit.
    public var tickOptions: [[AxisTick]]
    /// The width of one bar in axis units (1 day for exchanges; about 30 for months).
    public var slotWidth: Double
    /// A period to shade behind the bars (a briefing's week), if any.
    public var highlightSpan: ClosedRange<Double>?
    public init(items: [Item], start: Double, end: Double, tickOptions: [[AxisTick]], slotWidth: Double, highlightSpan: ClosedRange<Double>? = nil) {
        self.items = items; self.start = start; self.end = end; self.tickOptions = tickOptions; self.slotWidth = slotWidth
        self.highlightSpan = highlightSpan
    }
}

/// A running total as a step line, with reported values as points beside it.
public struct StepSeries: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var position: Double
        public var value: Int
        public init(position: Double, value: Int) { self.position = position; self.value = value }
    }
    public struct Reported: Hashable, Sendable {
        public var position: Double
        public var value: Int
        /// "More than": drawn as an open triangle pointing up.
        public var isLowerBound: Bool
        public init(position: Double, value: Int, isLowerBound: Bool) {
            self.position = position; self.value = value; self.isLowerBound = isLowerBound
        }
    }
    /// The running total when the period starts (the day before it); nil draws no line before the first step.
    public var startValue: Int?
    public var steps: [Step]
    public var reported: [Reported]
    public var start: Double
    public var end: Double
    /// Candidate sets of ticks, finest first; the engine uses the first whose labels fit.
    public var tickOptions: [[AxisTick]]
    /// The label at the line's end ("6,219").
    public var endLabel: String
    /// The label of the latest reported point, where it is drawn ("Reported: 8,167").
    public var latestReportedLabel: String?
    /// Where stages with undisclosed counts happened, on the line (drawn ◇: the total there is a floor).
    public var undisclosed: [Step] = []
    public init(startValue: Int?, steps: [Step], reported: [Reported], start: Double, end: Double, tickOptions: [[AxisTick]], endLabel: String,
                latestReportedLabel: String? = nil) {
        self.startValue = startValue; self.steps = steps; self.reported = reported; self.start = start; self.end = end
        self.tickOptions = tickOptions; self.endLabel = endLabel; self.latestReportedLabel = latestReportedLabel
    }
}
