import ExchangeModel

/// Writes records as CSV or JSON, in the layout `DataFile` reads back.
///
/// Output is deterministic: rows in the store's order, CSV columns in the bundled file's order,
/// JSON keys sorted, no timestamps. Exporting, importing into an empty store and exporting again
/// gives the same bytes.
public enum DataExport {
    /// Which table a CSV export holds (a CSV file has one table; JSON holds both).
    public enum Table: String, CaseIterable, Sendable {
        case exchanges
        case reportedTotals = "reported-totals"
    }

    /// Exchanges as CSV, header first, with the bundled file's column order.
    public static func csv(exchanges: [Exchange]) -> String {
        var out = CSVWriter.line(ExchangeField.allCases.map(\.rawValue))
        for exchange in exchanges { out += CSVWriter.line(ExchangeField.allCases.map { exchange.text(of: $0) }) }
        return out
    }

    /// Reported totals as CSV, header first.
    public static func csv(reportedTotals: [ReportedTotal]) -> String {
        var out = CSVWriter.line(ReportedTotalField.allCases.map(\.rawValue))
        for total in reportedTotals { out += CSVWriter.line(ReportedTotalField.allCases.map { total.text(of: $0) }) }
        return out
    }

    /// Both tables as one JSON document (through `JSONOutput`, keys sorted): counts are numbers,
    /// unknown values null (written, not left out: an unknown is not a field the file lacks).
    public static func json(exchanges: [Exchange], reportedTotals: [ReportedTotal]) throws(EncodingError) -> String {
        let document = Document(
            exchanges: exchanges.map { exchange in Row(ExchangeField.allCases.map { ($0.rawValue, exchange.text(of: $0), $0.isNumber) }) },
            reportedTotals: reportedTotals.map { total in Row(ReportedTotalField.allCases.map { ($0.rawValue, total.text(of: $0), $0 == .value) }) })
        return String(decoding: try JSONOutput.encode(document), as: UTF8.self)
    }

    private struct Document: Encodable {
        var exchanges: [Row]
        var reportedTotals: [Row]

        enum CodingKeys: String, CodingKey {
            case exchanges
            case reportedTotals = "reported_totals"
        }
    }

    /// One record's fields, each under its column's name.
    private struct Row: Encodable {
        var fields: [(key: String, text: String?, isNumber: Bool)]

        init(_ fields: [(key: String, text: String?, isNumber: Bool)]) { self.fields = fields }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONOutput.Key.self)
            for field in fields {
                let key = JSONOutput.Key(field.key)
                // A number field's text is a whole number written by `text(of:)`.
                if let text = field.text {
                    if field.isNumber, let number = Int(text) { try container.encode(number, forKey: key) } else { try container.encode(text, forKey: key) }
                } else {
                    try container.encodeNil(forKey: key)
                }
            }
        }
    }
}
