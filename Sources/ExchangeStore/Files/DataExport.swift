import ExchangeModel

/// Writes records as CSV or JSON, in the layout `DataFile` reads back.
///
/// Output is deterministic: rows in the store's order, keys in column order,
/// no timestamps. Exporting, importing into an empty store and exporting again
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

    /// Both tables as one JSON document; counts are numbers, unknown values null.
    public static func json(exchanges: [Exchange], reportedTotals: [ReportedTotal]) -> String {
        var out = "{\n  \"exchanges\": ["
        out += exchanges.map { exchange in
            object(ExchangeField.allCases.map { ($0.rawValue, exchange.text(of: $0), $0.isNumber) })
        }.joined(separator: ",")
        out += exchanges.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"reported_totals\": ["
        out += reportedTotals.map { total in
            object(ReportedTotalField.allCases.map { ($0.rawValue, total.text(of: $0), $0 == .value) })
        }.joined(separator: ",")
        out += reportedTotals.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private static func object(_ fields: [(key: String, value: String?, isNumber: Bool)]) -> String {
        var out = "\n    {"
        for (i, field) in fields.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "      \(jsonString(field.key)): "
            if let value = field.value { out += field.isNumber ? value : jsonString(value) } else { out += "null" }
        }
        return out + "\n    }"
    }

    /// A JSON string literal; non-ASCII text is written as UTF-8, control characters and `<` escaped
    /// (so that the text can also sit in HTML). Shared by every JSON Homecoming writes.
    public static func jsonString(_ text: String) -> String {
        var out = ""
        appendJSONString(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to UTF-8 bytes: the bytes are copied whole when
    /// nothing needs escaping (URLs, names), as a file of 100,000 sources needs.
    public static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        var text = text
        let copied = text.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C { return false }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        if !copied { out.append(contentsOf: jsonString(text).utf8) }
    }

    /// Appends `text` as a JSON string literal (as `jsonString`) without building it apart first:
    /// a chart's provenance over 100,000 exchanges appends 200,000 of them.
    public static func appendJSONString(_ text: String, to out: inout String) {
        // Most strings (URLs, names) need no escaping: copy them whole.
        var text = text
        let plain = text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C { return false }
            return true
        }
        out += "\""
        if plain {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
