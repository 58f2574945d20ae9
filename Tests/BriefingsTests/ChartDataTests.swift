@testable import Briefings
import ExchangeModel
import Testing

/// The helpers that keep a chart over 100,000 exchanges fast must give what the obvious code gives.
@Suite("Chart data helpers")
struct ChartDataTests {
    @Test func distinctStringsAnswerAsASetDoes() {
        // Enough strings to grow the table several times; repeats near and far; look-alikes.
        var distinct = DistinctStrings(capacity: 4)
        var set = Set<String>()
        for i in 0..<5000 {
            let text = i % 3 == 0 ? "https://example.org/\\(i / 7)" : i % 3 == 1 ? "https://example.org/\\(i)" : "Офіс \\(i % 50)"
            #expect(distinct.insert(text) == set.insert(text).inserted, "\\(text)")
        }
        #expect(distinct.insert("") == true)
        #expect(distinct.insert("") == false)
    }

    @Test func largestGivesTheSortedPrefix() {
        var state: UInt64 = 12345
        let values = (0..<2000).map { _ -> (Int, Int) in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Int(state >> 54), Int(state >> 40 & 0xFFF))
        }
        for count in [0, 1, 3, 8] {
            let by: ((Int, Int), (Int, Int)) -> Bool = { ($0.0, $1.1) > ($1.0, $0.1) }
            let expected = Array(values.sorted(by: by).prefix(count))
            let got = values.largest(count, by: by)
            #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1))
        }
    }

    @Test func dayTableAnswersAsADictionaryDoes() {
        var table = DayTable(capacity: 2), dictionary: [Day: Int] = [:]
        var day = Day(year: 1752, month: 3, day: 18)!
        for i in 0..<3000 {
            // Keys one to three days apart, some set twice.
            day = day.adding(days: i % 3 + 1)
            table[day] = i
            dictionary[day] = i
            if i % 7 == 0 { table[day] = -i; dictionary[day] = -i }
        }
        var probe = Day(year: 1752, month: 1, day: 1)!
        for _ in 0..<7000 {
            #expect(table[probe] == dictionary[probe])
            probe = probe.adding(days: 1)
        }
    }

}
