@testable import ChartRendering
import Foundation
import PropertyBased
import Testing

/// Cairo's six decimals become two in every SVG (files and inlined charts): each number moves by at
/// most half a hundredth, is written as the shortest decimal of its value (no trailing zeros, no
/// "-0"), and nothing that is not a number with more than two decimals changes.
@Suite("SVG numbers rounded to two decimals")
struct SVGNumberPropertyTests {
    static let numbers = Generator<String, Shrink.None<String>> { rng in
        let sign = Int.random(in: 0..<3, using: &rng) == 0 ? "-" : ""
        let whole = [String(Int.random(in: 0...9, using: &rng)), String(Int.random(in: 0...99_999, using: &rng)), "9", "99", "0"][Int.random(in: 0..<5, using: &rng)]
        let count = Int.random(in: 0...8, using: &rng)
        let decimals = String((0..<count).map { _ in
            Int.random(in: 0..<3, using: &rng) == 0 ? Character("9") : Character(String(Int.random(in: 0...9, using: &rng)))
        })
        return sign + whole + (count > 0 ? "." + decimals : "")
    }

    static func round(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            guard SVGPostProcessor.isNumberStart(b, at: 0) else { return text }
            var out: [UInt8] = []
            let end = SVGPostProcessor.rounded(b, at: 0, into: &out)
            return String(decoding: out, as: UTF8.self) + String(decoding: b[end...], as: UTF8.self)
        }
    }

    @Test func aNumberMovesByAtMostHalfAHundredthAndIsWrittenShortest() async {
        await propertyCheck(count: 3000, input: Self.numbers) { text in
            let out = Self.round(text)
            let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
            guard decimals > 2 else {
                #expect(out == text, "\(text) has two decimals or fewer and must stay as it is")
                return
            }
            guard let value = Double(text), let rounded = Double(out) else {
                Issue.record("\(text) → \(out) is not a number")
                return
            }
            #expect(abs(value - rounded) <= 0.005 + 1e-9 * max(1, abs(value)), "\(text) → \(out)")
            // Shortest form: at most two decimals, none trailing zero, no "-0", no leading zeros.
            let parts = out.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 1 || (parts[1].count <= 2 && parts[1].last != "0" && !parts[1].isEmpty), "\(text) → \(out)")
            #expect(out != "-0", "\(text) → \(out)")
            #expect(!(parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "-")).hasPrefix("0")) || parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "-")) == "0", "\(text) → \(out)")
            // And it is the nearest value with two decimals.
            #expect(abs((rounded * 100).rounded() - rounded * 100) < 1e-6, "\(text) → \(out)")
        }
    }

    @Test func whatFollowsANumberIsKept() {
        #expect(Self.round("47.992188 L") == "47.99 L")
        #expect(Self.round("-0.001,2") == "0,2")
        #expect(Self.round("9.995)") == "10)")
        #expect(Self.round("12.5 3.25") == "12.5 3.25")
    }

    /// Numbers inside names and references keep their digits: `surface5`, `glyph-0-12`, `#clip1.5`.
    @Test func digitsInsideNamesAreNotNumbers() {
        for text in ["surface5.123456", "glyph-0-1.234567", "a1.23456", "_1.234567", ".1234567", "x-1.23456"] {
            let bytes = Array(text.utf8)
            for i in bytes.indices where i > 0 {
                #expect(!bytes.withUnsafeBufferPointer { SVGPostProcessor.isNumberStart($0, at: i) }, "\(text) at \(i)")
            }
        }
    }
}
