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
    /// The official ordinal ("the 65th exchange"), where officials gave one; stages share their exchange's.
    public var ordinal: Int?
    /// Mediating states or bodies: codes of `Data/mediators.csv`, several as "USA; UAE".
    public var mediator: String?
    /// Notes in English: groups named, caveats.
    public var notes: String?
    /// The same notes in Ukrainian.
    public var notesUK: String?
    /// The publication the figures come from: a code of `Data/publications.csv`.
    public var publication: String?
    /// What the source is beyond the publication's name ("via Devdiscourse", "background to a later report"), in English.
    public var sourceDetail: String?
    /// The same in Ukrainian.
    public var sourceDetailUK: String?
    /// Where the figures can be checked (http or https).
    public var sourceURL: String
    /// How sure `returnedTotal` is; `nil` only when the total is undisclosed.
    public var confidence: Confidence?

    /// Creates an exchange.
    public init(date: Day, partOf: Day? = nil, ordinal: Int? = nil, returnedTotal: Int?, returnedMilitary: Int? = nil,
                returnedCivilians: Int? = nil, releasedToRussia: Int? = nil, bodiesReturned: Int? = nil,
                mediator: String? = nil, notes: String? = nil, notesUK: String? = nil, publication: String? = nil,
                sourceDetail: String? = nil, sourceDetailUK: String? = nil, sourceURL: String, confidence: Confidence?) {
        self.date = date
        self.partOf = partOf
        self.ordinal = ordinal
        self.returnedTotal = returnedTotal
        self.returnedMilitary = returnedMilitary
        self.returnedCivilians = returnedCivilians
        self.releasedToRussia = releasedToRussia
        self.bodiesReturned = bodiesReturned
        self.mediator = mediator
        self.notes = notes
        self.notesUK = notesUK
        self.publication = publication
        self.sourceDetail = sourceDetail
        self.sourceDetailUK = sourceDetailUK
        self.sourceURL = sourceURL
        self.confidence = confidence
    }

    /// The date of the exchange this row is counted in: its own, or `partOf`.
    public var exchangeKey: Day { partOf ?? date }
}
