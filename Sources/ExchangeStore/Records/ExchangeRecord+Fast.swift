import ExchangeModel
import GRDB
import GRDBSQLite

extension ExchangeRecord {
    /// Every exchange, oldest first, read through SQLite's C API.
    ///
    /// Charts and briefings read the whole record on every run; decoding GRDB `Row`s cost
    /// about 1.1 µs a row (110 ms for 100,000), most of it in generic value conversion. Dates
    /// are parsed from SQLite's bytes, and a text equal to the previous row's (the publication,
    /// the mediator) is shared rather than allocated again.
    ///
    /// - Parameter notes: false leaves `notes` and `mediator` nil (and unread).
    static func fetchAllFast(_ db: Database, notes: Bool = true) throws -> [Exchange] {
        let statement = try db.makeStatement(sql: """
            SELECT date, part_of, returned_total, returned_military, returned_civilians, released_to_russia, bodies_returned,
                   \(notes ? "mediator, notes" : "NULL, NULL"), source_name, source_url, confidence
            FROM exchange ORDER BY date
            """)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var result: [Exchange] = []
        func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard sqlite3_column_type(s, i) != SQLITE_NULL, let pointer = sqlite3_column_text(s, i) else { return nil }
            return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(s, i)))
        }
        func text(_ i: Int32) -> String? {
            bytes(i).map { String(decoding: $0, as: UTF8.self) }
        }
        /// The column's text, the previous row's String when the bytes are the same.
        func shared(_ i: Int32, _ previous: inout String?) -> String? {
            guard let value = bytes(i) else { return nil }
            if var last = previous, last.withUTF8({ $0.elementsEqual(value) }) { return last }
            previous = String(decoding: value, as: UTF8.self)
            return previous
        }
        func int(_ i: Int32) -> Int? {
            sqlite3_column_type(s, i) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(s, i))
        }
        func day(_ i: Int32, _ column: String) throws -> Day? {
            guard let value = bytes(i) else { return nil }
            guard let day = Day(isoBytes: value) else {
                throw StoreError.unusableDatabase(path: "", reason: "exchange.\(column) holds \"\(String(decoding: value, as: UTF8.self))\", which is not a date")
            }
            return day
        }
        var lastMediator: String?, lastSource: String?
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let date = try day(0, "date") else { throw StoreError.unusableDatabase(path: "", reason: "an exchange has no date") }
            result.append(Exchange(
                date: date, partOf: try day(1, "part_of"), returnedTotal: int(2), returnedMilitary: int(3), returnedCivilians: int(4),
                releasedToRussia: int(5), bodiesReturned: int(6), mediator: shared(7, &lastMediator), notes: text(8),
                sourceName: shared(9, &lastSource), sourceURL: text(10) ?? "",
                confidence: bytes(11).flatMap { Confidence(rawValue: String(decoding: $0, as: UTF8.self)) }))
        }
        return result
    }
}
