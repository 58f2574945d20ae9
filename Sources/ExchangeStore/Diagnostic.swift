/// One problem found in an input file, located as precisely as the format allows.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Where in a file a problem is.
    public enum Location: Hashable, Sendable, Comparable {
        /// A line and column (1-based, columns in characters) in a CSV file.
        case text(line: Int, column: Int)
        /// A JSON path such as `$.exchanges[3].returned_total`, with the record's index for ordering.
        case jsonPath(String, order: Int)
        /// A command-line option, such as `--returned`.
        case option(String)
        /// The whole file (an empty file, a JSON syntax error).
        case file
    }

    /// The file as the user named it.
    public var file: String
    /// Where in it.
    public var location: Location
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// Creates a diagnostic.
    public init(file: String, location: Location, message: String, hint: String) {
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE:COLUMN: message` (or `FILE: $.path: message`), then the hint on its own indented line.
    public var description: String { "\(where_): \(message)\n    fix: \(hint)" }

    /// `FILE:LINE:COLUMN`, `FILE: $.path` or `FILE`.
    public var where_: String {
        switch location {
        case let .text(line, column): "\(file):\(line):\(column)"
        case let .jsonPath(path, _): "\(file): \(path)"
        case let .option(name): "\(file) \(name)"
        case .file: file
        }
    }
}
