import ExchangeModel
import GRDB
import GRDBSQLite

extension ExchangeRecord {
    /// Every exchange, oldest first, read through SQLite's C API.
    ///
    /// Charts and briefings read the whole record on every run; decoding GRDB `Row`s cost
    /// about 1.1 µs a row (110 ms for 100,000), most of it in generic value conversion.
    static func fetchAllFast(_ db: Database) throws -> [Exchange] {
        let statement = try db.makeStatement(sql: """
            SELECT date, part_of, returned_total, returned_military, returned_civilians, released_to_russia, bodies_returned,
                   mediator, notes, source_name, source_url, confidence
            FROM exchange ORDER BY date
            """)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var result: [Exchange] = []
        func text(_ i: Int32) -> String? {
            guard sqlite3_column_type(s, i) != SQLITE_NULL, let pointer = sqlite3_column_text(s, i) else { return nil }
            return String(cString: pointer)
        }
        func int(_ i: Int32) -> Int? {
            sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
        }
        func day(_ i: Int32, _ column: String) throws -> Day? {
            guard let value = text(i) else { return nil }
            guard let day = Day(iso: value) else {
                throw StoreError.unusableDatabase(path: "", reason: "exchange.\(column) holds \"\(value)\", which is not a date")
            }
            return day
        }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let date = try day(0, "date") else { throw StoreError.unusableDatabase(path: "", reason: "an exchange has no date") }
            result.append(Exchange(
                date: date, partOf: try day(1, "part_of"), returnedTotal: int(2), returnedMilitary: int(3), returnedCivilians: int(4),
                releasedToRussia: int(5), bodiesReturned: int(6), mediator: text(7), notes: text(8), sourceName: text(9),
                sourceURL: text(10) ?? "", confidence: text(11).flatMap(Confidence.init(rawValue:))))
        }
        return result
    }
}
