import ExchangeModel
import Foundation
import GRDB

/// The record of exchanges and reported totals, kept in one SQLite file.
///
/// The only type that talks to the database. Every write happens in one transaction
/// and is recorded in the change history; a failed write leaves the file as it was.
public final class ExchangeStore: Sendable {
    /// The database file, or `:memory:`.
    public let path: String
    let queue: DatabaseQueue

    private init(queue: DatabaseQueue, path: String) {
        self.queue = queue
        self.path = path
    }

    // MARK: - Opening

    /// An empty store in memory, migrated, for tests and dry runs.
    public static func inMemory() throws(StoreError) -> ExchangeStore {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            try migrator.migrate(queue)
            return ExchangeStore(queue: queue, path: ":memory:")
        } catch {
            throw .database(path: ":memory:", reason: "\(error)")
        }
    }

    /// What `open` found or did.
    public enum OpenOutcome: Sendable, Equatable {
        /// The file existed and is a Homecoming store.
        case opened
        /// The file was created; `seeded` tells how many records came from the bundled dataset (nil: left empty).
        case created(seeded: ImportSummary?)
    }

    /// Opens the store at `path`, creating, migrating and seeding it on first use.
    ///
    /// A new file is built under a temporary name beside `path` and renamed into place
    /// only when complete. An existing file that is not a Homecoming store is never
    /// touched: opening fails instead.
    ///
    /// - Parameters:
    ///   - seed: the directory of the bundled dataset to seed a new store from; nil leaves a new store empty.
    public static func open(path: String, seed: String?, now: ReferenceTime, by: String) throws(StoreError) -> (ExchangeStore, OpenOutcome) {
        if FileManager.default.fileExists(atPath: path) {
            return (try openExisting(path: path), .opened)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw .cannotWrite(path: path, reason: "the directory \(directory) does not exist")
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).creating-\(ProcessInfo.processInfo.processIdentifier)").path
        var summary: ImportSummary?
        do throws(StoreError) {
            let store = try create(at: temporary)
            if let seed {
                summary = try store.seed(from: seed, now: now, by: by)
            }
            do { try store.queue.close() } catch { throw StoreError.cannotWrite(path: temporary, reason: reason(error)) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        // rename(2) keeps the creation atomic; if another process created the store meanwhile, keep theirs.
        if link(temporary, path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            if code == EEXIST { return (try openExisting(path: path), .opened) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        try? FileManager.default.removeItem(atPath: temporary)
        return (try openExisting(path: path), .created(seeded: summary))
    }

    private static func create(at path: String) throws(StoreError) -> ExchangeStore {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try migrator.migrate(queue)
            return ExchangeStore(queue: queue, path: path)
        } catch {
            throw isBusy(error) ? .busy(path: path) : .cannotWrite(path: path, reason: "\(error)")
        }
    }

    private static func openExisting(path: String) throws(StoreError) -> ExchangeStore {
        let queue: DatabaseQueue
        do {
            // A file its owner may not write is opened read-only, for root too (whom SQLite would let write).
            var info = stat()
            let readOnly = stat(path, &info) == 0 && info.st_mode & S_IWUSR == 0
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
        } catch {
            throw isBusy(error) ? .busy(path: path) : .unusableDatabase(path: path, reason: reason(error))
        }
        do {
            // One read answers all three: ours, not from a newer version, migrations pending.
            let (isOurs, superseded, pending) = try queue.read { db -> (Bool, Bool, Bool) in
                guard try db.tableExists("grdb_migrations") && db.tableExists(ExchangeRecord.databaseTableName) else { return (false, false, false) }
                return (true, try migrator.hasBeenSuperseded(db), try !migrator.hasCompletedMigrations(db))
            }
            guard isOurs else { throw StoreError.unusableDatabase(path: path, reason: "it is an SQLite file but not a Homecoming store") }
            guard !superseded else { throw StoreError.unusableDatabase(path: path, reason: "it was written by a newer version of Homecoming") }
            if pending { try migrator.migrate(queue) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw isBusy(error) ? .busy(path: path) : .unusableDatabase(path: path, reason: reason(error))
        }
        return ExchangeStore(queue: queue, path: path)
    }

    private static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // Wait briefly rather than fail when another process holds the write lock.
        configuration.busyMode = .timeout(TimeInterval(busyTimeout))
        return configuration
    }

    /// How long to wait for another process that holds the database, in seconds.
    public static let busyTimeout = 5

    /// Whether SQLite gave up waiting for another process (a reason to try again, not a damaged file).
    static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return "the file is not an SQLite database (or it is encrypted or damaged)"
            case .SQLITE_CORRUPT: return "the database file is damaged"
            case .SQLITE_CANTOPEN: return "the file cannot be opened (check its permissions)"
            case .SQLITE_READONLY: return "the file is read-only (for root too, when its owner may not write it)"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another process is writing to it; try again in a moment"
            default: return error.message ?? "\(error)"
            }
        }
        return "\(error)"
    }

    /// Runs a read, mapping SQLite errors to `StoreError`: a damaged file is unusable (65), not an I/O error.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try queue.read(body) } catch let error as StoreError {
            // Record decoding does not know the file: it is named here.
            if case let .unusableDatabase(path: "", reason) = error { throw .unusableDatabase(path: path, reason: reason) }
            throw error
        } catch {
            if Self.isBusy(error) { throw .busy(path: path) }
            if let error = error as? DatabaseError, error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
                throw .unusableDatabase(path: path, reason: Self.reason(error))
            }
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    // MARK: - Reading

    /// Every exchange row, oldest first, each checked as an import checks one as it is read
    /// (a row edited into the file by other means is `StoreError.unusableDatabase`).
    ///
    /// - Parameter notes: false leaves every row's `notes` and `mediator` nil, for readers that
    ///   use neither (charts): at 100,000 rows they are a fifth of the reading.
    public func exchanges(notes: Bool = true) throws(StoreError) -> [Exchange] {
        try read { db in try ExchangeRecord.fetchAllFast(db, notes: notes) }
    }

    /// Every reported total, in the order they were imported.
    public func reportedTotals() throws(StoreError) -> [ReportedTotal] {
        try read { db in try ReportedTotalRecord.order(Column("id")).fetchAll(db).map(\.total) }
    }

    /// When the store last took in data (an import, an `add` or the seeding), as an ISO 8601 timestamp.
    public func lastImportTimestamp() throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT max(imported_at) FROM import_run") }
    }
}

// MARK: - Checks on open

extension ExchangeStore {
    /// SQLite's integrity check (pages, and indexes against their tables): a damaged file is reported, never published from.
    public func checkPages() throws(StoreError) {
        let result = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(5)") }
        guard result == ["ok"] else {
            throw .unusableDatabase(path: path, reason: "SQLite's integrity check reports damage (\(result.first ?? "no answer"))")
        }
    }

    /// Every reported total read passes the checks an import makes of one (a value in range, a
    /// period in order, stored as whole numbers and texts, no control character): a row edited into
    /// the file by other means stops the run instead of reaching a page. (Exchanges are checked
    /// as they are read: `exchanges()`.)
    public func checkTotals(_ totals: [ReportedTotal]) throws(StoreError) {
        func refuse(_ what: String) -> StoreError {
            .unusableDatabase(path: path, reason: "a stored row does not pass the checks of an import: \(what)")
        }
        // What the totals were stored as (the exchanges' reader checks their storage as it reads them):
        // a count written as 189.9 or as bytes would be read as a whole number, silently.
        let misstored = try read { db in
            try String.fetchOne(db, sql: """
                SELECT period_start FROM reported_total WHERE typeof(period_start) != 'text' OR typeof(period_end) != 'text'
                  OR (value IS NOT NULL AND typeof(value) != 'integer')
                LIMIT 1
                """)
        }
        if let misstored { throw refuse("\(misstored): a count or a date is not stored as a whole number or a text") }
        // The rules of an import, as an import applies them (a few hundred rows: no need for a fast path).
        for total in totals {
            if case let .invalid(issues) = ReportedTotalValidator.reportedTotal(rules: ValidationRules(today: nil), text: { total.text(of: $0) }) {
                throw refuse("\(total.key): \(issues[0].message)")
            }
        }
    }
}
