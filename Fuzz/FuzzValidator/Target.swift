import ExchangeModel

/// Any bytes as the fields of one row (separated by 0x1F): the validators never crash, and a row
/// they accept is accepted again, unchanged, from its own texts.
func fuzzOne(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let rules = ValidationRules(today: Day(year: 2026, month: 11, day: 26))
    roundTrip(ExchangeField.allCases, parts, { ExchangeValidator.exchange(rules: rules, text: $0) }, { $0.text(of: $1) })
    roundTrip(ReportedTotalField.allCases, parts, { ReportedTotalValidator.reportedTotal(rules: rules, text: $0) }, { $0.text(of: $1) })
}

/// Validates the fields from `parts`; a record accepted must be accepted again, equal, from its own texts.
func roundTrip<Field: Equatable, Value: Equatable & Sendable>(_ fields: [Field], _ parts: [String], _ validate: ((Field) -> String?) -> Validated<Value>,
                                                  _ text: @escaping (Value, Field) -> String?) {
    guard case let .valid(value) = validate({ field in fields.firstIndex(of: field).flatMap { $0 < parts.count ? parts[$0] : nil } }) else { return }
    guard case let .valid(again) = validate({ text(value, $0) }) else { preconditionFailure("an accepted record is refused from its own texts") }
    precondition(again == value, "an accepted record changes when read from its own texts")
}
