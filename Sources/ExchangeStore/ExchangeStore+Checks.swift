import ExchangeModel
import GRDB

extension ExchangeStore {
    // MARK: - Source checks

    /// Records that the sources were reviewed through `check.checkedThrough` and nothing was missing.
    public func record(_ check: SourceCheck) throws(StoreError) {
        do {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO source_check (checked_through, checked_on, checked_by, note) VALUES (?, ?, ?, ?)",
                               arguments: [check.checkedThrough.iso, check.checkedOn.iso, check.checkedBy, check.note])
            }
        } catch {
            throw Self.isBusy(error) ? .busy(path: path) : .cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    /// Every recorded check, the one reaching furthest last (ties: the later recorded last).
    public func checks() throws(StoreError) -> [SourceCheck] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT checked_through, checked_on, checked_by, note FROM source_check ORDER BY checked_through, checked_on, id")
                .map { row in
                    let through: String = row[0], on: String = row[1]
                    guard let t = Day(iso: through), let o = Day(iso: on) else {
                        throw StoreError.unusableDatabase(path: "", reason: "source_check holds \"\(through)\" or \"\(on)\", which is not a date")
                    }
                    return SourceCheck(checkedThrough: t, checkedOn: o, checkedBy: row[2], note: row[3])
                }
        }
    }
}
