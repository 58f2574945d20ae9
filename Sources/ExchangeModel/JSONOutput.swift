/// The one way Homecoming writes JSON (exports, a chart's provenance, `briefing.json`, JSON logs):
/// any `Encodable` value, through this encoder. Keys are sorted (by their UTF-8 bytes) so that the
/// same value gives the same bytes, and `/` is left as it is (addresses stay readable). The bytes
/// are those Foundation's `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (a document) or `[.sortedKeys, .withoutEscapingSlashes]` (a line):
/// a property test holds the two to the same output.
///
/// Why not `JSONEncoder` itself: it builds a tree of reference-counted values before it writes,
/// about half a microsecond a string. A chart's provenance over 100,000 exchanges lists 100,000
/// source addresses, and `JSONEncoder` took longer over them than drawing the chart
/// (Benchmarks/README.md). This encoder keeps the tree but stores strings and numbers in it as
/// they are, and writes them in one pass.
///
/// Files people edit (the configuration, themes, imported records) are read by `StrictJSON`
/// instead, which reports a line and a column and refuses a key given twice.
public enum JSONOutput {
    public enum Layout: Sendable {
        /// Indented, one member a line, ending with a newline: a file.
        case document
        /// One line, no newline: a log record.
        case line
    }

    public static func encode(_ value: some Encodable, layout: Layout = .document) throws(EncodingError) -> [UInt8] {
        let root: Node
        do { root = try Node.of(value, codingPath: []) } catch let error as EncodingError { throw error } catch {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(error)"))
        }
        var out: [UInt8] = []
        Writer(pretty: layout == .document).write(root, depth: 0, into: &out)
        if layout == .document { out.append(UInt8(ascii: "\n")) }
        return out
    }

    /// A key named at run time (a column of the record).
    public struct Key: CodingKey, Sendable {
        public var stringValue: String
        public var intValue: Int? { nil }
        public init(_ name: String) { stringValue = name }
        public init?(stringValue: String) { self.stringValue = stringValue }
        public init?(intValue: Int) { nil }
    }

    // MARK: - The tree

    /// A value as it will be written: numbers already as their text.
    enum Node {
        case null, bool(Bool), number(String), string(String)
        case array(Members), object(Members)
        /// An array of strings, kept as it is (a provenance lists 100,000 addresses).
        case strings([String])
        /// What an encoder handed out by `superEncoder` holds once its value is encoded.
        case deferred(ValueEncoder)

        /// `codingPath` is made only for a value that is not a leaf (an array of 100,000 strings makes none).
        static func of<T: Encodable>(_ value: T, codingPath: @autoclosure () -> [any CodingKey]) throws -> Node {
            // The common leaves without a round trip through `encode(to:)`.
            if T.self == String.self { return .string(value as! String) }
            if T.self == Int.self { return .number(String(value as! Int)) }
            if T.self == Bool.self { return .bool(value as! Bool) }
            if T.self == [String].self { return .strings(value as! [String]) }
            let encoder = ValueEncoder(codingPath: codingPath())
            try value.encode(to: encoder)
            return encoder.node ?? .object(Members()) // a value that encodes nothing is an empty object, as JSONEncoder has it
        }

        static func of(_ value: some BinaryFloatingPoint & CustomStringConvertible, codingPath: @autoclosure () -> [any CodingKey]) throws -> Node {
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: codingPath(), debugDescription: "\(value) is not a JSON number"))
            }
            // As JSONEncoder writes them: 3, 1.5, 1e+20, -0.
            let text = value.description
            return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
        }
    }

    /// The elements of an array or the members of an object (keys kept for objects), shared by
    /// the containers that fill it.
    final class Members {
        var elements: [Node] = []
        var keys: [String] = []
    }

    final class ValueEncoder: Encoder {
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var node: Node?

        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let members) = node { return KeyedEncodingContainer(KeyedContainer(members: members, codingPath: codingPath)) }
            let members = Members()
            node = .object(members)
            return KeyedEncodingContainer(KeyedContainer(members: members, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array(let members) = node { return UnkeyedContainer(members: members, codingPath: codingPath) }
            let members = Members()
            node = .array(members)
            return UnkeyedContainer(members: members, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let members: Members
        let codingPath: [any CodingKey]

        private func add(_ node: Node, _ key: Key) {
            members.keys.append(key.stringValue)
            members.elements.append(node)
        }

        mutating func encodeNil(forKey key: Key) { add(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) { add(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) { add(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(try .of(value, codingPath: codingPath + [key]), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { add(try .of(value, codingPath: codingPath + [key]), key) }
        mutating func encode(_ value: Int, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) { add(.number(String(value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(try .of(value, codingPath: codingPath + [key]), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Members()
            add(.object(nested), key)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = Members()
            add(.array(nested), key)
            return UnkeyedContainer(members: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named name: String) -> any Encoder {
            let encoder = ValueEncoder(codingPath: codingPath + [JSONOutput.Key(name)])
            members.keys.append(name)
            members.elements.append(.deferred(encoder))
            return encoder
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let members: Members
        let codingPath: [any CodingKey]
        var count: Int { members.elements.count }

        private var nextPath: [any CodingKey] { codingPath + [Index(count)] }
        private func add(_ node: Node) { members.elements.append(node) }

        mutating func encodeNil() { add(.null) }
        mutating func encode(_ value: Bool) { add(.bool(value)) }
        mutating func encode(_ value: String) { add(.string(value)) }
        mutating func encode(_ value: Double) throws { add(try .of(value, codingPath: nextPath)) }
        mutating func encode(_ value: Float) throws { add(try .of(value, codingPath: nextPath)) }
        mutating func encode(_ value: Int) { add(.number(String(value))) }
        mutating func encode(_ value: Int8) { add(.number(String(value))) }
        mutating func encode(_ value: Int16) { add(.number(String(value))) }
        mutating func encode(_ value: Int32) { add(.number(String(value))) }
        mutating func encode(_ value: Int64) { add(.number(String(value))) }
        mutating func encode(_ value: UInt) { add(.number(String(value))) }
        mutating func encode(_ value: UInt8) { add(.number(String(value))) }
        mutating func encode(_ value: UInt16) { add(.number(String(value))) }
        mutating func encode(_ value: UInt32) { add(.number(String(value))) }
        mutating func encode(_ value: UInt64) { add(.number(String(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { add(try .of(value, codingPath: nextPath)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Members(), path = nextPath
            add(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: nested, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = Members(), path = nextPath
            add(.array(nested))
            return UnkeyedContainer(members: nested, codingPath: path)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = ValueEncoder(codingPath: nextPath)
            add(.deferred(encoder))
            return encoder
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: ValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() { encoder.node = .null }
        mutating func encode(_ value: Bool) { encoder.node = .bool(value) }
        mutating func encode(_ value: String) { encoder.node = .string(value) }
        mutating func encode(_ value: Double) throws { encoder.node = try .of(value, codingPath: codingPath) }
        mutating func encode(_ value: Float) throws { encoder.node = try .of(value, codingPath: codingPath) }
        mutating func encode(_ value: Int) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: Int8) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: Int16) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: Int32) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: Int64) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: UInt) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: UInt8) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: UInt16) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: UInt32) { encoder.node = .number(String(value)) }
        mutating func encode(_ value: UInt64) { encoder.node = .number(String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try .of(value, codingPath: codingPath) }
    }

    /// An array position in a coding path.
    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    // MARK: - Writing

    struct Writer {
        let pretty: Bool

        func write(_ node: Node, depth: Int, into out: inout [UInt8]) {
            switch node {
            case .null: out += "null".utf8
            case .bool(let value): out += (value ? "true" : "false").utf8
            case .number(let text): out += text.utf8
            case .string(let text): Self.quote(text, into: &out)
            case .deferred(let encoder): write(encoder.node ?? .object(Members()), depth: depth, into: &out)
            case .array(let members):
                open(UInt8(ascii: "["), members.elements.isEmpty, depth, &out)
                for i in members.elements.indices {
                    separate(i, depth, &out)
                    write(members.elements[i], depth: depth + 1, into: &out)
                }
                close(UInt8(ascii: "]"), depth, &out)
            case .strings(let texts):
                open(UInt8(ascii: "["), texts.isEmpty, depth, &out)
                for i in texts.indices {
                    separate(i, depth, &out)
                    Self.quote(texts[i], into: &out)
                }
                close(UInt8(ascii: "]"), depth, &out)
            case .object(let members):
                // Of a key given twice (as Swift compares strings), the first spelling and the last value;
                // then sorted by the keys' UTF-8 bytes: as JSONEncoder does both.
                var kept: [(key: Int, value: Int)] = []
                var position: [String: Int] = [:]
                for index in members.keys.indices {
                    if let seen = position[members.keys[index]] { kept[seen].value = index } else {
                        position[members.keys[index]] = kept.count
                        kept.append((index, index))
                    }
                }
                kept.sort { members.keys[$0.key].utf8.lexicographicallyPrecedes(members.keys[$1.key].utf8) }
                open(UInt8(ascii: "{"), kept.isEmpty, depth, &out)
                for (i, member) in kept.enumerated() {
                    separate(i, depth, &out)
                    Self.quote(members.keys[member.key], into: &out)
                    out += (pretty ? " : " : ":").utf8
                    write(members.elements[member.value], depth: depth + 1, into: &out)
                }
                close(UInt8(ascii: "}"), depth, &out)
            }
        }

        /// `[` or `{`; an empty one, pretty, has an empty line inside, as JSONEncoder writes it.
        private func open(_ bracket: UInt8, _ empty: Bool, _ depth: Int, _ out: inout [UInt8]) {
            out.append(bracket)
            if pretty && empty { out.append(UInt8(ascii: "\n")) }
        }

        private func separate(_ index: Int, _ depth: Int, _ out: inout [UInt8]) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(depth + 1, &out) }
        }

        private func close(_ bracket: UInt8, _ depth: Int, _ out: inout [UInt8]) {
            if pretty { newline(depth, &out) }
            out.append(bracket)
        }

        private func newline(_ depth: Int, _ out: inout [UInt8]) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }

        /// A JSON string: `"` and `\` escaped, controls as `\n`, `\t`… or `\u00XX`; everything else as it is.
        static func quote(_ text: String, into out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            // A native string's bytes in place; any other, copied first.
            if text.utf8.withContiguousStorageIfAvailable({ escape($0, into: &out) }) == nil {
                Array(text.utf8).withUnsafeBufferPointer { escape($0, into: &out) }
            }
            out.append(UInt8(ascii: "\""))
        }

        private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[start..<i])
                start = i + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += "u00".utf8
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: bytes[start...])
        }
    }
}
