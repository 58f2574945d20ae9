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
    /// - Parameter notes: false leaves the texts (`mediator`, notes, the source's detail) nil and unread.
    static func fetchAllFast(_ db: Database, notes: Bool = true, maximumCount: Int = ValidationRules(today: nil).maximumCount) throws -> [Exchange] {
        let statement = try db.makeStatement(sql: """
            SELECT date, part_of, returned_total, returned_military, returned_civilians, released_to_russia, bodies_returned,
                   \(notes ? "mediator, notes" : "NULL, NULL"), publication, source_url, confidence, ordinal,
                   \(notes ? "notes_uk, source_detail, source_detail_uk" : "NULL, NULL, NULL")
            FROM exchange ORDER BY date
            """)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        // Sized once: grown row by row, the array is copied into fresh memory at every doubling
        // (at 100,000 rows, 25 MB copied and twice that in new pages touched).
        var result: [Exchange] = []
        result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange") ?? 0)
        // Each column read once a row, in as few calls as SQLite allows (at 100,000 rows, every call
        // into SQLite is a millisecond): a NULL has no text.
        func bytes(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
            guard let pointer = sqlite3_column_text(s, i) else { return nil }
            return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(s, i)))
        }
        func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
            bytes.map { String(decoding: $0, as: UTF8.self) }
        }
        /// The text, the previous row's String when the bytes are the same.
        func shared(_ value: UnsafeBufferPointer<UInt8>?, _ previous: inout String?) -> String? {
            guard let value else { return nil }
            if var last = previous, last.withUTF8({ $0.elementsEqual(value) }) { return last }
            previous = String(decoding: value, as: UTF8.self)
            return previous
        }
        /// A count, which must be stored as a whole number: SQLite would read 189.9 or bytes as one, silently.
        func int(_ i: Int32) throws -> Int? {
            switch sqlite3_column_type(s, i) {
            case SQLITE_NULL: return nil
            case SQLITE_INTEGER: return Int(sqlite3_column_int64(s, i))
            default:
                let column = String(cString: sqlite3_column_name(s, i))
                throw StoreError.unusableDatabase(path: "", reason: "a stored row does not pass the checks of an import: exchange.\(column) is not stored as a whole number")
            }
        }
        func day(_ i: Int32, _ column: String) throws -> Day? {
            let type = sqlite3_column_type(s, i)
            guard type != SQLITE_NULL, let value = bytes(i) else { return nil }
            guard type == SQLITE_TEXT else {
                throw StoreError.unusableDatabase(path: "", reason: "a stored row does not pass the checks of an import: exchange.\(column) is not stored as a text")
            }
            guard let day = Day(isoBytes: value) else {
                throw StoreError.unusableDatabase(path: "", reason: "exchange.\(column) holds \"\(String(decoding: value, as: UTF8.self))\", which is not a date")
            }
            return day
        }
        /// The checks an import makes of a row's figures and one-line texts, made on SQLite's values
        /// as they are read (a second pass over 100,000 rows would cost more than the chart).
        func refuse(_ what: String) -> StoreError {
            .unusableDatabase(path: "", reason: "a stored row does not pass the checks of an import: \(what)")
        }
        func plain(_ bytes: UnsafeBufferPointer<UInt8>?, multiline: Bool = false) -> Bool {
            bytes.map { FieldParser.isPlain($0, multiline: multiline) } ?? true
        }
        var lastMediator: String?, lastSource: String?
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let date = try day(0, "date") else { throw StoreError.unusableDatabase(path: "", reason: "an exchange has no date") }
            let partOf = try day(1, "part_of")
            let total = try int(2), military = try int(3), civilians = try int(4), toRussia = try int(5), bodies = try int(6)
            func out(_ count: Int?) -> Bool { count.map { $0 < 0 || $0 > maximumCount } ?? false }
            if out(total) || out(military) || out(civilians) || out(toRussia) || out(bodies) {
                throw refuse("\(date.iso): a count is out of range (0 to \(maximumCount))")
            }
            if let total, (military ?? 0) + (civilians ?? 0) > total { throw refuse("\(date.iso): military and civilians add up to more than returned_total") }
            if let partOf, partOf >= date { throw refuse("\(date.iso): part_of \(partOf.iso) is not earlier") }
            guard let url = bytes(10), FieldParser.isPlain(url, multiline: false), FieldParser.webSchemeLength(url) != nil else {
                throw refuse("\(date.iso): the source address is not a plain http(s) address")
            }
            let ordinal = try int(12)
            if let ordinal, ordinal <= 0 || ordinal > maximumCount { throw refuse("\(date.iso): the ordinal is out of range") }
            let mediator = bytes(7), notes = bytes(8), publication = bytes(9), notesUK = bytes(13), detail = bytes(14), detailUK = bytes(15)
            guard plain(mediator), plain(publication), plain(detail), plain(detailUK), plain(notes, multiline: true), plain(notesUK, multiline: true) else {
                throw refuse("\(date.iso): a text holds a control character")
            }
            result.append(Exchange(
                date: date, partOf: partOf, ordinal: ordinal, returnedTotal: total, returnedMilitary: military, returnedCivilians: civilians,
                releasedToRussia: toRussia, bodiesReturned: bodies, mediator: shared(mediator, &lastMediator), notes: text(notes),
                notesUK: text(notesUK), publication: shared(publication, &lastSource), sourceDetail: text(detail), sourceDetailUK: text(detailUK),
                sourceURL: String(decoding: url, as: UTF8.self),
                confidence: bytes(11).flatMap { Confidence(rawValue: String(decoding: $0, as: UTF8.self)) }))
        }
        return result
    }
}
