import ExchangeModel

/// Any bytes as the fields of one row (separated by 0x1F): the validators never crash, and a row
/// they accept is accepted again, unchanged, from its own texts.
func fuzzOne(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let rules = ValidationRules(today: Day(year: 2026, month: 11, day: 26))
    let fields = ExchangeField.allCases
    if case let .valid(exchange) = ExchangeValidator.exchange(rules: rules, text: { field in
        fields.firstIndex(of: field).flatMap { $0 < parts.count ? parts[$0] : nil }
    }) {
        guard case let .valid(again) = ExchangeValidator.exchange(rules: rules, text: { exchange.text(of: $0) }) else {
            preconditionFailure("an accepted row is refused from its own texts")
        }
        precondition(again == exchange, "an accepted row changes when read from its own texts")
    }
    let totals = ReportedTotalField.allCases
    if case let .valid(total) = ReportedTotalValidator.reportedTotal(rules: rules, text: { field in
        totals.firstIndex(of: field).flatMap { $0 < parts.count ? parts[$0] : nil }
    }) {
        guard case let .valid(again) = ReportedTotalValidator.reportedTotal(rules: rules, text: { total.text(of: $0) }) else {
            preconditionFailure("an accepted total is refused from its own texts")
        }
        precondition(again == total, "an accepted total changes when read from its own texts")
    }
}
