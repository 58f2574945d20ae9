import ExchangeModel
import Foundation

/// Reads a JSON document `{"exchanges": [...], "reported_totals": [...]}` with the same rules as CSV.
///
/// Keys are the CSV column names; counts are numbers or null. Problems are located by JSON path.
struct JSONDataReader {
    let name: String
    let rules: ValidationRules

    func read(_ bytes: [UInt8]) -> DataFile {
        var file = DataFile(name: name)
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it is not valid JSON"
            file.diagnostics.append(Diagnostic(file: name, location: .file, message: "the file is not valid JSON: \(detail)",
                                               hint: "check brackets, commas and quotes, or export it again with `homecoming export --format json`"))
            return file
        }
        guard let object = root as? [String: Any] else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("$", order: -1),
                                               message: "the document is not an object",
                                               hint: "write {\"exchanges\": [...], \"reported_totals\": [...]}"))
            return file
        }
        for key in object.keys.sorted() where key != "exchanges" && key != "reported_totals" {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("$.\(key)", order: -1),
                                               message: "unknown key \"\(key)\"", hint: "the document holds only \"exchanges\" and \"reported_totals\""))
        }
        if let rows = records(object["exchanges"], path: "$.exchanges", into: &file) {
            file.exchangeLocator = .json(prefix: "$.exchanges")
            file.exchangeRecordCount = rows.count
            let known = Set(ExchangeField.allCases.map(\.rawValue))
            let required = CSVDataReader.requiredExchangeColumns.map(\.rawValue)
            for (index, row) in rows.enumerated() {
                guard let fields = fields(row, path: "$.exchanges[\(index)]", order: index, known: known, required: required, into: &file) else { continue }
                switch ExchangeValidator.exchange(rules: rules, text: { fields[$0.rawValue] ?? nil }) {
                case let .valid(exchange): file.exchanges.append(.init(value: exchange, index: index, missing: Self.missing(fields, known)))
                case let .invalid(issues): file.diagnostics += issues.map { located($0, "$.exchanges", index) }
                }
            }
        }
        if let rows = records(object["reported_totals"], path: "$.reported_totals", into: &file) {
            file.reportedTotalLocator = .json(prefix: "$.reported_totals")
            file.reportedTotalRecordCount = rows.count
            let known = Set(ReportedTotalField.allCases.map(\.rawValue))
            let required = CSVDataReader.requiredReportedTotalColumns.map(\.rawValue)
            for (index, row) in rows.enumerated() {
                guard let fields = fields(row, path: "$.reported_totals[\(index)]", order: index, known: known, required: required, into: &file) else { continue }
                switch ReportedTotalValidator.reportedTotal(rules: rules, text: { fields[$0.rawValue] ?? nil }) {
                case let .valid(total): file.reportedTotals.append(.init(value: total, index: index, missing: Self.missing(fields, known)))
                case let .invalid(issues): file.diagnostics += issues.map { located($0, "$.reported_totals", index) }
                }
            }
        }
        return file
    }

    private static func missing(_ fields: [String: String?], _ known: Set<String>) -> [String] {
        known.filter { fields[$0] == nil }.sorted()
    }

    private func located(_ issue: ValidationIssue, _ prefix: String, _ index: Int) -> Diagnostic {
        Diagnostic(file: name, location: .jsonPath("\(prefix)[\(index)]" + (issue.field.map { ".\($0)" } ?? ""), order: index),
                   message: issue.message, hint: issue.hint)
    }

    private func records(_ value: Any?, path: String, into file: inout DataFile) -> [Any]? {
        guard let value else { return nil }
        guard let array = value as? [Any] else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath(path, order: -1), message: "\(path) is not an array",
                                               hint: "write a list of objects, one per record"))
            return nil
        }
        return array
    }

    /// The texts of a record's fields, as CSV would give them (numbers as written, null as empty).
    private func fields(_ row: Any, path: String, order: Int, known: Set<String>, required: [String],
                        into file: inout DataFile) -> [String: String?]? {
        guard let object = row as? [String: Any] else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath(path, order: order), message: "the record is not an object",
                                               hint: "write each record as {\"date\": \"2024-12-30\", …}"))
            return nil
        }
        var texts: [String: String?] = [:]
        var ok = true
        for key in object.keys.sorted() {
            let value = object[key]
            guard known.contains(key) else {
                ok = false
                file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("\(path).\(key)", order: order), message: "unknown key \"\(key)\"",
                                                   hint: "use the keys \(known.sorted().joined(separator: ", "))"))
                continue
            }
            switch value {
            case is NSNull: texts[key] = .some(nil)
            case let string as String: texts[key] = string
            case let number as NSNumber:
                let double = number.doubleValue
                texts[key] = double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
            default:
                ok = false
                file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("\(path).\(key)", order: order),
                                                   message: "\(key) is neither a string, a number nor null",
                                                   hint: "write text in quotes, counts as numbers, unknown values as null"))
            }
        }
        for key in required where texts[key] == nil && object[key] == nil {
            ok = false
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("\(path).\(key)", order: order), message: "the key \"\(key)\" is missing",
                                               hint: "give \(key), or null where it is unknown"))
        }
        return ok ? texts : nil
    }
}
