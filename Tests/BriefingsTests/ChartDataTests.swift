@testable import Briefings
import ExchangeModel
import Testing

/// `largest` (a top three over 100,000 exchanges without sorting them all) must give what sorting gives.
@Suite("Chart data helpers")
struct ChartDataTests {
    @Test func distinctStringsAnswerAsASetDoes() {
        // Enough strings to grow the table several times; repeats near and far; look-alikes; non-ASCII.
        var distinct = DistinctStrings(capacity: 4)
        var set = Set<String>()
        for i in 0..<5000 {
            let text = i % 3 == 0 ? "https://example.org/\(i / 7)" : i % 3 == 1 ? "https://example.org/\(i)" : "Офіс \(i % 50)"
            #expect(distinct.insert(text) == set.insert(text).inserted, "\(text)")
        }
        #expect(set.count > 2000)
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
}

/// The SHA-256 of the data files beside each chart, against the FIPS 180-4 examples.
@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func matchesTheStandardsExamples(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func aMillionAsMatchesTheStandard() {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
