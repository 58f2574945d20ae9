/// One field's value before and after a change (`nil`: empty or unknown).
public struct FieldChange: Hashable, Sendable {
    /// The column name, e.g. `returned_total`.
    public var field: String
    /// The value before.
    public var old: String?
    /// The value after.
    public var new: String?

    /// Creates a change record.
    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// `returned_total: 189 → 190`, with "empty" for a missing value.
    public var summary: String {
        "\(field): \(FieldChange.show(old)) → \(FieldChange.show(new))"
    }

    /// A value as shown in messages: numbers and dates bare, text quoted and shortened, "(empty)" for none.
    public static func show(_ value: String?) -> String {
        guard let value else { return "(empty)" }
        if value.allSatisfy({ $0.isNumber || $0 == "-" }) { return value }
        return value.count > 60 ? "\"\(value.prefix(57))…\"" : "\"\(value)\""
    }
}
