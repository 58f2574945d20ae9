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

    init(row: Row) throws {
        func day(_ column: String) throws -> Day? {
            guard let text: String = row[column] else { return nil }
            guard let day = Day(iso: text) else { throw StoreError.unusableDatabase(path: "", reason: "exchange.\(column) holds \"\(text)\", which is not a date") }
            return day
        }
        guard let date = try day("date") else { throw StoreError.unusableDatabase(path: "", reason: "an exchange has no date") }
        exchange = Exchange(
            date: date, partOf: try day("part_of"),
            returnedTotal: row["returned_total"], returnedMilitary: row["returned_military"],
            returnedCivilians: row["returned_civilians"], releasedToRussia: row["released_to_russia"],
            bodiesReturned: row["bodies_returned"], mediator: row["mediator"], notes: row["notes"],
            sourceName: row["source_name"], sourceURL: row["source_url"] ?? "",
            confidence: (row["confidence"] as String?).flatMap(Confidence.init(rawValue:)))
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
