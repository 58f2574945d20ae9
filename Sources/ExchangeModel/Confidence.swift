/// How sure the record is of an exchange's `returned_total` (see Data/SOURCES.md).
public enum Confidence: String, CaseIterable, Sendable, Codable {
    /// The number is stated in the source that was read.
    case high
    /// From a secondary report, or sources conflict.
    case medium
    /// Derived from other figures.
    case low
}
