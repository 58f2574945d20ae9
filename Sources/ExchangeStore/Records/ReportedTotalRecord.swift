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
                              qualifier: (row["qualifier"] as String?).flatMap(ReportedTotal.Qualifier.init(rawValue:)),
                              counts: (row["counts"] as String?).flatMap(ReportedTotal.Scope.init(rawValue:)),
                              derivedFrom: row["derived_from"], countedBy: row["counted_by"], announcedBy: row["announced_by"],
                              reportedOn: try day("reported_on"), publication: row["publication"],
                              sourceDetail: row["source_detail"], sourceDetailUK: row["source_detail_uk"],
                              sourceURL: row["source_url"] ?? "", quote: row["quote"], notes: row["notes"], notesUK: row["notes_uk"])
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["period_start"] = total.periodStart.iso
        container["period_end"] = total.periodEnd.iso
        container["metric"] = total.metric.rawValue
        container["value"] = total.value
        container["qualifier"] = total.qualifier?.rawValue
        container["counts"] = total.counts?.rawValue
        container["derived_from"] = total.derivedFrom
        container["counted_by"] = total.countedBy
        container["announced_by"] = total.announcedBy
        container["reported_on"] = total.reportedOn?.iso
        container["publication"] = total.publication
        container["source_detail"] = total.sourceDetail
        container["source_detail_uk"] = total.sourceDetailUK
        container["source_url"] = total.sourceURL
        container["quote"] = total.quote
        container["notes"] = total.notes
        container["notes_uk"] = total.notesUK
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
