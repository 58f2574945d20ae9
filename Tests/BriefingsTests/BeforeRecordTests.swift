@testable import Briefings
import ExchangeModel
import Foundation
import PropertyBased
import Testing

/// A period the record does not reach (it ends before the record's first exchange) is not a period
/// without exchanges: its figures are unknown, never 0, and every document and chart says where the
/// record starts.
@Suite("Periods before the record")
struct BeforeRecordTests {
    struct Case: CustomStringConvertible, Sendable {
        var record: LanguageTests.GeneratedRecord
        var period: Period
        var description: String { "\(period.kind.rawValue) \(period.start.iso)…\(period.end.iso); \(record)" }
    }

    /// A generated record (never empty) and a week, a year or a range that ends before its first exchange.
    static let cases = Generator<Case, Shrink.None<Case>> { rng in
        var (exchanges, reported) = LanguageTests.record(&rng)
        if exchanges.isEmpty {
            exchanges = [Exchange(date: Day(iso: "2022-03-01")!, returnedTotal: 5, publication: "ukrainska-pravda", sourceURL: "https://example.org/0", confidence: .high)]
        }
        // The record covers exchanges from the invasion on, or from its first exchange if that is earlier.
        let first = min(exchanges[0].date, ChartBuilder.invasion)
        let end = Day(daysSinceEpoch: Int.random(in: Day(iso: "2014-01-01")!.daysSinceEpoch...(first.daysSinceEpoch - 1), using: &rng))
        let period: Period
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            // The ISO week that ends before the first exchange.
            let week = Period.lastCompletedWeek(before: end.adding(days: 1))
            period = week.end < first ? week : Period(kind: .range, start: end, end: end)
        case 1:
            period = end.year < first.year ? Period.year(end.year)! : Period(kind: .range, start: end.startOfYear, end: end)
        default:
            period = Period(kind: .range, start: end.adding(days: -Int.random(in: 0...400, using: &rng)), end: end)
        }
        return Case(record: .init(exchanges: exchanges, reported: reported), period: period)
    }

    @Test func aPeriodBeforeTheRecordIsUnknownNotZeroInEveryDocumentAndChart() async {
        await propertyCheck(count: 40, input: Self.cases) { c in Self.check(c) }
    }

    static func check(_ c: Case) {
            let exchanges = c.record.exchanges, first = min(exchanges[0].date, ChartBuilder.invasion)
            let record = BriefingDocuments.Record(exchanges: exchanges, reported: c.record.reported, history: [], lastCheck: nil,
                                                  vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
            let documents: [String: String]
            do { documents = try BriefingTests.render(c.period, today: "2026-11-26", formats: [.txt, .md], record: record) } catch {
                Issue.record("\(c): \(error)"); return
            }
            for language in Language.allCases {
                let date = language.longDate(first)
                // The Markdown, whose lines are not wrapped.
                guard let text = documents["\(language.rawValue)/briefing.md"]?.replacingOccurrences(of: "\u{00A0}", with: " ") else { Issue.record("no \(language) text: \(c)"); continue }
                // Every headline figure is "not known", none is 0; the first says where the record starts.
                let heading = language == .en ? "Headline figures" : "Основні цифри"
                let block = text.components(separatedBy: "## " + heading + "\n\n").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
                let figures = block.split(separator: "\n")
                #expect(figures.count == 4, "\(language) headline: \(block) — \(c)")
                for line in figures {
                    #expect(line.contains(language == .en ? "not known" : "невідомо"), "\(line) — \(c)")
                    #expect(!line.hasSuffix(" 0"), "\(line) — \(c)")
                }
                #expect(figures.first?.contains(date) ?? false, "\(language): the headline does not say where the record starts — \(c)")
                // Nothing is compared with an earlier edition; no sentence ends twice (a date's «р.» before a full stop).
                #expect(!text.contains(language == .en ? "Since the last edition" : "від попереднього випуску"), "\(c)")
                for (name, document) in documents where name.hasPrefix(language.rawValue) {
                    #expect(!document.replacingOccurrences(of: "...", with: "").contains(".."), "\(name) has '..': \(c)")
                }
                // The briefing draws no charts; a chart of the period says the record does not cover it, and the
                // per-year data file leaves the counts empty.
                #expect(!text.contains(".png"), "\(language): a chart in a briefing before the record — \(c)")
                for kind in ChartRequest.Kind.allCases {
                    let request = ChartRequest(kind: kind, to: c.period.end, language: language, width: 1200, height: 675, organisation: "Homecoming",
                                               today: Fixtures.today)
                    let content = ChartBuilder.build(request, exchanges: exchanges, reported: c.record.reported, vocabularies: Fixtures.vocabularies, knownGaps: Fixtures.knownGaps)
                    #expect(content.spec.emptyMessage?.contains(ChartStrings(language: language).longDate(first)) ?? false,
                            "\(kind) \(language): \(content.spec.emptyMessage ?? "no message") — \(c)")
                    #expect(content.spec.description == content.spec.emptyMessage, "\(kind) \(language): \(content.spec.description) — \(c)")
                    if kind == .perYear {
                        for row in content.table.dropFirst() { let empty = row[4...6].allSatisfy { $0.isEmpty }; #expect(empty, "\(row) — \(c)") }
                    }
                }
            }
        }
}
