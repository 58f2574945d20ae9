/// A record that someone reviewed the sources through a day and found nothing missing.
///
/// A quiet month is then known to be quiet, not unchecked: freshness is measured from the latest
/// check, not from the latest change.
public struct SourceCheck: Hashable, Sendable {
    /// The last day the sources were reviewed for.
    public var checkedThrough: Day
    /// When the review was recorded.
    public var checkedOn: Day
    /// Who reviewed them.
    public var checkedBy: String
    /// What was looked at, in the reviewer's words.
    public var note: String?

    /// Creates a check.
    public init(checkedThrough: Day, checkedOn: Day, checkedBy: String, note: String? = nil) {
        self.checkedThrough = checkedThrough
        self.checkedOn = checkedOn
        self.checkedBy = checkedBy
        self.note = note
    }
}
