@testable import Briefings
import ExchangeModel
import Testing

/// `largest` (a top three over 100,000 exchanges without sorting them all) must give what sorting gives.
@Suite("Chart data helpers")
struct ChartDataTests {
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
}
