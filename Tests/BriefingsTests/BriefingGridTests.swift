import Briefings
import ExchangeModel
import ExchangeStore
import Foundation
import Testing

/// Every kind of briefing over a grid of periods (weeks across 2022–2026, every year, ranges across
/// New Year, before the record and after its last exchange), in both languages and all formats:
/// the sentences stay true wherever the period falls.
@Suite("Briefings over a grid of periods")
struct BriefingGridTests {
    static let periods: [Period] = {
        var periods: [Period] = []
        var week = Period.week("2022-W09")!
        while week.start < Day(iso: "2026-11-23")! {
            periods.append(week)
            week = Period.lastCompletedWeek(before: week.end.adding(days: 1 + 7 * 6))
        }
        periods += (2021...2026).compactMap { Period.year($0) }
        periods += [("2024-12-20", "2025-01-10"), ("2022-12-25", "2023-01-07"), ("2021-06-01", "2021-12-31"), ("2026-06-01", "2026-11-22"),
                    ("2025-06-09", "2025-07-23")]
            .map { Period(kind: .range, start: Day(iso: $0.0)!, end: Day(iso: $0.1)!) }
        // The week of 30 December 2024, across New Year, and the first of 2025.
        periods += ["2025-W01", "2024-W52", "2026-W01"].compactMap { Period.week($0) }
        return periods
    }()

    /// What must never be printed, in any language or format.
    static let forbidden: [(String, String)] = [
        ("a comparison with nothing", #"\b0 (in|під час) 0\b|against 0\b|the 0 of|— 0 під час|,\s0 exchanges|in 0 exchanges|під час 0 обмінів|\b0 people|\b0 людей"#),
        ("a raw field marker", #"DERIVED|Lower bound|Sum derived|Approximate \(|\(\(|\)\)"#),
        ("a broken plural", #"\b1[  ](days|exchanges|bodies|stages|people|sources)\b|\b1[  ](днів|обмінів|етапів)\b"#),
        ("a difference stated twice", #"a difference of|різниця [−+-]"#),
    ]

    @Test func everySentenceHoldsForEveryPeriodLanguageAndFormat() throws {
        var checked = 0
        for period in Self.periods {
            let documents = try BriefingTests.render(period, today: "2026-11-26")
            let facts = BriefingFacts(period: period, exchanges: Fixtures.bundled.exchanges, reported: Fixtures.bundled.reported, history: [],
                                      today: Day(iso: "2026-11-26")!, staleAfter: 14, lastCheck: nil)
            for (name, text) in documents {
                checked += 1
                let visible = LanguageTests.visible(text)
                for (what, pattern) in Self.forbidden where visible.range(of: pattern, options: .regularExpression) != nil {
                    let match = visible.range(of: pattern, options: .regularExpression).map { String(visible[$0]) } ?? ""
                    Issue.record("\(period.slug) \(name): \(what): «\(match)»")
                }
                if name.hasPrefix("uk/") { #expect(LanguageTests.strayLatin(visible) == [], "\(period.slug) \(name)") }
                else { #expect(LanguageTests.strayCyrillic(visible) == [], "\(period.slug) \(name)") }
                // A sum that leaves out undisclosed stages says so in the headline.
                if facts.summary.returned.unknownCount > 0 {
                    #expect(visible.contains("at least") || visible.contains("щонайменше") || visible.contains("not disclosed") || visible.contains("не розголошено"),
                            "\(period.slug) \(name): undisclosed stages without \"at least\"")
                }
                // A date is never broken across lines, nor its parts spaced apart by a breakable space.
                let months = "January|February|March|April|May|June|July|August|September|October|November|December|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
                if name.hasSuffix(".txt"), let range = text.range(of: #"\b\d{1,2}[ \n]+("# + months + #")\b|\b(20\d\d)[ \n]+р\."#, options: .regularExpression) {
                    Issue.record("\(period.slug) \(name): a date that can break: «\(text[range])»")
                }
                // No section is printed empty.
                if name.hasSuffix(".html") {
                    #expect(text.range(of: #"<section>\s*<h2>[^<]*</h2>\s*</section>"#, options: .regularExpression) == nil, "\(period.slug) \(name): an empty section")
                }
            }
        }
        #expect(checked == Self.periods.count * 6)
    }
}
