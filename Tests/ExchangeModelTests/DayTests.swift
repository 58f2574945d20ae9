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

@Suite("ISO weeks and periods")
struct PeriodTests {
    @Test(arguments: [("2024-12-30", 2025, 1, 1), ("2024-12-29", 2024, 52, 7), ("2026-11-26", 2026, 48, 4), ("2021-01-03", 2020, 53, 7),
                      ("2026-01-01", 2026, 1, 4), ("2022-02-24", 2022, 8, 4)])
    func isoWeekOfADay(day: String, year: Int, week: Int, weekday: Int) throws {
        let d = try #require(Day(iso: day))
        #expect(d.isoWeek == (year, week))
        #expect(d.isoWeekday == weekday)
    }

    @Test func weeksParseAndRoundTrip() throws {
        let w52 = try #require(Period.week("2024-W52"))
        #expect(w52.start.iso == "2024-12-23")
        #expect(w52.end.iso == "2024-12-29")
        #expect(w52.slug == "2024-W52")
        #expect(Period.week("2020-W53")?.start.iso == "2020-12-28")
        #expect(Period.week("2021-W53") == nil)
        #expect(Period.week("2024-52") == nil)
        #expect(Period.week("2024-W00") == nil)
    }

    @Test func lastCompletedWeek() throws {
        // Thursday 26 November 2026: the last completed week is 16–22 November, week 47.
        let week = Period.lastCompletedWeek(before: try #require(Day(iso: "2026-11-26")))
        #expect(week.slug == "2026-W47")
        #expect(week.start.iso == "2026-11-16")
        #expect(week.end.iso == "2026-11-22")
        // On a Monday the week just ended counts; on a Sunday it does not yet.
        #expect(Period.lastCompletedWeek(before: try #require(Day(iso: "2026-11-23"))).slug == "2026-W47")
        #expect(Period.lastCompletedWeek(before: try #require(Day(iso: "2026-11-22"))).slug == "2026-W46")
    }

    @Test func datesReadFromBytesAsFromText() {
        for text in ["2024-12-30", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "20241230xx", "", "9999-12-31", "0000-01-01"] {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { Day(isoBytes: $0) }
            #expect(fromBytes == Day(iso: text), "\(text)")
        }
        #expect(Array("2024-12-30".utf8).withUnsafeBufferPointer { Day(isoBytes: $0) }?.iso == "2024-12-30")
    }

}
