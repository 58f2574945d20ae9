/// What can go wrong reading input or using the store. Each case carries what a person needs to act.
public enum StoreError: Error, Sendable {
    /// The input has problems; nothing was written. Diagnostics are in file order.
    case invalidData(file: String, diagnostics: [Diagnostic])
    /// An input file could not be read at all.
    case missingInput(path: String, reason: String)
    /// The database file exists but is not a usable Homecoming store; it was left as it was.
    case unusableDatabase(path: String, reason: String)
    /// The database could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// The bundled dataset could not be found or read for seeding.
    case missingSeed(directory: String, reason: String)
    /// SQLite reported an error while reading or writing.
    case database(path: String, reason: String)
    /// Another process held the database for longer than Homecoming waits: nothing is wrong with it.
    case busy(path: String)
}

extension StoreError: CustomStringConvertible {
    /// One readable block: what failed, where, and what to do.
    public var description: String {
        switch self {
        case let .invalidData(file, diagnostics):
            let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
            return diagnostics.map(\.description).joined(separator: "\n")
                + "\n\(count) in \(file); nothing was changed."
        case let .missingInput(path, reason):
            return "cannot read \(path): \(reason).\n    fix: check the path and try again."
        case let .unusableDatabase(path, reason):
            return "the database \(path) cannot be used: \(reason).\n    It was left exactly as it is. fix: restore it from a backup, or point --database (or HOMECOMING_DATABASE) at another file; a missing file is created and seeded."
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason).\n    fix: check that the directory exists, is writable and has free space."
        case let .missingSeed(directory, reason):
            return "cannot seed the new database from \(directory): \(reason).\n    fix: run from the project directory (which has Data/exchanges.csv), set HOMECOMING_DATA to the dataset's directory, or pass --no-seed."
        case let .database(path, reason):
            return "database error in \(path): \(reason)."
        case let .busy(path):
            return "the database \(path) is busy: another process held it for more than \(ExchangeStore.busyTimeout) seconds.\n    Nothing was changed. fix: try again later (a weekly job retries at its next run)."
        }
    }
}
