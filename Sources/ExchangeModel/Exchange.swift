/// One exchange, or one stage or supplement of an exchange, in which Ukrainians came home.
///
/// Counts are optional because some were never disclosed: `nil` means unknown,
/// which is different from zero and is never summed as zero.
public struct Exchange: Hashable, Sendable {
    /// The day it took place or was announced (Kyiv time). Identifies the row.
    public var date: Day
    /// For a stage or supplement: the date of the exchange officials counted it in.
    public var partOf: Day?
    /// Ukrainians who came home; `nil` when undisclosed.
    public var returnedTotal: Int?
    /// Of whom military, where a source says.
    public var returnedMilitary: Int?
    /// Of whom civilians, where a source says.
    public var returnedCivilians: Int?
    /// People Ukraine handed over to Russia in the same event.
    public var releasedToRussia: Int?
    /// Bodies of the fallen returned in the same event.
    public var bodiesReturned: Int?
    /// Mediating states or bodies, as published (e.g. "UAE", "USA; UAE").
    public var mediator: String?
    /// Free-text notes: groups named, caveats, ordinal numbers as reported.
    public var notes: String?
    /// The publication the figures come from.
    public var sourceName: String?
    /// Where the figures can be checked (http or https).
    public var sourceURL: String
    /// How sure `returnedTotal` is; `nil` only when the total is undisclosed.
    public var confidence: Confidence?

    /// Creates an exchange.
    public init(date: Day, partOf: Day? = nil, returnedTotal: Int?, returnedMilitary: Int? = nil,
                returnedCivilians: Int? = nil, releasedToRussia: Int? = nil, bodiesReturned: Int? = nil,
                mediator: String? = nil, notes: String? = nil, sourceName: String? = nil,
                sourceURL: String, confidence: Confidence?) {
        self.date = date
        self.partOf = partOf
        self.returnedTotal = returnedTotal
        self.returnedMilitary = returnedMilitary
        self.returnedCivilians = returnedCivilians
        self.releasedToRussia = releasedToRussia
        self.bodiesReturned = bodiesReturned
        self.mediator = mediator
        self.notes = notes
        self.sourceName = sourceName
        self.sourceURL = sourceURL
        self.confidence = confidence
    }

    /// The date of the exchange this row is counted in: its own, or `partOf`.
    public var exchangeKey: Day { partOf ?? date }
}
