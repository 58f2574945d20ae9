/// One thing wrong with one record: which field, what is wrong, and what to do about it.
public struct ValidationIssue: Hashable, Sendable {
    /// The column or key at fault (`returned_total`), or nil for the record as a whole.
    public var field: String?
    /// What is wrong, e.g. `"-3" is negative`.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// Creates an issue.
    public init(field: String?, message: String, hint: String) {
        self.field = field
        self.message = message
        self.hint = hint
    }
}

/// The limits records are checked against.
public struct ValidationRules: Sendable {
    /// Records dated after this day are refused; nil turns the check off (for the bundled, already-checked data).
    public var latestAllowedDay: Day?
    /// The most people or bodies one record may count before it is taken for a typo.
    public var maximumCount: Int

    /// Creates rules; `today` is "now" as the user gave it.
    public init(today: Day?, maximumCount: Int = 100_000) {
        self.latestAllowedDay = today
        self.maximumCount = maximumCount
    }
}

/// A record that passed its checks, or every issue that stopped it.
public enum Validated<Value: Sendable>: Sendable {
    case valid(Value)
    case invalid([ValidationIssue])
}
