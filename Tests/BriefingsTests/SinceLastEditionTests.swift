import ExchangeModel
import ExchangeStore
import PropertyBased
import Testing
@testable import Briefings

/// "Since the last edition": the previous weekly edition's figures are the record as it stood when
/// that edition was prepared, rebuilt from the history, never the current record read backwards.
struct SinceLastEditionTests {
    struct Case: CustomStringConvertible, Sendable {
        var exchanges: [Exchange]
        var week: Period
        /// A row dated before the week, corrected during it (old count), and one added during it.
        var corrected: (index: Int, old: Int?)?
        var added: Int?
        var description: String {
            "\(week.slug), \(exchanges.count) rows, corrected \(corrected.map { "\($0.index) from \($0.old.map(String.init) ?? "empty")" } ?? "none"), added \(added.map(String.init) ?? "none")"
        }
    }

    static let cases = Generator<Case, Shrink.None<Case>> { rng in
        let exchanges = LanguageTests.record(&rng).exchanges
        let anchor = exchanges.isEmpty ? Fixtures.today : exchanges[Int.random(in: 0..<exchanges.count, using: &rng)].date
        let week = Period.lastCompletedWeek(before: anchor.adding(days: Int.random(in: 0...30, using: &rng)))
        let earlier = exchanges.indices.filter { exchanges[$0].date < week.start }
        var corrected: (Int, Int?)?
        var added: Int?
        if let i = earlier.randomElement(using: &rng), Bool.random(using: &rng) {
            corrected = (i, Bool.random(using: &rng) ? Int.random(in: 1...500, using: &rng) : nil)
        }
        if let i = earlier.randomElement(using: &rng), i != corrected?.0, Bool.random(using: &rng) { added = i }
        return Case(exchanges: exchanges, week: week, corrected: corrected, added: added)
    }

    @Test func thePreviousEditionCountsTheRecordAsItThenStood() async {
        await propertyCheck(count: 200, input: Self.cases) { c in
            let during = c.week.start.adding(days: 2).iso + "T09:00:00Z"
            var history: [HistoryEntry] = []
            // The seed is where the store began, not a change: it never counts as one.
            history.append(HistoryEntry(at: during, by: "seed", origin: "seed: Data/exchanges.csv", kind: .added, recordType: "exchange",
                                        recordKey: c.exchanges.first?.date.iso ?? "2022-03-01", changes: [], sourceURL: nil))
            var then = c.exchanges
            if let (i, old) = c.corrected {
                let row = c.exchanges[i]
                history.append(HistoryEntry(at: during, by: "editor", origin: "fix.csv", kind: .updated, recordType: "exchange",
                                            recordKey: row.date.iso,
                                            changes: [FieldChange(field: "returned_total", old: old.map(String.init), new: row.returnedTotal.map(String.init))],
                                            sourceURL: "https://example.org/fix"))
                then[i].returnedTotal = old
            }
            if let i = c.added {
                history.append(HistoryEntry(at: during, by: "editor", origin: "late.csv", kind: .added, recordType: "exchange",
                                            recordKey: c.exchanges[i].date.iso, changes: [], sourceURL: nil))
                then.remove(at: i)
            }
            let facts = BriefingFacts(period: c.week, exchanges: c.exchanges, reported: [], history: history, today: Fixtures.today,
                                      staleAfter: 14, lastCheck: nil)
            // A week whose previous edition lies before the record's coverage (or an empty record) has nothing to compare with.
            if facts.coverageStart.map({ c.week.start.adding(days: -1) < $0 }) ?? true { #expect(facts.sinceLastEdition == nil, "\(c)"); return }
            guard let since = facts.sinceLastEdition else { Issue.record("no section for \(c)"); return }
            let previousEnd = c.week.start.adding(days: -1)
            let expectedBefore = PeriodSummary(then, from: previousEnd.startOfYear, to: previousEnd)
            #expect(since.previous.end == previousEnd)
            #expect(since.yearBefore.returned == expectedBefore.returned, "\(c)")
            #expect(since.yearBefore.exchanges == expectedBefore.exchanges, "\(c)")
            #expect(since.yearNow.returned == PeriodSummary(c.exchanges, from: c.week.end.startOfYear, to: c.week.end).returned)
            #expect(since.corrections == (c.corrected == nil ? 0 : 1), "\(c)")
            #expect(since.added.map(\.date) == c.added.map { [c.exchanges[$0].date] } ?? [], "\(c)")
        }
    }

    @Test func everyWeeklyEditionSaysWhatChangedInBothLanguagesAndOtherKindsDoNot() throws {
        for period in [Period.week("2025-W21")!, Period.week("2026-W01")!, Period.week("2023-W40")!, Period.week("2022-W09")!] {
            let documents = try BriefingTests.render(period, today: "2026-11-26", formats: [.txt])
            let en = try #require(documents["en/briefing.txt"]).flattened, uk = try #require(documents["uk/briefing.txt"]).flattened
            #expect(en.contains("Since the last edition"), "\(period.slug)")
            #expect(uk.contains("Що змінилося від попереднього випуску"), "\(period.slug)")
            #expect(en.contains("No corrections were made to the record."), "\(period.slug)")
            #expect(uk.contains("Виправлень у даних Homecoming не було."), "\(period.slug)")
            // Said once: the corrections section is left out when the edition has none.
            #expect(!en.contains("No corrections were made to the record in this period."), "\(period.slug)")
        }
        // A week before the record has no earlier edition to differ from, and nothing in it was corrected.
        let before = try BriefingTests.render(Period.week("2021-W10")!, today: "2026-11-26", formats: [.txt])
        let beforeEN = try #require(before["en/briefing.txt"]).flattened, beforeUK = try #require(before["uk/briefing.txt"]).flattened
        #expect(!beforeEN.contains("Since the last edition") && !beforeEN.contains("Corrections to the record"))
        #expect(!beforeUK.contains("Що змінилося від попереднього випуску") && !beforeUK.contains("Виправлення в даних Homecoming"))
        #expect(beforeEN.contains("The record covers exchanges from 24 February 2022 on"))
        let w21 = try BriefingTests.render(Period.week("2025-W21")!, today: "2026-11-26", formats: [.txt])
        #expect(try #require(w21["en/briefing.txt"]).flattened.contains("The record's total for 2025 went from 854 people in 5 exchanges"))
        for period in [Period.year(2025)!, Period(kind: .range, start: Day(iso: "2025-05-01")!, end: Day(iso: "2025-07-31")!)] {
            let documents = try BriefingTests.render(period, today: "2026-11-26", formats: [.txt])
            #expect(!(try #require(documents["en/briefing.txt"])).contains("Since the last edition"))
            #expect(!(try #require(documents["uk/briefing.txt"])).contains("від попереднього випуску"))
        }
    }
}
