import Briefings
import Charts
import ExchangeModel
import ExchangeStore
import Foundation
import PropertyBased
import Testing

/// Every Ukrainian output is in Ukrainian, every English one in English: the rule checked on the
/// bundled record and on generated ones, for every kind of briefing, every format and every chart.
@Suite("One language per document: no stray Latin in Ukrainian, no stray Cyrillic in English")
struct LanguageTests {
    /// The Latin-script names a Ukrainian document may hold (`Data/latin-names.txt`), longest first.
    static let allowed: [String] = {
        let text = try! String(contentsOf: Fixtures.root.appendingPathComponent("Data/latin-names.txt"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }.sorted { $0.count > $1.count }
    }()

    /// The text a reader sees: markup, styles and inline charts removed (their alt texts and titles are checked apart).
    static func visible(_ document: String) -> String {
        var text = document
        for block in ["style", "svg", "script", "picture"] {
            text = text.replacingOccurrences(of: "<\(block)[\\s\\S]*?</\(block)>", with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return text.replacingOccurrences(of: "&[a-z]+;|&#[0-9]+;", with: " ", options: .regularExpression)
    }

    /// The Latin words left once addresses, host and file names, the product name and the allowed names are taken out.
    static func strayLatin(_ text: String) -> [String] {
        var rest = text.replacingOccurrences(of: "[\\s\u{00A0}]+", with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: "https?://[^\\s)\\]>\"]+", with: " ", options: .regularExpression)
        rest = rest.replacingOccurrences(of: "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.(csv|png|svg|html|md|txt|json|xml|com|net|org|ua|ru|news|biz|agency|uk)\\b",
                                         with: " ", options: .regularExpression)
        for name in allowed { rest = rest.replacingOccurrences(of: name, with: " ") }
        rest = rest.replacingOccurrences(of: "Homecoming", with: " ")
        // People's names as they typed them, in the history of the test record (BriefingTests.record).
        rest = rest.replacingOccurrences(of: "Olena K.", with: " ")
        let words = rest.matches(of: /[A-Za-z]+/).map { String($0.output) }
        return Array(Set(words)).sorted()
    }

    static func strayCyrillic(_ text: String) -> [String] {
        Array(Set(text.matches(of: /[\p{Script=Cyrillic}]+/).map { String($0.output) })).sorted()
    }

    /// Every text a chart shows or says, for `request` over `record`.
    static func chartTexts(_ request: ChartRequest, _ exchanges: [Exchange], _ reported: [ReportedTotal], _ vocabularies: Vocabularies) throws -> String {
        let content = ChartBuilder.build(request, exchanges: exchanges, reported: reported, vocabularies: vocabularies, knownGaps: Fixtures.knownGaps)
        let spec = content.spec
        let scene = ChartFiles.scene(spec, width: request.width, height: request.height, theme: Fixtures.theme("light"), measurer: try Fixtures.measurer())
        let drawn = scene.marks.compactMap { mark -> String? in if case let .text(text, _, _, _, _, _) = mark { return text } else { return nil } }
        var texts: [String] = [spec.title, spec.subtitle, spec.description, spec.source, spec.note ?? "", spec.byline ?? ""]
        texts += spec.legend.map(\.label)
        texts += drawn
        texts += content.sources.map(\.name)
        return texts.joined(separator: "\n")
    }

    static let periods: [Period] = {
        var periods: [Period] = (2022...2025).compactMap { Period.year($0) }
        for (year, week) in [(2022, 13), (2023, 35), (2024, 1), (2025, 1), (2025, 21), (2025, 24), (2026, 10), (2026, 16), (2026, 47)] {
            periods.append(Period.week(String(format: "%04d-W%02d", year, week))!)
        }
        periods.append(Period(kind: .range, start: Day(iso: "2024-12-20")!, end: Day(iso: "2025-01-10")!))
        periods.append(Period(kind: .range, start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-12-31")!))
        return periods
    }()

    @Test func theBundledRecordSpeaksOneLanguagePerDocument() throws {
        for period in Self.periods {
            let documents = try BriefingTests.render(period, today: "2026-11-26")
            for (name, text) in documents {
                let visible = Self.visible(text)
                if name.hasPrefix("uk/") {
                    #expect(Self.strayLatin(visible) == [], "\(period.slug) \(name)")
                } else {
                    #expect(Self.strayCyrillic(visible) == [], "\(period.slug) \(name)")
                }
            }
        }
        for kind in ChartRequest.Kind.allCases {
            for language in Language.allCases {
                let request = ChartRequest(kind: kind, language: language, width: 1200, height: 675, organisation: "Homecoming", today: Fixtures.today)
                let text = try Self.chartTexts(request, Fixtures.bundled.exchanges, Fixtures.bundled.reported, Fixtures.vocabularies)
                if language == .uk { #expect(Self.strayLatin(text) == [], "\(kind)") } else { #expect(Self.strayCyrillic(text) == [], "\(kind)") }
            }
        }
    }

    @Test func aUkrainianTextLeftOutIsSaidInUkrainianNamingTheField() throws {
        var exchanges = Fixtures.bundled.exchanges
        let i = try #require(exchanges.firstIndex { $0.date.iso == "2024-12-30" })
        exchanges[i].notesUK = nil
        exchanges[i].sourceDetailUK = nil
        let record = BriefingDocuments.Record(exchanges: exchanges, reported: Fixtures.bundled.reported, history: [], lastCheck: nil,
                                              vocabularies: Fixtures.vocabularies)
        let documents = try BriefingTests.render(Period.week("2025-W01")!, today: "2026-11-26", formats: [.txt], record: record)
        let uk = try #require(documents["uk/briefing.txt"]).flattened
        #expect(uk.contains("[українського тексту ще немає: заповніть поле notes_uk]"))
        #expect(uk.contains("[українського тексту ще немає: заповніть поле source_detail_uk]"))
        #expect(!uk.contains("11th exchange of 2024"))
        #expect(Self.strayLatin(uk) == [])
        let en = try #require(documents["en/briefing.txt"]).flattened
        #expect(en.contains("11th exchange of 2024"))
    }

    /// A generated record: codes from the vocabularies, texts in both languages, totals of every qualifier and scope.
    static func record(_ rng: inout any SeededRandomNumberGenerator) -> (exchanges: [Exchange], reported: [ReportedTotal]) {
        let v = Fixtures.vocabularies
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        let mediators = v.mediators.entries.map(\.code), publications = v.publications.entries.map(\.code), bodies = v.reportingBodies.entries.map(\.code)
        var exchanges: [Exchange] = []
        var day = Day(iso: "2022-02-24")!
        for i in 0..<Int.random(in: 0...40, using: &rng) {
            day = day.adding(days: Int.random(in: 1...90, using: &rng))
            guard day < Fixtures.today else { break }
            let undisclosed = Int.random(in: 0..<5, using: &rng) == 0
            let withDetail = Bool.random(using: &rng)
            exchanges.append(Exchange(
                date: day, partOf: i > 0 && Int.random(in: 0..<6, using: &rng) == 0 ? exchanges[i - 1].exchangeKey : nil,
                returnedTotal: undisclosed ? nil : Int.random(in: 1...500, using: &rng),
                releasedToRussia: Bool.random(using: &rng) ? Int.random(in: 1...500, using: &rng) : nil,
                bodiesReturned: Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 1...100, using: &rng) : nil,
                mediator: Bool.random(using: &rng) ? pick(mediators) : nil,
                notes: "Note \(i)", notesUK: "Примітка \(i)", publication: pick(publications),
                sourceDetail: withDetail ? "via somewhere" : nil, sourceDetailUK: withDetail ? "через якесь джерело" : nil,
                sourceURL: "https://example.org/\(i)", confidence: undisclosed ? nil : pick([.high, .medium, .low])))
        }
        for i in exchanges.indices where exchanges[i].partOf == nil && Bool.random(using: &rng) { exchanges[i].ordinal = i + 1 }
        var reported: [ReportedTotal] = []
        for i in 0..<Int.random(in: 0...12, using: &rng) {
            let end = exchanges.isEmpty ? Fixtures.today : pick(exchanges).date
            let year = Bool.random(using: &rng)
            let start = year ? end.startOfYear : Day(iso: "2022-02-24")!
            let value = Int.random(in: 2...9000, using: &rng)
            let derived = Int.random(in: 0..<4, using: &rng) == 0
            reported.append(ReportedTotal(
                periodStart: start, periodEnd: year ? end.endOfYear : end, metric: pick([.released, .released, .exchanges]), value: value,
                qualifier: pick(ReportedTotal.Qualifier.allCases), counts: Bool.random(using: &rng) ? pick(ReportedTotal.Scope.allCases) : nil,
                derivedFrom: derived ? "\(value + 1) - 1" : nil, countedBy: Bool.random(using: &rng) ? pick(bodies) : nil,
                announcedBy: Bool.random(using: &rng) ? pick(bodies) : nil, reportedOn: end, publication: pick(publications),
                sourceURL: "https://example.org/t\(i)", notes: "Total \(i)", notesUK: "Підсумок \(i)"))
        }
        return (exchanges, reported)
    }

    struct GeneratedRecord: CustomStringConvertible, Sendable {
        var exchanges: [Exchange]
        var reported: [ReportedTotal]
        var description: String { "\(exchanges.count) rows, \(reported.count) totals: " + exchanges.prefix(8).map(\.date.iso).joined(separator: " ") }
    }

    static let records = Generator<GeneratedRecord, Shrink.None<GeneratedRecord>> { rng in
        let (exchanges, reported) = record(&rng)
        return GeneratedRecord(exchanges: exchanges, reported: reported)
    }

    @Test func aGeneratedRecordSpeaksOneLanguagePerDocument() async throws {
        await propertyCheck(count: 20, input: Self.records) { generated in
            let (exchanges, reported) = (generated.exchanges, generated.reported)
            let record = BriefingDocuments.Record(exchanges: exchanges, reported: reported, history: [], lastCheck: nil, vocabularies: Fixtures.vocabularies)
            let periods = [exchanges.last.map { Period.lastCompletedWeek(before: $0.date.adding(days: 7)) } ?? Period.year(2024)!,
                           Period.year(exchanges.first?.date.year ?? 2023)!]
            for period in periods {
                let documents: [String: String]
                do { documents = try BriefingTests.render(period, today: "2026-11-26", record: record) } catch {
                    Issue.record("\(period.slug): \(error)")
                    continue
                }
                for (name, text) in documents {
                    let visible = Self.visible(text)
                    if name.hasPrefix("uk/") { #expect(Self.strayLatin(visible) == [], "\(period.slug) \(name)") }
                    else { #expect(Self.strayCyrillic(visible) == [], "\(period.slug) \(name)") }
                }
            }
        }
    }
}
