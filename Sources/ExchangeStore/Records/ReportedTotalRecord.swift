import ExchangeModel
import GRDB

/// The `reported_total` table: officially reported totals, in the order they were imported.
struct ReportedTotalRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reported_total"

    var id: Int64?
    var total: ReportedTotal

    init(_ total: ReportedTotal, id: Int64? = nil) {
        self.total = total
        self.id = id
    }

    init(row: Row) throws {
        func day(_ column: String) throws -> Day? {
            guard let text: String = row[column] else { return nil }
            guard let day = Day(iso: text) else { throw StoreError.unusableDatabase(path: "", reason: "reported_total.\(column) holds \"\(text)\", which is not a date") }
            return day
        }
        guard let start = try day("period_start"), let end = try day("period_end"),
              let metric = (row["metric"] as String?).flatMap(ReportedTotal.Metric.init(rawValue:))
        else { throw StoreError.unusableDatabase(path: "", reason: "a reported total lacks its period or metric") }
        id = row["id"]
        total = ReportedTotal(periodStart: start, periodEnd: end, metric: metric, value: row["value"],
                              reportedBy: row["reported_by"], reportedOn: try day("reported_on"),
                              sourceName: row["source_name"], sourceURL: row["source_url"] ?? "", quote: row["quote"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["period_start"] = total.periodStart.iso
        container["period_end"] = total.periodEnd.iso
        container["metric"] = total.metric.rawValue
        container["value"] = total.value
        container["reported_by"] = total.reportedBy
        container["reported_on"] = total.reportedOn?.iso
        container["source_name"] = total.sourceName
        container["source_url"] = total.sourceURL
        container["quote"] = total.quote
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
