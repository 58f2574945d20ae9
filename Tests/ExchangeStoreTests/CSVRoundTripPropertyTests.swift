import ExchangeModel
@testable import ExchangeStore
import PropertyBased
import Testing

/// Any text survives CSV writing and reading, byte for byte, and no written cell starts a spreadsheet formula.
@Suite("CSV round trip over generated text")
struct CSVRoundTripPropertyTests {
    /// Text built from the characters that matter to CSV and spreadsheets, and any other scalar.
    static let field = Generator<String, Shrink.None<String>> { rng in
        let pieces: [String] = [",", "\"", "\r\n", "\n", "\r", "'", "=", "+", "-", "@", "\t", " ", "a", "Київ", "1", "\u{1B}", "é", "🇺🇦"]
        let count = Int.random(in: 0...12, using: &rng)
        return (0..<count).map { _ in
            Int.random(in: 0..<5, using: &rng) == 0
                ? String(UnicodeScalar(UInt32.random(in: 0x20...0x2FFF, using: &rng)) ?? "x")
                : pieces[Int.random(in: 0..<pieces.count, using: &rng)]
        }.joined()
    }

    @Test func everyFieldRoundTripsAndNoCellStartsAFormula() async {
        await propertyCheck(count: 1000, input: Self.field.array(of: 2...6)) { fields in // a record has several columns (a lone empty field is a blank line)
            let line = CSVWriter.line(fields)
            var parser = CSVParser(bytes: Array(line.utf8))
            let record = parser.next()
            #expect(parser.issues.isEmpty, "\(fields.debugDescription) → \(line.debugDescription)")
            #expect(record?.fields.map { CSVWriter.unneutralised($0.text) } == fields, "\(fields.debugDescription) → \(line.debugDescription)")
            #expect(parser.next() == nil)
            for cell in record?.fields ?? [] {
                if let first = cell.text.unicodeScalars.first { #expect(!CSVWriter.startsFormula(first), "\(cell.text.debugDescription)") }
            }
        }
    }

    @Test func neutralisingIsUndoneExactly() async {
        await propertyCheck(count: 1000, input: Self.field) { text in
            #expect(CSVWriter.unneutralised(CSVWriter.neutralised(text)) == text)
        }
    }
}
