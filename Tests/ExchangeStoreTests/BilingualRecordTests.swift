import ExchangeModel
@testable import ExchangeStore
import Foundation
import GRDB
import PropertyBased
import Testing

/// The record in two languages: vocabularies, the old layout, qualified totals, checks, the full round trip.
@Suite("A bilingual, attributed record")
struct BilingualRecordTests {
    static let now = ReferenceTime(parsing: "2026-11-26T12:00:00Z")!
    static let vocabularies = StoreTests.vocabularies

    static func file(_ csv: String, _ name: String = "x.csv") -> DataFile {
        DataFile.parse(bytes: Array(csv.utf8), name: name, format: .csv, rules: ValidationRules(today: now.today))
    }

    static func options(update: Bool = false, _ vocabularies: Vocabularies = vocabularies) -> ImportOptions {
        ImportOptions(update: update, by: "t", now: now, origin: "x.csv", vocabularies: vocabularies)
    }

    // MARK: - Vocabularies

    @Test func anUnknownCodeIsRefusedNamingTheVocabularyFileAndTheField() throws {
        let store = try ExchangeStore.inMemory()
        let csv = "date,returned_total,mediator,publication,source_url,confidence\n2026-06-01,10,UAE; Qatar,ukrainska-pravda,https://a.org,high\n"
            + "2026-06-02,10,,pravda,https://a.org/2,high\n"
        let error = #expect(throws: StoreError.self) { try store.importData(Self.file(csv), options: Self.options()) }
        guard case let .invalidData(_, diagnostics)? = error else { Issue.record("expected invalid data"); return }
        #expect(diagnostics.map(\.where_) == ["x.csv:2:15", "x.csv:3:16"])
        #expect(diagnostics[0].message.hasPrefix("mediator \"Qatar\" is not a code of \(Self.vocabularies.path(of: .mediator)) (it has UAE, USA"))
        #expect(diagnostics[0].hint == "use a code of that file, or add a line \"Qatar,English name,Ukrainian name\" to it")
        #expect(diagnostics[1].message.hasPrefix("publication \"pravda\" is not a code of \(Self.vocabularies.path(of: .publication))"))
        #expect(try store.exchanges().isEmpty)
    }

    @Test func aVocabularyFileIsCheckedLineByLine() {
        let text = "mediator,name,name_uk\nUAE,UAE,ОАЕ\nQatar,Qatar,\nUAE,Emirates,Емірати\n;x,X,Х\n,Nameless,Без назви\n"
        let (vocabulary, problems) = Vocabularies.parse(bytes: Array(text.utf8), name: "mediators.csv", kind: .mediator)
        #expect(vocabulary.entries.map(\.code) == ["UAE"])
        #expect(problems.map(\.where_) == ["mediators.csv:3:13", "mediators.csv:4:1", "mediators.csv:5:1", "mediators.csv:6:1"])
        #expect(problems[0].message == "the Ukrainian name of Qatar is missing")
        #expect(problems[1].message == "the code UAE is given twice")
        let (_, header) = Vocabularies.parse(bytes: Array("code,name,name_uk\n".utf8), name: "m.csv", kind: .mediator)
        #expect(header.map(\.message) == ["the header is not mediator,name,name_uk"])
    }

    @Test func theBundledVocabulariesNameEveryCodeTheRecordUses() throws {
        let store = try StoreTests.bundledStore()
        let v = Self.vocabularies
        #expect(v.mediators.entries.count >= 5 && v.publications.entries.count >= 40 && v.reportingBodies.entries.count >= 14)
        try v.checkCodes(exchanges: try store.exchanges(), reported: try store.reportedTotals(), store: "bundled")
        #expect(v.publications["ukrainska-pravda"]?.nameUK == "«Українська правда»")
        #expect(v.publications["interfax-ukraine"]?.nameUK == "«Інтерфакс-Україна»")
        #expect(v.reportingBodies["hur"]?.nameUK.contains("ГУР") == true)
    }

    // MARK: - The old layout

    @Test func aFileInTheOldLayoutStillImports() throws {
        let store = try ExchangeStore.inMemory()
        let old = """
            date,part_of,returned_total,returned_military,returned_civilians,released_to_russia,bodies_returned,mediator,notes,source_name,source_url,confidence
            2026-06-01,,200,195,5,200,,USA; UAE,"Groups: AFU, NGU",Ukrainska Pravda,https://a.org/1,high
            2026-06-08,,50,,,50,,UAE,,Some local paper (reprint),https://a.org/2,medium

            """
        let file = Self.file(old)
        #expect(file.diagnostics.isEmpty && file.isLegacyLayout)
        try store.importData(file, options: Self.options())
        let rows = try store.exchanges()
        // A publication named as the vocabulary names it becomes its code; any other text stays the source's detail.
        #expect(rows.map(\.publication) == ["ukrainska-pravda", nil])
        #expect(rows.map(\.sourceDetail) == [nil, "Some local paper (reprint)"])
        #expect(rows.map(\.mediator) == ["USA; UAE", "UAE"])
        #expect(rows.map(\.notes) == ["Groups: AFU, NGU", nil])
        #expect(rows.allSatisfy { $0.notesUK == nil })
        // Both columns at once are refused.
        let both = Self.file("date,returned_total,source_name,publication,source_url,confidence\n2026-06-01,1,X,babel,https://a.org,high\n")
        #expect(both.diagnostics.map(\.message) == ["source_name is the old layout's column, and this file also has publication or source_detail"])
    }

    @Test func theOldLayoutOfTotalsIsRefusedNamingTheNewColumns() {
        let file = Self.file("period_start,period_end,metric,value,reported_by,source_name,source_url\n2024-01-01,2024-12-31,released,1358,HQ,X,https://a.org\n")
        #expect(file.diagnostics.map(\.where_) == ["x.csv:1:38", "x.csv:1:50"])
        #expect(file.diagnostics[0].hint.hasPrefix("replace it with counted_by (a code of reporting_bodies.csv) and announced_by"))
    }

    // MARK: - Reported totals

    @Test func aTotalSaysWhatKindOfFigureItIs() {
        func issues(_ row: String) -> [String] {
            let file = Self.file("period_start,period_end,metric,value,qualifier,counts,derived_from,source_url\n" + row + "\n")
            return file.diagnostics.map(\.message)
        }
        #expect(issues("2024-01-01,2024-12-31,released,1002,exact,,1358 - 356,https://a.org") == [])
        #expect(issues("2024-01-01,2024-12-31,released,1358,,,,https://a.org") == ["qualifier is empty although value is given"])
        #expect(issues("2024-01-01,2024-12-31,released,1358,more than,,,https://a.org")
                    == ["qualifier \"more than\" is not one of exact, about, at_least, at_most"])
        #expect(issues("2024-01-01,2024-12-31,released,1358,at least,,,https://a.org")
                    == ["qualifier \"at least\" is not one of exact, about, at_least, at_most (did you mean at_least?)"])
        #expect(issues("2024-01-01,2024-12-31,released,1000,exact,,1358 - 356,https://a.org") == ["derived_from \"1358 - 356\" makes 1002, not the value 1000"])
        #expect(issues("2024-01-01,2024-12-31,released,1002,exact,,\"1,358 - 356\",https://a.org") == ["derived_from \"1,358 - 356\" is not a sum of whole numbers"])
        #expect(issues("2024-01-01,2024-12-31,released,1002,exact,kids,,https://a.org").first?.hasPrefix("counts \"kids\" is not one of exchanges, all_returns") == true)
        #expect(issues("2024-01-01,2024-12-31,bodies_returned,,exact,,,https://a.org") == ["qualifier is given but value is empty"])
        // A derivation is stored in one spelling.
        let file = Self.file("period_start,period_end,metric,value,qualifier,derived_from,source_url\n2025-01-01,2025-12-31,released,2310,exact,2080+230,https://a.org\n")
        #expect(file.reportedTotals.first?.value.derivedFrom == "2080 + 230")
    }

    @Test func theBundledTotalsAreQualifiedAndAttributedFromTheirQuotes() throws {
        let totals = try StoreTests.bundledStore().reportedTotals()
        #expect(totals.count == 66)
        // Every figure says how exact it is; none keeps the old markers in its quote.
        #expect(totals.allSatisfy { ($0.value == nil) == ($0.qualifier == nil) })
        for marker in ["DERIVED", "Lower bound", "Approximate", "Sum derived", "Sum of stated parts"] {
            #expect(!totals.contains { $0.quote?.contains(marker) == true }, "\(marker)")
        }
        // Homecoming derived three: 2023 from HUR's difference, 2025 twice from the Coordination HQ's parts.
        let derived = totals.filter(\.isDerived)
        #expect(derived.map { "\($0.periodStart.year) \($0.value ?? 0) = \($0.derivedFrom ?? "")" }
                    == ["2023 1002 = 1358 - 356", "2025 2310 = 2080 + 230", "2025 2310 = 2080 + 230"])
        #expect(derived.allSatisfy { ReportedTotal.terms(of: $0.derivedFrom!)!.reduce(0, +) == $0.value })
        // "More than" figures are floors; "nearly" and "approximately" are about.
        #expect(totals.filter(\.isLowerBound).map { $0.value ?? 0 } == [3400, 1000, 7000, 8000, 70])
        #expect(totals.filter(\.isApproximate).map { $0.value ?? 0 } == [3956, 1600])
        // Who counted: named wherever the source names them; the Ombudsman's figures count children separately.
        #expect(totals.filter { $0.countedBy == nil }.count == 6)
        #expect(totals.filter { $0.countedBy == "ombudsman" && $0.value ?? 0 > 6000 }.allSatisfy { $0.counts == .withoutChildren })
        #expect(totals.first { $0.value == 1596 }?.counts == .withForeigners)
        #expect(totals.first { $0.value == 8050 }?.countedBy == "coordination-hq")
        // Every text exists in both languages.
        #expect(totals.allSatisfy { ($0.notes == nil) == ($0.notesUK == nil) && ($0.sourceDetail == nil) == ($0.sourceDetailUK == nil) })
    }

    @Test func ordinalsAreTheirOwnFieldAndOnlyOnAnExchangesFirstRow() throws {
        let exchanges = try StoreTests.bundledStore().exchanges()
        #expect(exchanges.first { $0.date.iso == "2025-05-23" }?.ordinal == 65)
        #expect(exchanges.filter { $0.partOf != nil }.allSatisfy { $0.ordinal == nil })
        let ordinals = exchanges.compactMap(\.ordinal)
        #expect(ordinals == ordinals.sorted() && Set(ordinals).count == ordinals.count)
        let stage = Self.file("date,part_of,ordinal,returned_total,source_url,confidence\n2025-05-24,2025-05-23,66,10,https://a.org,high\n")
        #expect(stage.diagnostics.map(\.message) == ["a stage has an ordinal of its own"])
    }

    // MARK: - Checks

    @Test func checksAreRecordedAndTheFurthestIsLast() throws {
        let store = try ExchangeStore.inMemory()
        #expect(try store.checks().isEmpty)
        let a = SourceCheck(checkedThrough: Day(iso: "2026-05-15")!, checkedOn: Day(iso: "2026-12-01")!, checkedBy: "Homecoming", note: "seed")
        let b = SourceCheck(checkedThrough: Day(iso: "2026-11-30")!, checkedOn: Day(iso: "2026-12-01")!, checkedBy: "Olena")
        let c = SourceCheck(checkedThrough: Day(iso: "2026-06-30")!, checkedOn: Day(iso: "2026-12-02")!, checkedBy: "Taras")
        for check in [a, b, c] { try store.record(check) }
        #expect(try store.checks() == [a, c, b])
    }

    @Test func theBundledChecksFileSaysWhatSourcesMdSays() throws {
        let data = StoreTests.data
        let checks = try SourceCheck.read(bytes: [UInt8](try Data(contentsOf: data.appendingPathComponent("checked.csv"))), name: "checked.csv")
        #expect(checks.map(\.checkedThrough.iso) == ["2026-05-15"])
        let sources = try String(contentsOf: data.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        #expect(sources.contains("**checked through 15 May 2026**"))
        let bad = #expect(throws: StoreError.self) {
            try SourceCheck.read(bytes: Array("checked_through,checked_on,checked_by,note\n2026-05-15,2026-05-01,x,\n".utf8), name: "c.csv")
        }
        guard case let .invalidData(_, diagnostics)? = bad else { Issue.record("expected invalid data"); return }
        #expect(diagnostics.map(\.where_) == ["c.csv:2:12"])
    }

    // MARK: - Migrations

    @Test func aStoreOfTheFirstSchemaIsMigratedKeepingWhatItHeld() throws {
        let queue = try DatabaseQueue()
        try ExchangeStore.migrator.migrate(queue, upTo: "v1: exchanges, reported totals, history")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO exchange (date, returned_total, mediator, notes, source_name, source_url, confidence)
                VALUES ('2024-12-30', 189, 'UAE', '11th exchange of 2024', 'MENAFN / Ukrinform', 'https://a.org', 'high');
                INSERT INTO reported_total (period_start, period_end, metric, value, reported_by, source_name, source_url, quote)
                VALUES ('2022-02-24', '2024-07-17', 'released', 3400, 'Coordination HQ', 'Euronews', 'https://b.org', 'Lower bound: just over 3,400');
                """)
        }
        try ExchangeStore.migrator.migrate(queue)
        let (exchange, total) = try queue.read { db in
            (try Row.fetchOne(db, sql: "SELECT source_detail, notes, notes_uk, publication FROM exchange")!,
             try Row.fetchOne(db, sql: "SELECT qualifier, notes, source_detail FROM reported_total")!)
        }
        #expect(exchange[0] as String? == "MENAFN / Ukrinform" && exchange[1] as String? == "11th exchange of 2024")
        #expect(exchange[2] as String? == nil && exchange[3] as String? == nil)
        #expect(total[0] as String? == "at_least" && total[1] as String? == "Reported by: Coordination HQ" && total[2] as String? == "Euronews")
    }

    // MARK: - Round trip

    static let text = Generator<String?, Shrink.None<String?>> { rng in
        let pieces = ["a", "Київ", ",", "\"", "'", "=", "«", "»", " ", "’", "1", "—"]
        let n = Int.random(in: 0...6, using: &rng)
        return n == 0 ? nil : (0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    struct Record: CustomStringConvertible, Sendable {
        var exchanges: [Exchange]
        var totals: [ReportedTotal]
        var description: String { "\(exchanges.count) exchanges, \(totals.count) totals" }
    }

    static let records = Generator<Record, Shrink.None<Record>> { rng in
        func text() -> String? { Self.text.run(using: &rng) }
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        let v = vocabularies
        var exchanges: [Exchange] = []
        var day = Day(iso: "2022-03-01")!
        for i in 0..<Int.random(in: 0...20, using: &rng) {
            day = day.adding(days: Int.random(in: 1...40, using: &rng))
            let total: Int? = Bool.random(using: &rng) ? Int.random(in: 0...1000, using: &rng) : nil
            let stage = i > 0 && Int.random(in: 0..<4, using: &rng) == 0
            exchanges.append(Exchange(
                date: day, partOf: stage ? exchanges[i - 1].exchangeKey : nil, ordinal: !stage && Bool.random(using: &rng) ? i + 1 : nil,
                returnedTotal: total, returnedMilitary: total.map { $0 / 2 }, returnedCivilians: total.map { $0 / 3 },
                releasedToRussia: Bool.random(using: &rng) ? Int.random(in: 0...1000, using: &rng) : nil,
                bodiesReturned: Bool.random(using: &rng) ? Int.random(in: 0...100, using: &rng) : nil,
                mediator: Bool.random(using: &rng) ? pick(v.mediators.entries).code : nil,
                notes: text().map { $0 + "\r\nline" }, notesUK: text(), publication: Bool.random(using: &rng) ? pick(v.publications.entries).code : nil,
                sourceDetail: text(), sourceDetailUK: text(), sourceURL: "https://example.org/\(i)?q=\"x\"",
                confidence: total == nil ? nil : pick(Confidence.allCases)))
        }
        var totals: [ReportedTotal] = []
        for i in 0..<Int.random(in: 0...10, using: &rng) {
            let value: Int? = Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int.random(in: 1...9000, using: &rng)
            totals.append(ReportedTotal(
                periodStart: Day(iso: "2022-02-24")!, periodEnd: Day(iso: "2022-02-24")!.adding(days: i), metric: pick(ReportedTotal.Metric.allCases),
                value: value, qualifier: value == nil ? nil : pick(ReportedTotal.Qualifier.allCases),
                counts: Bool.random(using: &rng) ? pick(ReportedTotal.Scope.allCases) : nil,
                derivedFrom: value.flatMap { $0 > 5 && Bool.random(using: &rng) ? "\($0 + 5) - 5" : nil },
                countedBy: Bool.random(using: &rng) ? pick(v.reportingBodies.entries).code : nil,
                announcedBy: Bool.random(using: &rng) ? pick(v.reportingBodies.entries).code : nil,
                reportedOn: Bool.random(using: &rng) ? Day(iso: "2026-01-01") : nil,
                publication: Bool.random(using: &rng) ? pick(v.publications.entries).code : nil,
                sourceDetail: text(), sourceDetailUK: text(), sourceURL: "https://example.org/t\(i)", quote: text(), notes: text(), notesUK: text()))
        }
        return Record(exchanges: exchanges, totals: totals)
    }

    @Test func everyFieldSurvivesExportImportExportInBothFormats() async {
        await propertyCheck(count: 60, input: Self.records) { record in
            do {
                for format in DataFile.Format.allCases {
                    let first = try ExchangeStore.inMemory(), second = try ExchangeStore.inMemory()
                    let source = DataFile.parse(bytes: Array(try DataExport.json(exchanges: record.exchanges, reportedTotals: record.totals).utf8),
                                                name: "r.json", format: .json, rules: ValidationRules(today: nil))
                    #expect(source.diagnostics.isEmpty, "\(source.diagnostics.map(\.description))")
                    try first.importData(source, options: Self.options())
                    #expect(try first.exchanges() == record.exchanges)
                    #expect(try first.reportedTotals() == record.totals)
                    let exported: [String]
                    switch format {
                    case .json: exported = [try DataExport.json(exchanges: try first.exchanges(), reportedTotals: try first.reportedTotals())]
                    case .csv: exported = [DataExport.csv(exchanges: try first.exchanges()), DataExport.csv(reportedTotals: try first.reportedTotals())]
                    }
                    for text in exported {
                        let file = DataFile.parse(bytes: Array(text.utf8), name: "e", format: format, rules: ValidationRules(today: nil))
                        #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map(\.description))")
                        try second.importData(file, options: Self.options())
                    }
                    let again: [String]
                    switch format {
                    case .json: again = [try DataExport.json(exchanges: try second.exchanges(), reportedTotals: try second.reportedTotals())]
                    case .csv: again = [DataExport.csv(exchanges: try second.exchanges()), DataExport.csv(reportedTotals: try second.reportedTotals())]
                    }
                    #expect(again == exported)
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func theJSONLayoutHasEveryFieldUnderItsColumnName() throws {
        let store = try StoreTests.bundledStore()
        let json = try DataExport.json(exchanges: try store.exchanges(), reportedTotals: try store.reportedTotals())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: Any]]]
        #expect(object?["exchanges"]?.first.map { Set($0.keys) } == Set(ExchangeField.allCases.map(\.rawValue)))
        #expect(object?["reported_totals"]?.first.map { Set($0.keys) } == Set(ReportedTotalField.allCases.map(\.rawValue)))
        #expect(object?["exchanges"]?.first { $0["date"] as? String == "2025-05-23" }?["ordinal"] as? Int == 65)
        // Ukrainian text is written as UTF-8, not as \u escapes: the file reads as the record does.
        #expect(json.contains("\"notes_uk\" : \"Перший етап обміну «1000 на 1000»"))
    }
}
