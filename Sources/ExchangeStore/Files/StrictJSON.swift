/// A JSON parser that keeps what `JSONSerialization` loses: `true` stays a boolean (never the
/// number 1), numbers stay as written, keys keep their order and their place, a key given twice is
/// an error, and every syntax error has a line and a column. RFC 8259, with nesting limited to
/// `maximumDepth` so that no input can exhaust the stack.
public enum StrictJSON {
    /// A parsed value.
    public indirect enum Value: Equatable, Sendable {
        case object([Member])
        case array([Value])
        case string(String)
        /// A number exactly as written (`1358`, `-2`, `1.5e3`).
        case number(String)
        case bool(Bool)
        case null
    }

    /// A key, its value, and where the key was written.
    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: Value
        public var line: Int
        public var column: Int
    }

    /// A syntax error: what, and where (1-based; columns count characters).
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    public static let maximumDepth = 64

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Value {
        var parser = Parser(bytes: bytes)
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.i == bytes.count else { throw parser.error("text after the end of the document") }
        return value
    }

    /// The members of an object by key (keys are unique: the parser refuses a second one).
    public static func members(_ value: Value) -> [String: Value]? {
        guard case let .object(members) = value else { return nil }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Offset of the first byte of the current line.
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Where `offset` is, in characters from the start of its line.
        func column(at offset: Int) -> Int {
            var count = 1
            var j = lineStart
            while j < offset, j < bytes.count {
                // Continuation bytes of UTF-8 do not start characters.
                if bytes[j] & 0xC0 != 0x80 { count += 1 }
                j += 1
            }
            return count
        }

        func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
            SyntaxError(message: message, line: line, column: column(at: offset ?? i))
        }

        mutating func skipByteOrderMark() {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3; lineStart = 3 }
        }

        mutating func skipWhitespace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0D: i += 1
                case 0x0A:
                    i += 1
                    line += 1
                    lineStart = i
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Value {
            guard depth < StrictJSON.maximumDepth else { throw error("the document nests deeper than \(StrictJSON.maximumDepth) levels") }
            guard i < bytes.count else { throw error("the document ends where a value should be") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("a value cannot start here")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let expected = Array(word.utf8)
            guard i + expected.count <= bytes.count, Array(bytes[i..<(i + expected.count)]) == expected else {
                throw error("expected \(word)")
            }
            i += expected.count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> Value {
            i += 1
            var members: [Member] = []
            var seen = Set<String>()
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let keyLine = line, keyColumn = column(at: i)
                let key = try string()
                guard seen.insert(key).inserted else {
                    throw SyntaxError(message: "the key \"\(key)\" is given twice in one object", line: keyLine, column: keyColumn)
                }
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected : after the key") }
                i += 1
                skipWhitespace()
                members.append(Member(key: key, value: try value(depth: depth + 1), line: keyLine, column: keyColumn))
                skipWhitespace()
                guard i < bytes.count else { throw error("the object is never closed") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                throw error("expected , or } in the object")
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> Value {
            i += 1
            var items: [Value] = []
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard i < bytes.count else { throw error("the list is never closed") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error("expected , or ] in the list")
            }
        }

        mutating func number() throws(SyntaxError) -> String {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits() -> Int {
                let from = i
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                return i - from
            }
            let whole = i
            guard digits() > 0 else { throw error("a number needs digits", at: start) }
            if bytes[whole] == UInt8(ascii: "0"), i - whole > 1 { throw error("a number cannot start with 0", at: start) }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw error("a number needs digits after its point", at: start) }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent", at: start) }
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func string() throws(SyntaxError) -> String {
            let start = i
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""):
                    i += 1
                    guard let text = String(validating: out, as: UTF8.self) else { throw error("the text is not valid UTF-8", at: start) }
                    return text
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { throw error("the text is never closed", at: start) }
                    let escape = bytes[i + 1]
                    i += 2
                    switch escape {
                    case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw error("a lone surrogate in \\u escapes")
                            }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in \\u escapes") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw error("a lone surrogate in \\u escapes")
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw error("not a character") }
                        out += Array(String(Character(unicode)).utf8)
                    default: throw error("unknown escape \\\(Character(Unicode.Scalar(escape)))", at: i - 2)
                    }
                case 0x0A:
                    throw error("a line break inside text (write it as \\n)")
                case 0x00..<0x20:
                    throw error("a control character inside text (write it as a \\u escape, if it belongs there at all)")
                default:
                    out.append(byte)
                    i += 1
                }
            }
            throw error("the text is never closed", at: start)
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw error("\\u needs four hexadecimal digits") }
            var value: UInt32 = 0
            for byte in bytes[i..<(i + 4)] {
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw error("\\u needs four hexadecimal digits")
                }
                value = value << 4 | digit
            }
            i += 4
            return value
        }
    }
}
