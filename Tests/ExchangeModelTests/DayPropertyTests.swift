import ExchangeModel
import PropertyBased
import Testing

/// A day keeps its year, month and day, orders as the calendar does, and is equal only to itself,
/// over generated days from the proleptic past to the year 9999.
@Suite("Days over generated dates")
struct DayPropertyTests {
    static let days = Generator<Day, Shrink.None<Day>> { rng in
        Int.random(in: 0..<4, using: &rng) == 0
            ? Day(daysSinceEpoch: Int.random(in: -3_000_000...2_900_000, using: &rng))
            : Day(year: Int.random(in: 1...9999, using: &rng), month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
    }

    @Test func aDayKeepsItsPartsAndOrdersAsTheCalendar() async {
        await propertyCheck(count: 3000, input: Self.days, Self.days) { a, b in
            if (1...9999).contains(a.year) {
                #expect(Day(year: a.year, month: a.month, day: a.day) == a)
                #expect(Day(iso: a.iso) == a, "\(a.iso)")
            }
            #expect(Day(daysSinceEpoch: a.daysSinceEpoch) == a)
            #expect((a < b) == ((a.year, a.month, a.day) < (b.year, b.month, b.day)), "\(a) \(b)")
            #expect((a == b) == ((a.year, a.month, a.day) == (b.year, b.month, b.day)), "\(a) \(b)")
            #expect((a < b) == (a.daysSinceEpoch < b.daysSinceEpoch))
            #expect(Set([a, b]).count == (a == b ? 1 : 2))
        }
    }
}
