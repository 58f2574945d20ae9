import ExchangeModel
import ExchangeStore
import Foundation
import PropertyBased
import Testing
@testable import Briefings

/// Known gaps: a comparison with a reported total is followed by what the record's keepers know
/// about the difference, from `known_gaps.csv`, in the document's language, each with its source.
struct KnownGapTests {
    @Test func theBundledFileIsReadAndEveryGapHasBothLanguagesAndASource() throws {
        #expect(Fixtures.knownGaps.count >= 5)
        for gap in Fixtures.knownGaps {
            #expect(gap.periodStart <= gap.periodEnd)
            #expect(!gap.explanation.isEmpty && !gap.explanationUK.isEmpty)
            #expect(gap.sourceURL.hasPrefix("https://") || gap.sourceURL.hasPrefix("http://"))
            #expect(LanguageTests.strayLatin(gap.explanationUK) == [], "\(gap.explanationUK)")
            #expect(LanguageTests.strayCyrillic(gap.explanation) == [], "\(gap.explanation)")
        }
    }

    @Test func theYearOf2022IsExplainedInBothLanguagesWithSources() throws {
        let documents = try BriefingTests.render(Period.year(2022)!, today: "2026-11-26", formats: [.md])
        let en = try #require(documents["en/briefing.md"]).flattened, uk = try #require(documents["uk/briefing.md"]).flattened
        #expect(en.contains("What is known about the difference:"))
        #expect(en.contains("around 24 November 2022 has no dated source"))
        #expect(en.contains("(https://ruwar.org/cz/2022-12-ukrajina-vratila-ze-zajeti-dalsich-64-obrancu)"))
        // Sources named as the rows' are, in the document's language.
        #expect(en.contains("[Babel](https://babel.ua/en/news/85052"))
        #expect(uk.contains("[«Бабель»](https://babel.ua/en/news/85052"))
        #expect(uk.contains("Чим може пояснюватися розбіжність:"))
        #expect(uk.contains("близько 24 листопада 2022 року повернуто приблизно 50 людей, не має датованого джерела"))
        // Nothing of 2025 bears on 2022.
        #expect(!en.contains("outside the exchanges"))
    }

    @Test func totalsViaExchangesOnlyGetTheOutsideExchangesCaveatAndOthersDoNot() throws {
        let gap = try #require(Fixtures.knownGaps.first { $0.kind == .outsideExchanges })
        let within = ReportedTotal(periodStart: Day(iso: "2025-01-01")!, periodEnd: Day(iso: "2025-12-31")!, metric: .released, value: 2310,
                                   qualifier: .exact, counts: .exchanges, sourceURL: "https://example.org/a")
        #expect(gap.bears(on: within))
        var all = within
        all.counts = .allReturns
        #expect(!gap.bears(on: all))
        var before = within
        before.periodEnd = Day(iso: "2025-04-01")!
        #expect(!gap.bears(on: before))
    }

    /// Over generated gaps and totals: a gap is offered for a comparison exactly when its span lies
    /// within the total's and its kind of total matches; never for a count of exchanges or bodies.
    @Test func aGapBearsExactlyOnTheTotalsWhoseSpanHoldsIt() async {
        let cases = Generator<(KnownGap, ReportedTotal), Shrink.None<(KnownGap, ReportedTotal)>> { rng in
            let base = Day(iso: "2022-02-24")!
            func span() -> (Day, Day) {
                let a = Int.random(in: 0...1500, using: &rng), b = a + Int.random(in: 0...500, using: &rng)
                return (base.adding(days: a), base.adding(days: b))
            }
            let (gs, ge) = span(), (ts, te) = span()
            let scopes: [ReportedTotal.Scope?] = [nil] + ReportedTotal.Scope.allCases.map { $0 }
            let gap = KnownGap(periodStart: gs, periodEnd: ge, kind: KnownGap.Kind.allCases[Int.random(in: 0..<4, using: &rng)],
                               appliesTo: scopes[Int.random(in: 0..<scopes.count, using: &rng)], explanation: "e", explanationUK: "у",
                               sourceURL: "https://example.org/g")
            let total = ReportedTotal(periodStart: ts, periodEnd: te, metric: [.released, .exchanges, .bodiesReturned][Int.random(in: 0..<3, using: &rng)],
                                      value: 100, qualifier: .exact, counts: scopes[Int.random(in: 0..<scopes.count, using: &rng)],
                                      sourceURL: "https://example.org/t")
            return (gap, total)
        }
        await propertyCheck(count: 500, input: cases) { gap, total in
            let facts = BriefingFacts(period: Period.year(2025)!, exchanges: [], reported: [], history: [], today: Fixtures.today,
                                      staleAfter: 14, lastCheck: nil, knownGaps: [gap])
            let offered = !facts.knownGaps(bearingOn: total).isEmpty
            let expected = total.metric == .released && (gap.kind != .undated || gap.people != nil) && gap.periodStart >= total.periodStart && gap.periodEnd <= total.periodEnd
                && (gap.appliesTo == nil || gap.appliesTo == total.counts)
            #expect(offered == expected)
        }
    }

    /// Over generated records, totals and gaps: a comparison is flagged as a floor exactly when a gap
    /// that misses people bears on its total, and "Since the last edition" bounds the gap as the
    /// Context's comparison with the same total does.
    @Test func everySentenceAboutAComparisonBoundsItAlike() async {
        let cases = Generator<([Exchange], ReportedTotal, KnownGap), Shrink.None<([Exchange], ReportedTotal, KnownGap)>> { rng in
            let exchanges = LanguageTests.record(&rng).exchanges
            let base = Day(iso: "2022-02-24")!
            let end = base.adding(days: Int.random(in: 30...1400, using: &rng))
            let total = ReportedTotal(periodStart: base, periodEnd: end, metric: .released, value: Int.random(in: 1...6000, using: &rng),
                                      qualifier: .exact, counts: .allReturns, sourceURL: "https://example.org/t")
            let gs = base.adding(days: Int.random(in: 0...1500, using: &rng))
            let gap = KnownGap(periodStart: gs, periodEnd: gs.adding(days: Int.random(in: 0...300, using: &rng)),
                               kind: KnownGap.Kind.allCases[Int.random(in: 0..<4, using: &rng)], people: Bool.random(using: &rng) ? 50 : nil,
                               explanation: "e", explanationUK: "у", sourceURL: "https://example.org/g")
            return (exchanges, total, gap)
        }
        await propertyCheck(count: 300, input: cases) { exchanges, total, gap in
            let week = Period.lastCompletedWeek(before: total.periodEnd.adding(days: 20))
            let facts = BriefingFacts(period: week, exchanges: exchanges, reported: [total], history: [], today: Fixtures.today,
                                      staleAfter: 14, lastCheck: nil, knownGaps: [gap])
            guard let official = facts.latestOfficial, let since = facts.sinceLastEdition, let now = since.officialNow else { return }
            #expect(official.missesKnownPeople == (gap.kind.missesPeople && gap.bears(on: total)), "\(gap.kind) \(gap.periodStart.iso)")
            #expect(now.missesKnownPeople == official.missesKnownPeople)
            guard official.difference != 0 else { return }
            let s = BriefingStrings(language: .en, words: RecordWords(language: .en, vocabularies: Fixtures.vocabularies))
            // The Context's gap phrase ("at most 141 fewer", "141 fewer") is the one the section says.
            let context = s.official(official), lines = s.sinceLastEdition(since).joined(separator: " ")
            var phrase = context.components(separatedBy: "for the same span, ").last.map { String($0.dropLast()) } ?? ""
            if phrase.hasPrefix("so ") { phrase.removeFirst(3) }
            #expect(lines.contains("counts \(phrase)."), "\(context) | \(lines)")
        }
    }

    @Test func aBadLineIsLocatedAndNothingIsRead() throws {
        let header = KnownGap.fileHeader.joined(separator: ",")
        let text = header + "\n2025-06-09,2025-07-23,undisclosed,1000,at_least,,Withheld,,,,,https://example.org/a\n"
            + "2025-07-23,2025-06-09,gone,12,,,Text,Текст,babel,via X,,ftp://x\n"
        #expect(throws: StoreError.self) { try KnownGap.read(bytes: Array(text.utf8), name: "known_gaps.csv") }
        do {
            _ = try KnownGap.read(bytes: Array(text.utf8), name: "known_gaps.csv")
        } catch {
            let message = error.description
            #expect(message.contains("known_gaps.csv:2:"), "\(message)")
            #expect(message.contains("explanation_uk is empty"), "\(message)")
            #expect(message.contains("known_gaps.csv:3:"), "\(message)")
            #expect(message.contains("kind \"gone\" is not one of missing, undated, undisclosed, outside_exchanges"), "\(message)")
            #expect(message.contains("qualifier is empty"), "\(message)")
            #expect(message.contains("not an http or https address"), "\(message)")
            #expect(message.contains("period_end 2025-06-09 is before period_start 2025-07-23"), "\(message)")
            #expect(message.contains("source_detail_uk is empty"), "\(message)")
        }
        #expect(throws: StoreError.self) { try KnownGap.read(bytes: Array("period,end\n".utf8), name: "known_gaps.csv") }
        var vocabularies = Vocabularies()
        vocabularies.publications.add(.init(code: "babel", name: "Babel", nameUK: "«Бабель»"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gaps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((header + "\n2025-06-09,2025-07-23,undisclosed,,,,Withheld,Приховано,unknown-outlet,,,https://example.org/a\n").utf8)
            .write(to: directory.appendingPathComponent(KnownGap.fileName))
        #expect(throws: StoreError.self) { try KnownGap.load(directory: directory.path, vocabularies: vocabularies) }
        let empty = try KnownGap.load(directory: FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path)
        #expect(empty.isEmpty)
    }
}
