import ExchangeModel

/// A small CSV file of the dataset kept by hand (`checked.csv`, `known_gaps.csv`): a fixed header,
/// then one value per line, each line's fields checked by a `FieldParser` and every problem
/// located at its line and column. The file is taken whole or not at all.
enum LineFile {
    /// Reads `bytes`; `parse` turns one line's fields into a value, or records issues (by field name) on the parser.
    static func read<Value>(bytes: [UInt8], name: String, header: [String],
                            parse: ([String], inout FieldParser) -> Value?) throws(StoreError) -> [Value] {
        let positions = SourcePositions(bytes: bytes)
        var parser = CSVParser(bytes: bytes)
        var problems: [Diagnostic] = []
        var values: [Value] = []
        func problem(_ offset: Int, _ message: String, _ hint: String) {
            let (line, column) = positions.position(of: offset)
            problems.append(Diagnostic(file: name, location: .text(line: line, column: column), message: message, hint: hint))
        }
        guard positions.firstInvalidUTF8 == nil, let first = parser.next(), first.fields.map(\.text) == header else {
            throw .invalidData(file: name, diagnostics: [Diagnostic(file: name, location: .text(line: 1, column: 1),
                message: "the header is not \(header.joined(separator: ","))", hint: "start the file with that line, in UTF-8")])
        }
        while let record = parser.next() {
            guard record.fields.count == header.count else {
                problem(record.startOffset, "this line has \(record.fields.count) fields, not \(header.count)",
                        "write \(header.joined(separator: ",")); put a text with a comma in quotes")
                continue
            }
            let texts = record.fields.map(\.text)
            var fields = FieldParser(rules: ValidationRules(today: nil))
            for (i, text) in texts.enumerated() { fields.refuseControlCharacters(header[i], text, multiline: false) }
            let value = parse(texts, &fields)
            if let value, fields.issues.isEmpty { values.append(value) }
            for issue in fields.issues {
                let column = header.firstIndex(of: issue.field ?? "") ?? 0
                problem(record.fields[column].offset, issue.message, issue.hint)
            }
        }
        for issue in parser.issues { problem(issue.offset, issue.message, issue.hint) }
        if !problems.isEmpty { throw .invalidData(file: name, diagnostics: problems) }
        return values
    }
}
