import ExchangeModel
import Foundation

/// Reads a JSON document `{"exchanges": [...], "reported_totals": [...]}` with the same rules as CSV.
///
/// Keys are the CSV column names; counts are whole numbers or null, every other field a string or
/// null (a boolean, a fraction or a number for text is an error, never converted). A key given twice
/// is an error. Syntax errors are located by line and column, other problems by JSON path.
struct JSONDataReader {
    /// The fields that hold whole numbers (counts and the ordinal).
    static let countFields: Set<String> = Set(ExchangeField.allCases.filter(\.isNumber).map(\.rawValue) + [ReportedTotalField.value.rawValue])

    let name: String
    let rules: ValidationRules

    func read(_ bytes: [UInt8]) -> DataFile {
        var file = DataFile(name: name)
        let root: StrictJSON.Value
        do throws(StrictJSON.SyntaxError) {
            root = try StrictJSON.parse(bytes)
        } catch {
            file.diagnostics.append(Diagnostic(file: name, location: .text(line: error.line, column: error.column),
                                               message: "the file is not valid JSON: \(error.message)",
                                               hint: "check brackets, commas and quotes, or export it again with `homecoming export --format json`"))
            return file
        }
        guard case let .object(members) = root else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("$", order: -1),
                                               message: "the document is not an object",
                                               hint: "write {\"exchanges\": [...], \"reported_totals\": [...]}"))
            return file
        }
        let object = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
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
                guard var fields = fields(row, path: "$.exchanges[\(index)]", order: index,
                                          known: known.union([ExchangeField.legacySourceName]), required: required, into: &file) else { continue }
                // An export of the old layout named the publication in source_name (see CSVDataReader).
                if let legacy = fields.removeValue(forKey: ExchangeField.legacySourceName) {
                    file.isLegacyLayout = true
                    if fields[ExchangeField.sourceDetail.rawValue] == nil { fields[ExchangeField.sourceDetail.rawValue] = legacy }
                }
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

    private func records(_ value: StrictJSON.Value?, path: String, into file: inout DataFile) -> [StrictJSON.Value]? {
        guard let value else { return nil }
        guard case let .array(array) = value else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath(path, order: -1), message: "\(path) is not an array",
                                               hint: "write a list of objects, one per record"))
            return nil
        }
        return array
    }

    /// The texts of a record's fields, as CSV would give them (numbers as written, null as empty).
    private func fields(_ row: StrictJSON.Value, path: String, order: Int, known: Set<String>, required: [String],
                        into file: inout DataFile) -> [String: String?]? {
        guard case let .object(members) = row else {
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath(path, order: order), message: "the record is not an object",
                                               hint: "write each record as {\"date\": \"2024-12-30\", …}"))
            return nil
        }
        let object = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        var texts: [String: String?] = [:]
        var ok = true
        func refuse(_ key: String, _ message: String, _ hint: String) {
            ok = false
            file.diagnostics.append(Diagnostic(file: name, location: .jsonPath("\(path).\(key)", order: order), message: message, hint: hint))
        }
        for key in object.keys.sorted() {
            guard let value = object[key] else { continue }
            guard known.contains(key) else {
                refuse(key, "unknown key \"\(key)\"", "use the keys \(known.sorted().joined(separator: ", "))")
                continue
            }
            let isCount = Self.countFields.contains(key)
            switch value {
            case .null: texts[key] = .some(nil)
            case let .string(string) where !isCount: texts[key] = string
            case let .number(number) where isCount:
                // A count is a whole number as written: 1358, not 1358.0, 1.358e3 or true.
                guard number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 || $0 == UInt8(ascii: "-") }) else {
                    refuse(key, "\(key) \(number) is not a whole number", "write the count as digits, e.g. 1358, or null if it is unknown")
                    continue
                }
                texts[key] = number
            case .bool:
                refuse(key, "\(key) is true or false, not \(isCount ? "a count" : "text")",
                       isCount ? "write the count as a number, or null if it is unknown" : "write the text in quotes, or null")
            default:
                refuse(key, isCount ? "\(key) is not a number" : "\(key) is not a string",
                       isCount ? "write the count as a number (not in quotes), or null if it is unknown" : "write the text in quotes, or null")
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
