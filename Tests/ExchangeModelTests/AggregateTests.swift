import ExchangeModel
import Testing

@Suite("Sums keep unknown apart from zero; stages count once")
struct AggregateTests {
    static func row(_ date: String, _ total: Int?, partOf: String? = nil, military: Int? = nil) -> Exchange {
        Exchange(date: Day(iso: date)!, partOf: partOf.flatMap { Day(iso: $0) }, returnedTotal: total, returnedMilitary: military,
                 sourceURL: "https://example.org/\(date)", confidence: total == nil ? nil : .high)
    }

    @Test func unknownIsNotZero() {
        let sum = KnownSum([5, nil, 7, nil])
        #expect(sum.known == 12)
        #expect(sum.unknownCount == 2)
        #expect(sum.knownCount == 2)
        #expect(sum.exact == nil)
        #expect(KnownSum([5, 7]).exact == 12)
        #expect(KnownSum([Int?]()).exact == 0)
    }

    @Test func stagesTiedByPartOfCountAsOneExchange() {
        let rows = [Self.row("2025-05-23", 390), Self.row("2025-05-24", 307, partOf: "2025-05-23"),
                    Self.row("2025-05-25", 303, partOf: "2025-05-23"), Self.row("2025-06-09", nil),
                    Self.row("2025-06-10", nil, partOf: "2025-06-09"), Self.row("2025-08-14", 84)]
        let year = PeriodSummary(rows, from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!)
        #expect(year.rows == 6)
        #expect(year.exchanges == 3)
        #expect(year.returned.known == 1084)
        #expect(year.returned.unknownCount == 2)
        // A period holding only a later stage still counts its exchange once.
        let one = PeriodSummary(rows, from: Day(iso: "2025-05-24")!, to: Day(iso: "2025-05-25")!)
        #expect(one.exchanges == 1)
        #expect(one.returned.exact == 610)
    }

    @Test func reconciliationShowsBothFiguresAndKeepsEverySource() {
        let rows = [Self.row("2024-01-03", 230), Self.row("2024-12-30", 189)]
        let reported = [
            ReportedTotal(periodStart: Day(iso: "2024-01-01")!, periodEnd: Day(iso: "2024-12-31")!, metric: .released,
                          value: 420, qualifier: .exact, publication: "a", sourceURL: "https://a.org"),
            ReportedTotal(periodStart: Day(iso: "2024-01-01")!, periodEnd: Day(iso: "2024-12-31")!, metric: .released,
                          value: 420, qualifier: .exact, publication: "b", sourceURL: "https://b.org"),
            ReportedTotal(periodStart: Day(iso: "2022-02-24")!, periodEnd: Day(iso: "2024-12-30")!, metric: .released,
                          value: 500, qualifier: .atLeast, sourceURL: "https://c.org", quote: "more than 500"),
            ReportedTotal(periodStart: Day(iso: "2024-01-01")!, periodEnd: Day(iso: "2024-12-31")!, metric: .bodiesReturned,
                          value: nil, sourceURL: "https://d.org"),
        ]
        let r = Reconciliation(exchanges: rows, reported: reported)
        #expect(r.years.count == 1)
        let year = r.years[0]
        #expect(year.comparisons.count == 1)
        #expect(year.comparisons[0].reports.map(\.publication) == ["a", "b"])
        #expect(year.comparisons[0].difference == -1)
        #expect(r.otherPeriods.count == 1)
        #expect(r.otherPeriods[0].isLowerBound)
        #expect(r.otherPeriods[0].difference == -81)
        #expect(r.withoutValue.map(\.sourceURL) == ["https://d.org"])
    }
}

extension AggregateTests {
    @Test func indexFindsByDateWhateverTheInputOrder() {
        let rows = [Self.row("2024-12-30", 189), Self.row("2022-03-01", 5), Self.row("2024-01-03", 230)]
        let index = ExchangeIndex(rows)
        #expect(index.sorted.map(\.date.iso) == ["2022-03-01", "2024-01-03", "2024-12-30"])
        #expect(index[Day(iso: "2024-01-03")!]?.returnedTotal == 230)
        #expect(index[Day(iso: "2024-01-04")!] == nil)
        #expect(index[Day(iso: "2030-01-01")!] == nil)
        #expect(ExchangeIndex([])[Day(iso: "2024-01-03")!] == nil)
    }
}
