/// Reads CSV one record at a time, keeping the byte offset of every field for messages.
///
/// Follows RFC 4180: fields may be quoted; a quoted field may hold commas, doubled
/// quotes and line breaks. A UTF-8 byte-order mark and CRLF line ends are accepted.
/// Records are handed out one by one so that a large file is never held twice.
struct CSVParser {
    /// One field: its text and where it starts in the file.
    struct Field {
        var text: String
        /// Byte offset of the field's first byte (the opening quote, if quoted).
        var offset: Int
    }

    /// One record: its fields, where it starts, and the offset just past its last field.
    struct Record {
        var fields: [Field]
        var startOffset: Int
        var endOffset: Int
    }

    /// A syntax problem at a byte offset.
    struct SyntaxIssue {
        var offset: Int
        var message: String
        var hint: String
    }

    private let bytes: [UInt8]
    private var i: Int
    private var finished = false
    /// Problems met so far; an unclosed quote ends the scan.
    private(set) var issues: [SyntaxIssue] = []

    /// A parser over `bytes`, from `offset` (the content start, past any byte-order mark, by default).
    init(bytes: [UInt8], from offset: Int? = nil) {
        self.bytes = bytes
        i = offset ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    }

    /// The next record, skipping blank lines; nil at the end (or after an unclosed quote).
    mutating func next() -> Record? {
        while !finished, i < bytes.count {
            if let record = parseRecord() { return record }
        }
        return nil
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    private func atLineEnd(_ j: Int) -> Bool {
        j >= bytes.count || bytes[j] == Self.lf || (bytes[j] == Self.cr && j + 1 < bytes.count && bytes[j + 1] == Self.lf)
    }

    /// Parses one line's record; nil for a blank line.
    private mutating func parseRecord() -> Record? {
        let b = bytes, n = b.count
        let recordStart = i
        var fields: [Field] = []
        while true {
            let start = i
            let text: String
            if i < n, b[i] == Self.quote {
                guard let quoted = parseQuoted() else { return nil }
                text = quoted
            } else {
                while i < n, b[i] != Self.comma, !atLineEnd(i) {
                    if b[i] == Self.quote {
                        issues.append(SyntaxIssue(offset: i, message: "a quote (\") inside a field that does not start with one",
                                                  hint: "put the whole field in quotes and write each quote inside it twice (\"\")"))
                    }
                    i += 1
                }
                text = String(decoding: b[start..<i], as: UTF8.self)
            }
            fields.append(Field(text: text, offset: start))
            if i < n, b[i] == Self.comma { i += 1; continue }
            break
        }
        let end = i
        if i < n { i += b[i] == Self.cr ? 2 : 1 }
        if fields.count == 1, fields[0].text.isEmpty, fields[0].offset == end { return nil }
        return Record(fields: fields, startOffset: recordStart, endOffset: end)
    }

    /// A quoted field from its opening quote at `i`; nil (and the scan ends) if it is never closed.
    private mutating func parseQuoted() -> String? {
        let b = bytes, n = b.count, start = i
        var text: [UInt8] = []
        i += 1
        while i < n {
            if b[i] == Self.quote {
                if i + 1 < n, b[i + 1] == Self.quote { text.append(Self.quote); i += 2; continue }
                i += 1
                if !(i >= n || b[i] == Self.comma || atLineEnd(i)) {
                    issues.append(SyntaxIssue(offset: i, message: "text follows the closing quote of a quoted field",
                                              hint: "put the whole field in quotes and write each quote inside it twice (\"\")"))
                    while i < n, b[i] != Self.comma, !atLineEnd(i) { text.append(b[i]); i += 1 }
                }
                return String(decoding: text, as: UTF8.self)
            }
            text.append(b[i])
            i += 1
        }
        issues.append(SyntaxIssue(offset: start, message: "this quoted field is never closed",
                                  hint: "add the closing quote (\"); a quote inside a quoted field is written twice (\"\")"))
        finished = true
        return nil
    }
}
