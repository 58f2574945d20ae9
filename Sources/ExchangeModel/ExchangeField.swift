/// The fields of an exchange, named as the CSV columns and JSON keys are.
///
/// One list serves the file formats, validation messages and the change history,
/// so a field is called the same everywhere a user meets it.
public enum ExchangeField: String, CaseIterable, Sendable {
    case date
    case partOf = "part_of"
    case ordinal
    case returnedTotal = "returned_total"
    case returnedMilitary = "returned_military"
    case returnedCivilians = "returned_civilians"
    case releasedToRussia = "released_to_russia"
    case bodiesReturned = "bodies_returned"
    case mediator
    case notes
    case notesUK = "notes_uk"
    case publication
    case sourceDetail = "source_detail"
    case sourceDetailUK = "source_detail_uk"
    case sourceURL = "source_url"
    case confidence

    /// The column of the old layout (before Ukrainian texts and vocabularies) that a file may still use
    /// for this field: `source_name`, read as `source_detail` (or as `publication` where it names one).
    public static let legacySourceName = "source_name"

    /// The field's Ukrainian twin, for a text that must exist in both languages.
    public var ukrainian: ExchangeField? {
        switch self {
        case .notes: .notesUK
        case .sourceDetail: .sourceDetailUK
        default: nil
        }
    }

    /// Whether the field holds free text that may run over several lines.
    public var isMultiline: Bool { self == .notes || self == .notesUK }

    /// Whether the field holds a whole number (a count, or the ordinal).
    public var isNumber: Bool { isCount || self == .ordinal }

    /// Whether the field holds a count of people or bodies.
    public var isCount: Bool {
        switch self {
        case .returnedTotal, .returnedMilitary, .returnedCivilians, .releasedToRussia, .bodiesReturned: true
        default: false
        }
    }
}

extension Exchange {
    /// The field's value as text, exactly as it is written to CSV (`nil` for empty).
    public func text(of field: ExchangeField) -> String? {
        switch field {
        case .date: date.iso
        case .partOf: partOf?.iso
        case .ordinal: ordinal.map(String.init)
        case .returnedTotal: returnedTotal.map(String.init)
        case .returnedMilitary: returnedMilitary.map(String.init)
        case .returnedCivilians: returnedCivilians.map(String.init)
        case .releasedToRussia: releasedToRussia.map(String.init)
        case .bodiesReturned: bodiesReturned.map(String.init)
        case .mediator: mediator
        case .notes: notes
        case .notesUK: notesUK
        case .publication: publication
        case .sourceDetail: sourceDetail
        case .sourceDetailUK: sourceDetailUK
        case .sourceURL: sourceURL
        case .confidence: confidence?.rawValue
        }
    }

    /// The fields whose values differ from `other`'s, in column order.
    public func differences(from other: Exchange) -> [FieldChange] {
        ExchangeField.allCases.compactMap { field in
            let old = other.text(of: field), new = text(of: field)
            return old == new ? nil : FieldChange(field: field.rawValue, old: old, new: new)
        }
    }
}
