import ExchangeModel
import Foundation
import GRDB

/// Who changes the store, when, from where, and whether differing rows may be replaced.
public struct ImportOptions: Sendable {
    /// Replace stored rows that differ, keeping the old values in the history.
    public var update: Bool
    /// Who made the change (`--by`, else `$USER`).
    public var by: String
    /// When: the history's timestamp.
    public var now: ReferenceTime
    /// Where the data came from: a file path, "add" or "seed".
    public var origin: String
    /// The vocabularies the rows' codes must be in.
    public var vocabularies: Vocabularies
    /// Told how many of the rows to write are written, now and then (for a progress bar).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Creates options.
    public init(update: Bool, by: String, now: ReferenceTime, origin: String, vocabularies: Vocabularies) {
        self.vocabularies = vocabularies
        self.update = update
        self.by = by
        self.now = now
        self.origin = origin
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var exchangesAdded = 0
    public var exchangesUpdated = 0
    public var exchangesUnchanged = 0
    public var totalsAdded = 0
    public var totalsUpdated = 0
    public var totalsUnchanged = 0

    /// Whether nothing was added or changed.
    public var changedNothing: Bool { exchangesAdded + exchangesUpdated + totalsAdded + totalsUpdated == 0 }
}

extension ExchangeStore {
    // MARK: - Importing

    /// Compares a file with the store without writing anything.
    public func plan(_ file: DataFile, vocabularies: Vocabularies) throws(StoreError) -> ImportPlan {
        try read { db in try makePlan(file, vocabularies, db) }
    }

    /// Imports a file in one transaction: all of it, or nothing.
    ///
    /// - Throws: `StoreError.invalidData` with every problem found, including rows that
    ///   differ from the stored ones when `options.update` is off. The store is then unchanged.
    @discardableResult
    public func importData(_ file: DataFile, options: ImportOptions) throws(StoreError) -> ImportSummary {
        do {
            return try queue.write { db in
                let plan = try makePlan(file, options.vocabularies, db)
                let problems = plan.diagnostics + (options.update ? [] : plan.conflicts)
                if !problems.isEmpty {
                    throw StoreError.invalidData(file: file.name, diagnostics: problems.sorted { ImportPlan.order($0.location) < ImportPlan.order($1.location) })
                }
                return try apply(plan, options: options, db)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY { throw .cannotWrite(path: path, reason: Self.reason(error)) }
            throw Self.isBusy(error) ? .busy(path: path) : .database(path: path, reason: Self.reason(error))
        }
    }

    /// Seeds an empty store from the bundled dataset's directory: its vocabularies, exchanges,
    /// reported totals and the record of when its sources were last checked.
    func seed(from directory: String, now: ReferenceTime, by: String) throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        let vocabularies = try Vocabularies.load(directory: directory)
        for name in ["exchanges.csv", "reported_totals.csv"] {
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { throw .missingSeed(directory: directory, reason: "\(name) is missing") }
            // The bundled data was checked when it was sourced; "today" does not limit it.
            let file = try DataFile.read(path: path, format: .csv, rules: ValidationRules(today: nil))
            let part = try importData(file, options: ImportOptions(update: false, by: by, now: now, origin: "seed: \(path)", vocabularies: vocabularies))
            summary.exchangesAdded += part.exchangesAdded
            summary.totalsAdded += part.totalsAdded
        }
        let checks = (directory as NSString).appendingPathComponent("checked.csv")
        if let data = FileManager.default.contents(atPath: checks) {
            for check in try SourceCheck.read(bytes: [UInt8](data), name: checks) { try record(check) }
        }
        return summary
    }

    private func makePlan(_ file: DataFile, _ vocabularies: Vocabularies, _ db: Database) throws -> ImportPlan {
        let exchanges = ExchangeIndex(try ExchangeRecord.fetchAllFast(db))
        var totals: [ReportedTotal.Key: (id: Int64, total: ReportedTotal)] = [:]
        if !file.reportedTotals.isEmpty {
            for record in try ReportedTotalRecord.fetchAll(db) { totals[record.total.key] = (record.id ?? 0, record.total) }
        }
        return ImportPlan(file: file, vocabularies: vocabularies, storedExchanges: exchanges, storedTotals: totals)
    }

    private func apply(_ plan: ImportPlan, options: ImportOptions, _ db: Database) throws -> ImportSummary {
        var summary = ImportSummary(
            exchangesAdded: plan.exchangesToAdd.count, exchangesUpdated: plan.exchangesToUpdate.count,
            exchangesUnchanged: plan.exchangesUnchanged, totalsAdded: plan.totalsToAdd.count,
            totalsUpdated: plan.totalsToUpdate.count, totalsUnchanged: plan.totalsUnchanged)
        if plan.isEmpty { return summary }
        var run = ImportRunRecord(importedAt: options.now.timestamp, importedBy: options.by, origin: options.origin,
                                  added: summary.exchangesAdded + summary.totalsAdded,
                                  updated: summary.exchangesUpdated + summary.totalsUpdated,
                                  unchanged: summary.exchangesUnchanged + summary.totalsUnchanged)
        try run.insert(db)
        let importId = run.id ?? 0
        // Bulk imports go through prepared statements: GRDB's record encoding costs several times SQLite's own work.
        let logStatement = try db.cachedStatement(sql: """
            INSERT INTO change (import_id, kind, record_type, record_key, field, old_value, new_value, source_url)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        func log(_ kind: String, _ type: String, _ key: String, _ change: FieldChange?, _ source: String) throws {
            try logStatement.execute(arguments: [importId, kind, type, key, change?.field, change?.old, change?.new, source])
        }
        let insertExchange = try db.cachedStatement(sql: ExchangeRecord.insertSQL)
        let toWrite = plan.exchangesToAdd.count + plan.exchangesToUpdate.count + plan.totalsToAdd.count + plan.totalsToUpdate.count
        for (index, exchange) in plan.exchangesToAdd.enumerated() {
            if index % 1000 == 0 { options.progress?(index, toWrite) }
            let date = exchange.date.iso
            try insertExchange.execute(arguments: ExchangeRecord.arguments(exchange, date: date))
            try log("added", "exchange", date, nil, exchange.sourceURL)
        }
        for (old, new) in plan.exchangesToUpdate {
            try ExchangeRecord(new).update(db)
            for change in new.differences(from: old) { try log("updated", "exchange", new.date.iso, change, new.sourceURL) }
        }
        for total in plan.totalsToAdd {
            var record = ReportedTotalRecord(total)
            try record.insert(db)
            try log("added", "reported_total", total.key.description, nil, total.sourceURL)
        }
        for (id, old, new) in plan.totalsToUpdate {
            try ReportedTotalRecord(new, id: id).update(db)
            for change in new.differences(from: old) { try log("updated", "reported_total", new.key.description, change, new.sourceURL) }
        }
        summary.exchangesUnchanged = plan.exchangesUnchanged
        return summary
    }
}
