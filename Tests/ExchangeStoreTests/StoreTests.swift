import ExchangeModel
import ExchangeStore
import Foundation
import Testing

@Suite("The store: bundled data, reconciliation, history, unknown counts")
struct StoreTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")
    static let now = ReferenceTime(parsing: "2026-11-26T12:00:00Z")!
    static let vocabularies = try! Vocabularies.load(directory: data.path)

    static func bundledStore() throws -> ExchangeStore {
        let store = try ExchangeStore.inMemory()
        for name in ["exchanges.csv", "reported_totals.csv"] {
            let file = try DataFile.read(path: data.appendingPathComponent(name).path, rules: ValidationRules(today: now.today))
            try store.importData(file, options: ImportOptions(update: false, by: "test", now: now, origin: name, vocabularies: Self.vocabularies))
        }
        return store
    }

    @Test func theBundledDataImportsCleanly() throws {
        let store = try Self.bundledStore()
        let exchanges = try store.exchanges()
        #expect(exchanges.count == 78)
        #expect(exchanges.first?.date.iso == "2022-03-01")
        #expect(exchanges.last?.date.iso == "2026-05-15")
        #expect(try store.reportedTotals().count == 66)
        let undisclosed = exchanges.filter { $0.returnedTotal == nil }
        #expect(undisclosed.count == 10)
        #expect(undisclosed.allSatisfy { ($0.date.year == 2025 || $0.date.iso == "2026-04-11") && $0.confidence == nil })
        // Every row has both texts and a publication from the vocabulary.
        #expect(exchanges.allSatisfy { $0.publication != nil && ($0.notes == nil) == ($0.notesUK == nil) && ($0.sourceDetail == nil) == ($0.sourceDetailUK == nil) })
    }

    @Test func chartsReadEveryFigureWithoutNotes() throws {
        let store = try Self.bundledStore()
        let full = try store.exchanges(), lean = try store.exchanges(notes: false)
        #expect(full.contains { $0.notes != nil } && full.contains { $0.mediator != nil })
        #expect(lean.allSatisfy { $0.notes == nil && $0.mediator == nil && $0.notesUK == nil && $0.sourceDetail == nil && $0.sourceDetailUK == nil })
        // Everything else is the same, row for row (texts shared between rows compare equal).
        var stripped = full
        for i in stripped.indices {
            stripped[i].notes = nil; stripped[i].mediator = nil; stripped[i].notesUK = nil
            stripped[i].sourceDetail = nil; stripped[i].sourceDetailUK = nil
        }
        #expect(lean == stripped)
    }

    @Test func reconciliationPerYearMatchesTheSourcesNote() throws {
        let store = try Self.bundledStore()
        let r = Reconciliation(exchanges: try store.exchanges(), reported: try store.reportedTotals())
        let years = Dictionary(uniqueKeysWithValues: r.years.map { ($0.year, $0) })
        func people(_ year: Int) -> Reconciliation.Comparison? {
            years[year]?.comparisons.first { $0.metric == .released }
        }
        // 2022: 27 rows, 1,461 people against 1,596 reported: a gap of 135 (SOURCES.md, update of 1 Dec 2026).
        #expect(years[2022]?.summary.rows == 27)
        #expect(years[2022]?.summary.returned.exact == 1461)
        #expect(people(2022)?.reportedValue == 1596)
        #expect(people(2022)?.difference == -135)
        // 2023: 996 against the derived 1,002.
        #expect(years[2023]?.summary.returned.exact == 996)
        #expect(people(2023)?.difference == -6)
        #expect(people(2023)?.isDerived == true)
        // 2024: 12 rows, 11 exchanges, 1,358 people, no difference in either.
        #expect(years[2024]?.summary.rows == 12)
        #expect(years[2024]?.summary.exchanges == 11)
        #expect(years[2024]?.summary.returned.exact == 1358)
        #expect(people(2024)?.difference == 0)
        #expect(people(2024)?.reports.count == 2)
        #expect(years[2024]?.comparisons.first { $0.metric == .exchanges }?.difference == 0)
        // 2024 over 2023: 356 more, as HUR said.
        #expect(1358 - 1002 == (years[2024]?.summary.returned.known ?? 0) - (people(2023)?.reportedValue ?? 0))
        // 2025: 2,297 in 11 rows with a number; 9 undisclosed stages are not zeros.
        #expect(years[2025]?.summary.returned.known == 2297)
        #expect(years[2025]?.summary.returned.unknownCount == 9)
        #expect(years[2025]?.summary.returned.exact == nil)
        #expect(years[2025]?.summary.exchanges == 10)
        #expect(people(2025)?.difference == -13)
        // 2026: nothing reported yet.
        #expect(years[2026]?.comparisons.isEmpty == true)
    }

    @Test func unknownCountsStayUnknownThroughStoreAndExport() throws {
        let store = try ExchangeStore.inMemory()
        let csv = "date,part_of,returned_total,returned_military,source_url,confidence\n2025-06-09,,,,https://a.org,\n2025-06-10,2025-06-09,,,https://b.org,\n"
        let file = DataFile.parse(bytes: Array(csv.utf8), name: "x.csv", format: .csv, rules: ValidationRules(today: Self.now.today))
        try store.importData(file, options: ImportOptions(update: false, by: "t", now: Self.now, origin: "x.csv", vocabularies: Self.vocabularies))
        let stored = try store.exchanges()
        #expect(stored.map(\.returnedTotal) == [nil, nil])
        #expect(stored.map(\.returnedMilitary) == [nil, nil])
        #expect(DataExport.csv(exchanges: stored).contains("2025-06-10,2025-06-09" + String(repeating: ",", count: 13) + "https://b.org,\n"))
        // Unknown counts are written as null, not left out (and never as 0).
        let json = try JSONSerialization.jsonObject(with: Data(try DataExport.json(exchanges: stored, reportedTotals: []).utf8)) as? [String: Any]
        let rows = json?["exchanges"] as? [[String: Any]] ?? []
        #expect(rows.count == 2 && rows.allSatisfy { $0["returned_total"] is NSNull && $0["returned_military"] is NSNull })
        let summary = PeriodSummary(stored, from: stored[0].date, to: stored[1].date)
        #expect(summary.returned.known == 0)
        #expect(summary.returned.unknownCount == 2)
        #expect(summary.returned.exact == nil)
        #expect(summary.exchanges == 1)
    }

    @Test func updatesAreRecordedFieldByField() throws {
        let store = try Self.bundledStore()
        let csv = "date,returned_total,returned_military,returned_civilians,source_url,confidence,mediator\n2024-12-30,190,188,2,https://example.org/correction,medium,UAE\n"
        let file = DataFile.parse(bytes: Array(csv.utf8), name: "fix.csv", format: .csv, rules: ValidationRules(today: Self.now.today))
        // Without update: refused, naming both versions, nothing written.
        #expect(throws: StoreError.self) {
            try store.importData(file, options: ImportOptions(update: false, by: "a", now: Self.now, origin: "fix.csv", vocabularies: Self.vocabularies))
        }
        #expect(try store.exchanges().first { $0.date.iso == "2024-12-30" }?.returnedTotal == 189)
        let later = ReferenceTime(parsing: "2026-11-27T08:00:00Z")!
        let summary = try store.importData(file, options: ImportOptions(update: true, by: "Olena", now: later, origin: "fix.csv", vocabularies: Self.vocabularies))
        #expect(summary.exchangesUpdated == 1)
        let entry = try #require(try store.history(since: later.today).first)
        #expect(entry.kind == .updated)
        #expect(entry.by == "Olena")
        #expect(entry.at == "2026-11-27T08:00:00Z")
        #expect(entry.sourceURL == "https://example.org/correction")
        #expect(entry.changes.map(\.summary) == [
            "returned_total: 189 → 190", "returned_military: 187 → 188",
            "source_url: \"https://menafn.com/1109042895/Coordination-Headquarters-1…\" → \"https://example.org/correction\"",
            "confidence: \"high\" → \"medium\"",
        ])
        // Columns the file leaves out (notes, source_name, released_to_russia) keep their stored values.
        let updated = try #require(try store.exchanges().first { $0.date.iso == "2024-12-30" })
        #expect(updated.releasedToRussia == 150)
        #expect(updated.notes?.hasPrefix("11th exchange of 2024") == true)
        #expect(try store.history(since: Day(iso: "2026-11-28")).isEmpty)
        #expect(try store.lastImportTimestamp() == "2026-11-27T08:00:00Z")
    }

    @Test func aReportedTotalIsIdentifiedByPeriodMetricAndSource() throws {
        let store = try Self.bundledStore()
        let csv = "period_start,period_end,metric,value,qualifier,source_url\n2024-01-01,2024-12-31,released,1358,exact,https://another.example.org\n"
        let file = DataFile.parse(bytes: Array(csv.utf8), name: "t.csv", format: .csv, rules: ValidationRules(today: Self.now.today))
        let summary = try store.importData(file, options: ImportOptions(update: false, by: "a", now: Self.now, origin: "t.csv", vocabularies: Self.vocabularies))
        #expect(summary.totalsAdded == 1)
        #expect(try store.reportedTotals().count == 67)
    }
}

extension StoreTests {
    @Test func anUpdateLeavingColumnsOutIsCheckedWithTheStoredValues() throws {
        // Stored: 189 returned, 187 military + 2 civilians. A file lowering the total below the stored split is refused.
        let store = try Self.bundledStore()
        let csv = "date,returned_total,source_url,confidence\n2024-12-30,150,https://example.org/c,high\n"
        let file = DataFile.parse(bytes: Array(csv.utf8), name: "low.csv", format: .csv, rules: ValidationRules(today: Self.now.today))
        let error = #expect(throws: StoreError.self) {
            try store.importData(file, options: ImportOptions(update: true, by: "a", now: Self.now, origin: "low.csv", vocabularies: Self.vocabularies))
        }
        guard case let .invalidData(_, diagnostics)? = error else { Issue.record("expected invalid data"); return }
        #expect(diagnostics.map(\.message) == ["returned_military 187 + returned_civilians 2 = 189 is more than returned_total 150 (with the stored values of the columns this file leaves out)"])
        #expect(try store.exchanges().first { $0.date.iso == "2024-12-30" }?.returnedTotal == 189)
    }
}
