import ExchangeModel
import Testing

@Suite("Day: calendar dates without time zones")
struct DayTests {
    @Test(arguments: ["2024-02-29", "2022-02-24", "2000-02-29", "1999-12-31"])
    func parsesRealDates(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "2024-01-00"])
    func refusesImpossibleDates(_ text: String) {
        #expect(Day(iso: text) == nil)
        #expect(Day.hasISOShape(text))
    }

    @Test(arguments: ["30/12/2024", "2024-1-5", "2024-01-05T00:00", " 2024-01-05", "20240105", ""])
    func refusesOtherShapes(_ text: String) {
        #expect(Day(iso: text) == nil)
        #expect(!Day.hasISOShape(text))
    }

    @Test func arithmeticRoundTrips() throws {
        let start = try #require(Day(iso: "2022-02-24"))
        #expect(start.adding(days: 365 + 365).iso == "2024-02-24")
        #expect(start.days(to: try #require(Day(iso: "2024-12-30"))) == 1040)
        #expect(Day(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(try #require(Day(iso: "2024-02-28")).adding(days: 2).iso == "2024-03-01")
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(daysSinceEpoch: offset).daysSinceEpoch == offset)
        }
    }

    @Test func ordersChronologically() throws {
        let a = try #require(Day(iso: "2024-12-30")), b = try #require(Day(iso: "2025-01-15"))
        #expect(a < b)
        #expect(a.endOfYear.iso == "2024-12-31")
        #expect(b.startOfYear.iso == "2025-01-01")
    }
}
