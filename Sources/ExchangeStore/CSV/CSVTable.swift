/// A CSV file split into records and fields, with the byte offset of every field kept for messages.
///
/// Follows RFC 4180: fields may be quoted; a quoted field may hold commas, doubled
/// quotes and line breaks. A UTF-8 byte-order mark and CRLF line ends are accepted.
struct CSVTable {
    /// One field: its text and where it starts in the file.
    struct Field {
        var text: String
        /// Byte offset of the field's first byte (the opening quote, if quoted).
        var offset: Int
    }

    /// One record: its fields and the offset just past its last field (for "missing field" messages).
    struct Record {
        var fields: [Field]
        var endOffset: Int
    }

    /// A syntax problem at a byte offset.
    struct SyntaxIssue {
        var offset: Int
        var message: String
        var hint: String
    }

    var records: [Record] = []
    var issues: [SyntaxIssue] = []
    let positions: SourcePositions

    /// Splits `bytes` into records. Syntax problems are collected; an unclosed quote ends the scan.
    init(bytes: [UInt8]) {
        positions = SourcePositions(bytes: bytes)
        if let offset = positions.firstInvalidUTF8 {
            issues.append(SyntaxIssue(offset: offset, message: "the file is not valid UTF-8 text",
                                      hint: "save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"))
            return
        }
        parse(bytes)
    }

    private mutating func parse(_ b: [UInt8]) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = b.count
        var i = positions.contentStart
        func atLineEnd(_ i: Int) -> Bool { i >= n || b[i] == lf || (b[i] == cr && i + 1 < n && b[i + 1] == lf) }
        while i < n {
            var fields: [Field] = []
            while true {
                let start = i
                var bytes: [UInt8] = []
                if i < n, b[i] == quote {
                    i += 1
                    var closed = false
                    while i < n {
                        if b[i] == quote {
                            if i + 1 < n, b[i + 1] == quote { bytes.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        bytes.append(b[i])
                        i += 1
                    }
                    if !closed {
                        issues.append(SyntaxIssue(offset: start, message: "this quoted field is never closed",
                                                  hint: "add the closing quote (\"); a quote inside a quoted field is written twice (\"\")"))
                        return
                    }
                    if !(i >= n || b[i] == comma || atLineEnd(i)) {
                        issues.append(SyntaxIssue(offset: i, message: "text follows the closing quote of a quoted field",
                                                  hint: "put the whole field in quotes and write each quote inside it twice (\"\")"))
                        while i < n, b[i] != comma, !atLineEnd(i) { bytes.append(b[i]); i += 1 }
                    }
                } else {
                    while i < n, b[i] != comma, !atLineEnd(i) {
                        if b[i] == quote {
                            issues.append(SyntaxIssue(offset: i, message: "a quote (\") inside a field that does not start with one",
                                                      hint: "put the whole field in quotes and write each quote inside it twice (\"\")"))
                        }
                        bytes.append(b[i])
                        i += 1
                    }
                }
                fields.append(Field(text: String(decoding: bytes, as: UTF8.self), offset: start))
                if i < n, b[i] == comma { i += 1; continue }
                break
            }
            let end = i
            if i < n { i += b[i] == cr ? 2 : 1 }
            // A blank line is not a record.
            if fields.count == 1, fields[0].text.isEmpty, fields[0].offset == end { continue }
            records.append(Record(fields: fields, endOffset: end))
        }
    }
}
