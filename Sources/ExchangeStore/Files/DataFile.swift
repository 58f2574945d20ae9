import ExchangeModel
import Foundation

/// The contents of an input file, read and checked row by row, ready to import or check.
///
/// Reading never stops at the first problem: every row is checked and every problem
/// is kept in `diagnostics`, each located at its line and column (CSV) or JSON path.
public struct DataFile: Sendable {
    /// A file format Homecoming reads and writes.
    public enum Format: String, CaseIterable, Sendable {
        case csv, json

        /// The format a file's extension suggests (`.json` → JSON, anything else → CSV).
        public static func guess(for path: String) -> Format {
            path.lowercased().hasSuffix(".json") ? .json : .csv
        }
    }

    /// A record with its position in the file.
    public struct Row<Value: Sendable>: Sendable {
        public var value: Value
        /// Its index among the file's records of its kind.
        public var index: Int
        /// Fields the file does not give for this row (columns or keys left out): an update keeps their stored values.
        public var missing: [String] = []
    }

    /// The file as the user named it.
    public var name: String
    /// Exchange rows that passed the checks of a single row.
    public var exchanges: [Row<Exchange>] = []
    /// Reported-total rows that passed the checks of a single row.
    public var reportedTotals: [Row<ReportedTotal>] = []
    /// Every problem found so far, in file order.
    public var diagnostics: [Diagnostic] = []
    /// How many records of each kind the file has, valid or not.
    public var exchangeRecordCount = 0
    public var reportedTotalRecordCount = 0
    /// Whether the file is in the layout before Ukrainian texts and vocabularies, which named the
    /// publication in `source_name` and mediators by their English names.
    public var isLegacyLayout = false

    var exchangeLocator: RowLocator = .none
    var reportedTotalLocator: RowLocator = .none

    /// Where a field of an exchange row is, for messages.
    func location(exchange index: Int, field: String?) -> Diagnostic.Location {
        exchangeLocator.location(row: index, field: field)
    }

    /// Where a field of a reported-total row is, for messages.
    func location(reportedTotal index: Int, field: String?) -> Diagnostic.Location {
        reportedTotalLocator.location(row: index, field: field)
    }

    /// Reads and checks a file.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - format: CSV or JSON; guessed from the extension when nil.
    ///   - rules: the limits rows are checked against.
    /// - Throws: `StoreError.missingInput` when the file cannot be read.
    ///   - progress: told how many of the file's bytes are read, now and then (for a progress bar).
    public static func read(path: String, format: Format? = nil, rules: ValidationRules,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(StoreError) -> DataFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .missingInput(path: path, reason: exists ? "it cannot be read (check its permissions)" : "there is no such file")
        }
        return parse(bytes: [UInt8](data), name: path, format: format ?? .guess(for: path), rules: rules, progress: progress)
    }

    /// Checks the bytes of a file already in memory.
    public static func parse(bytes: [UInt8], name: String, format: Format, rules: ValidationRules,
                             progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> DataFile {
        switch format {
        case .csv: CSVDataReader(name: name, rules: rules, progress: progress).read(bytes)
        case .json: JSONDataReader(name: name, rules: rules).read(bytes)
        }
    }

    /// A file holding exactly the given records, for records that come from command-line options.
    public static func options(_ exchange: Exchange, name: String, optionNames: [String: String]) -> DataFile {
        var file = DataFile(name: name)
        file.exchanges = [Row(value: exchange, index: 0)]
        file.exchangeRecordCount = 1
        file.exchangeLocator = .options(optionNames)
        return file
    }

    init(name: String) { self.name = name }
}

/// How row and field indices map back to places in a file.
enum RowLocator: Sendable {
    case none
    /// CSV: where each row starts and the column of each field name; a row is parsed again to find a field.
    case csv(positions: SourcePositions, columns: [String: Int], rowStarts: [Int])
    /// JSON: rows at `prefix[i]`.
    case json(prefix: String)
    /// Command-line options: the option that sets each field.
    case options([String: String])

    func location(row: Int, field: String?) -> Diagnostic.Location {
        switch self {
        case .none: return .file
        case let .csv(positions, columns, rowStarts):
            var parser = CSVParser(bytes: positions.bytes, from: rowStarts[row])
            let offsets = parser.next().map { $0.fields.map(\.offset) + [$0.endOffset] } ?? [rowStarts[row]]
            let column = field.flatMap { columns[$0] } ?? 0
            let (line, col) = positions.position(of: offsets[min(column, offsets.count - 1)])
            return .text(line: line, column: col)
        case let .json(prefix):
            return .jsonPath("\(prefix)[\(row)]" + (field.map { ".\($0)" } ?? ""), order: row)
        case let .options(names):
            return field.flatMap { names[$0] }.map { .option($0) } ?? .file
        }
    }
}
