import ExchangeModel
import GRDB

/// One change to the record: a row added, or a row's fields updated, by one import.
public struct HistoryEntry: Sendable, Hashable {
    /// Added or updated.
    public enum Kind: String, Sendable { case added, updated }

    /// When (ISO 8601, UTC).
    public var at: String
    /// Who (`--by`, `$USER`).
    public var by: String
    /// From where: a file path, "add" or "seed: …".
    public var origin: String
    public var kind: Kind
    /// `exchange` or `reported_total`.
    public var recordType: String
    /// The row's identity: an exchange's date, or a reported total's key.
    public var recordKey: String
    /// For an update, each field's old and new value.
    public var changes: [FieldChange]
    /// The source given for the new values.
    public var sourceURL: String?

    /// Creates an entry (the store makes them; briefings' samples and tests too).
    public init(at: String, by: String, origin: String, kind: Kind, recordType: String, recordKey: String,
                changes: [FieldChange], sourceURL: String?) {
        self.at = at; self.by = by; self.origin = origin; self.kind = kind; self.recordType = recordType
        self.recordKey = recordKey; self.changes = changes; self.sourceURL = sourceURL
    }
}

extension ExchangeStore {
    // MARK: - History

    /// Every change, newest first; with `since`, only those made on or after that day (UTC).
    public func history(since: Day? = nil) throws(StoreError) -> [HistoryEntry] {
        try read { db in
            var runs = ImportRunRecord.order(ImportRunRecord.Columns.id.desc)
            if let since { runs = runs.filter(ImportRunRecord.Columns.importedAt >= since.iso) }
            var entries: [HistoryEntry] = []
            for run in try runs.fetchAll(db) {
                let changes = try ChangeRecord.filter(ChangeRecord.Columns.importId == run.id)
                    .order(ChangeRecord.Columns.id).fetchAll(db)
                var index: [String: Int] = [:]
                for change in changes {
                    let key = "\(change.kind) \(change.recordType) \(change.recordKey)"
                    let field = change.field.map { FieldChange(field: $0, old: change.oldValue, new: change.newValue) }
                    if let i = index[key] {
                        if let field { entries[i].changes.append(field) }
                        continue
                    }
                    index[key] = entries.count
                    entries.append(HistoryEntry(at: run.importedAt, by: run.importedBy, origin: run.origin,
                                                kind: HistoryEntry.Kind(rawValue: change.kind) ?? .updated,
                                                recordType: change.recordType, recordKey: change.recordKey,
                                                changes: field.map { [$0] } ?? [], sourceURL: change.sourceURL))
                }
            }
            return entries
        }
    }
}
