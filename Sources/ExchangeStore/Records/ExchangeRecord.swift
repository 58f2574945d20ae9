import ExchangeModel
import GRDB

/// The `exchange` table: one row per exchange, stage or supplement, keyed by date.
/// Written with `insertSQL` or `update`; read with `fetchAllFast`.
struct ExchangeRecord: PersistableRecord {
    static let databaseTableName = "exchange"

    var exchange: Exchange

    init(_ exchange: Exchange) { self.exchange = exchange }

    static let insertSQL = """
        INSERT INTO exchange (date, part_of, ordinal, returned_total, returned_military, returned_civilians, released_to_russia,
                              bodies_returned, mediator, notes, notes_uk, publication, source_detail, source_detail_uk,
                              source_url, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The values for `insertSQL`, in its column order.
    static func arguments(_ e: Exchange, date: String) -> StatementArguments {
        [date, e.partOf?.iso, e.ordinal, e.returnedTotal, e.returnedMilitary, e.returnedCivilians, e.releasedToRussia,
         e.bodiesReturned, e.mediator, e.notes, e.notesUK, e.publication, e.sourceDetail, e.sourceDetailUK,
         e.sourceURL, e.confidence?.rawValue]
    }

    func encode(to container: inout PersistenceContainer) {
        container["date"] = exchange.date.iso
        container["part_of"] = exchange.partOf?.iso
        container["ordinal"] = exchange.ordinal
        container["returned_total"] = exchange.returnedTotal
        container["returned_military"] = exchange.returnedMilitary
        container["returned_civilians"] = exchange.returnedCivilians
        container["released_to_russia"] = exchange.releasedToRussia
        container["bodies_returned"] = exchange.bodiesReturned
        container["mediator"] = exchange.mediator
        container["notes"] = exchange.notes
        container["notes_uk"] = exchange.notesUK
        container["publication"] = exchange.publication
        container["source_detail"] = exchange.sourceDetail
        container["source_detail_uk"] = exchange.sourceDetailUK
        container["source_url"] = exchange.sourceURL
        container["confidence"] = exchange.confidence?.rawValue
    }
}
