import ExchangeModel
import Foundation
import PropertyBased
import Testing

/// `JSONOutput` writes exactly the bytes Foundation's `JSONEncoder` writes (sorted keys, slashes as they
/// are; pretty for a document, compact for a log line), over generated values of every shape and
/// through every container call a `Codable` type can make.
@Suite("JSON output over generated values")
struct JSONOutputPropertyTests {
    /// A JSON value, and the way its `encode(to:)` spells it (generic or typed calls, nested containers).
    indirect enum Value: Encodable, CustomStringConvertible {
        case null, bool(Bool), int(Int), small(Int8), unsigned(UInt32), double(Double), float(Float), string(String)
        case array([Value]), object([(String, Value)])
        /// An array of strings as `[String]` encodes it (a provenance's addresses).
        case texts([String])
        /// An object whose members are written through `nestedContainer` / `nestedUnkeyedContainer`.
        case nested([(String, Value)])

        var description: String {
            switch self {
            case .null: "null"
            case .bool(let b): "\(b)"
            case .int(let i): "\(i)"
            case .small(let i): "\(i)i8"
            case .unsigned(let u): "\(u)u32"
            case .double(let d): "\(d)d"
            case .float(let f): "\(f)f"
            case .string(let s): s.debugDescription
            case .texts(let ts): "\(ts.debugDescription)s"
            case .array(let xs): "[\(xs.map(\.description).joined(separator: ", "))]"
            case .object(let ms), .nested(let ms): "{\(ms.map { "\($0.0.debugDescription): \($0.1)" }.joined(separator: ", "))}"
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
            case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
            case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
            case .small(let i): var c = encoder.singleValueContainer(); try c.encode(i)
            case .unsigned(let u): var c = encoder.singleValueContainer(); try c.encode(u)
            case .double(let d): var c = encoder.singleValueContainer(); try c.encode(d)
            case .float(let f): var c = encoder.singleValueContainer(); try c.encode(f)
            case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
            case .texts(let ts): var c = encoder.singleValueContainer(); try c.encode(ts)
            case .array(let xs):
                var c = encoder.unkeyedContainer()
                for x in xs {
                    // Leaves through the typed calls, the rest through the generic one.
                    switch x {
                    case .string(let s): try c.encode(s)
                    case .int(let i): try c.encode(i)
                    case .null: try c.encodeNil()
                    default: try c.encode(x)
                    }
                }
            case .object(let members):
                var c = encoder.container(keyedBy: JSONOutput.Key.self)
                for (key, value) in members {
                    switch value {
                    case .string(let s): try c.encode(s, forKey: .init(key))
                    case .bool(let b): try c.encode(b, forKey: .init(key))
                    case .texts(let ts): try c.encode(ts, forKey: .init(key))
                    case .null: try c.encodeNil(forKey: .init(key))
                    default: try c.encode(value, forKey: .init(key))
                    }
                }
            case .nested(let members):
                // Each key once: asking JSONEncoder twice for a nested container under one key merges or traps.
                var c = encoder.container(keyedBy: JSONOutput.Key.self)
                var seen: Set<String> = []
                for (key, value) in members where seen.insert(key).inserted {
                    switch value {
                    case .array(let xs):
                        var inner = c.nestedUnkeyedContainer(forKey: .init(key))
                        for x in xs { try inner.encode(x) }
                    case .object(let ms):
                        var inner = c.nestedContainer(keyedBy: JSONOutput.Key.self, forKey: .init(key))
                        for (k, v) in ms { try inner.encode(v, forKey: .init(k)) }
                    default: try c.encode(value, forKey: .init(key))
                    }
                }
            }
        }
    }

    /// Text with what JSON must escape and what it must not: quotes, backslashes, every C0 control,
    /// DEL, slashes, line separators, Cyrillic, emoji.
    static func text(_ rng: inout some RandomNumberGenerator) -> String {
        let pieces = ["\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{7F}", "\u{2028}", "\u{2029}", "a", "Z", "9", "_", " ",
                      "Київ", "é", "e\u{301}", "🇺🇦", "https://example.org/a?b=1&c=2", "<script>", "\u{FEFF}"]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: String(UnicodeScalar(UInt8.random(in: 0...0x1F, using: &rng)))
            case 1: String(UnicodeScalar(UInt32.random(in: 0x20...0x2FFF, using: &rng)) ?? "x")
            default: pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            }
        }.joined()
    }

    static func double(_ rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: Double(Int.random(in: -1000...1000, using: &rng))
        case 1: Double.random(in: -1...1, using: &rng)
        case 2: Double.random(in: -1e300...1e300, using: &rng)
        case 3: Double(sign: .plus, exponent: Int.random(in: -1070...1020, using: &rng), significand: Double.random(in: 1..<2, using: &rng))
        default: [0.0, -0.0, 0.1, 1e16, 1e-7, 123456789.125, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude][Int.random(in: 0..<8, using: &rng)]
        }
    }

    static func value(_ rng: inout some RandomNumberGenerator, depth: Int) -> Value {
        let leaf = depth >= 4 || Int.random(in: 0..<3, using: &rng) > 0
        if leaf {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &rng))
            case 2: return .int(Int.random(in: Int.min...Int.max, using: &rng))
            case 3: return .small(Int8.random(in: .min ... .max, using: &rng))
            case 4: return .unsigned(UInt32.random(in: .min ... .max, using: &rng))
            case 5: return .double(double(&rng))
            case 7: return .float(Float(double(&rng)))
            case 6: return .texts((0..<Int.random(in: 0...4, using: &rng)).map { _ in text(&rng) })
            default: return .string(text(&rng))
            }
        }
        let count = Int.random(in: 0...5, using: &rng)
        // Keys that sort differently by bytes and by case or number, and sometimes the same key twice.
        let keys = ["a", "B", "a10", "a9", "_x", "Z", "key", "ключ", "é", "e\u{301}", "", "sources", "urls"]
        func members() -> [(String, Value)] {
            (0..<count).map { _ in
                (Int.random(in: 0..<4, using: &rng) == 0 ? text(&rng) : keys[Int.random(in: 0..<keys.count, using: &rng)], value(&rng, depth: depth + 1))
            }
        }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .array((0..<count).map { _ in value(&rng, depth: depth + 1) })
        case 1: return .object(members())
        default: return .nested(members())
        }
    }

    static let values = Generator<Value, Shrink.None<Value>> { rng in value(&rng, depth: 0) }

    @Test func writesWhatJSONEncoderWrites() async throws {
        await propertyCheck(count: 2000, input: Self.values) { value in
            for (layout, formatting) in [(JSONOutput.Layout.document, JSONEncoder.OutputFormatting([.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])),
                                         (.line, [.sortedKeys, .withoutEscapingSlashes])] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = formatting
                let expected = (try? encoder.encode(value)).map { Array($0) + (layout == .document ? [UInt8(ascii: "\n")] : []) }
                let ours = try? JSONOutput.encode(value, layout: layout)
                #expect(ours == expected, "\(value)\n\(String(decoding: ours ?? [], as: UTF8.self))\n\(String(decoding: expected ?? [], as: UTF8.self))")
            }
        }
    }

    @Test func aNumberThatIsNotFiniteIsRefused() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try JSONOutput.encode(["x": number]) }
        }
    }
}
