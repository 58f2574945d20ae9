import ExchangeModel
import GRDB

/// The `exchange` table: one row per exchange, stage or supplement, keyed by date.
struct ExchangeRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "exchange"

    enum Columns {
        static let date = Column("date")
    }

    var exchange: Exchange

    init(_ exchange: Exchange) { self.exchange = exchange }

    /// The columns in `init(row:)`'s order: rows are read by position, which is several times
    /// faster than by name for the 100,000-row case.
    static var databaseSelection: [any SQLSelectable] { [
        Column("date"), Column("part_of"), Column("returned_total"), Column("returned_military"), Column("returned_civilians"),
        Column("released_to_russia"), Column("bodies_returned"), Column("mediator"), Column("notes"), Column("source_name"),
        Column("source_url"), Column("confidence"),
    ] }

    init(row: Row) throws {
        func day(_ index: Int, _ column: String) throws -> Day? {
            guard let text: String = row[index] else { return nil }
            guard let day = Day(iso: text) else { throw StoreError.unusableDatabase(path: "", reason: "exchange.\(column) holds \"\(text)\", which is not a date") }
            return day
        }
        guard let date = try day(0, "date") else { throw StoreError.unusableDatabase(path: "", reason: "an exchange has no date") }
        exchange = Exchange(
            date: date, partOf: try day(1, "part_of"),
            returnedTotal: row[2], returnedMilitary: row[3], returnedCivilians: row[4], releasedToRussia: row[5],
            bodiesReturned: row[6], mediator: row[7], notes: row[8], sourceName: row[9], sourceURL: row[10] ?? "",
            confidence: (row[11] as String?).flatMap(Confidence.init(rawValue:)))
    }

    static let insertSQL = """
        INSERT INTO exchange (date, part_of, returned_total, returned_military, returned_civilians, released_to_russia,
                              bodies_returned, mediator, notes, source_name, source_url, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The values for `insertSQL`, in its column order.
    static func arguments(_ e: Exchange, date: String) -> StatementArguments {
        [date, e.partOf?.iso, e.returnedTotal, e.returnedMilitary, e.returnedCivilians, e.releasedToRussia,
         e.bodiesReturned, e.mediator, e.notes, e.sourceName, e.sourceURL, e.confidence?.rawValue]
    }

    func encode(to container: inout PersistenceContainer) {
        container["date"] = exchange.date.iso
        container["part_of"] = exchange.partOf?.iso
        container["returned_total"] = exchange.returnedTotal
        container["returned_military"] = exchange.returnedMilitary
        container["returned_civilians"] = exchange.returnedCivilians
        container["released_to_russia"] = exchange.releasedToRussia
        container["bodies_returned"] = exchange.bodiesReturned
        container["mediator"] = exchange.mediator
        container["notes"] = exchange.notes
        container["source_name"] = exchange.sourceName
        container["source_url"] = exchange.sourceURL
        container["confidence"] = exchange.confidence?.rawValue
    }
}
