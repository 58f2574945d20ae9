import ExchangeModel
import PropertyBased
import Testing

/// The one rule for control characters in text, checked on bytes (`FieldParser.isPlain`, as the
/// store's reader and the validator use it), agrees on generated text with the rule written out
/// here on scalars: the validator refuses exactly the texts it names, and names the first
/// offending character.
@Suite("Control characters in text: the byte check and the scalar rule")
struct PlainTextPropertyTests {
    /// The scalars at the edges of the rule (C0, DEL, C1, the separators, bidi controls and their
    /// neighbours), plain text in several scripts, and any scalar at all.
    static let text = Generator<String, Shrink.None<String>> { rng in
        let edges: [UInt32] = [0x00, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xAB, 0xBB,
                               0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0x2060, 0x200B, 0xFEFF]
        let pieces = ["a", "Київ", "«лапки»", "—", "é", "🇺🇦", " ", "https://example.org/"]
        return (0..<Int.random(in: 0...10, using: &rng)).map { _ in
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: String(UnicodeScalar(edges[Int.random(in: 0..<edges.count, using: &rng)])!)
            case 1: String(UnicodeScalar(UInt32.random(in: 0...0xD7FF, using: &rng))!)
            default: pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
        }.joined()
    }

    static func scalarRule(_ text: String, multiline: Bool) -> Int? {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let v = scalar.value
            if multiline, v == 0x09 || v == 0x0A || v == 0x0D { continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                return offset + 1
            }
        }
        return nil
    }

    @Test func theByteCheckAndTheValidatorAgree() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            for multiline in [false, true] {
                var copy = text
                let plain = copy.withUTF8 { FieldParser.isPlain($0, multiline: multiline) }
                let offending = Self.scalarRule(text, multiline: multiline)
                #expect(plain == (offending == nil), "\(text.debugDescription), multiline \(multiline)")
                var parser = FieldParser(rules: ValidationRules(today: nil))
                parser.refuseControlCharacters("notes", text, multiline: multiline)
                #expect(parser.issues.count == (offending == nil ? 0 : 1), "\(text.debugDescription)")
                if let offending, let issue = parser.issues.first {
                    #expect(issue.message.hasSuffix("at character \(offending)"), "\(issue.message) for \(text.debugDescription)")
                }
            }
        }
    }
}
