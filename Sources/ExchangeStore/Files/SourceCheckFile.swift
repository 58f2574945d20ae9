import ExchangeModel
import Foundation

extension SourceCheck {
    /// The header of `Data/checked.csv`, which records that the bundled dataset's sources were reviewed.
    static let fileHeader = ["checked_through", "checked_on", "checked_by", "note"]

    /// Reads the checks of a dataset (`checked.csv`): a store seeded from it starts as checked
    /// through the day its sources were reviewed, not the day it was seeded.
    ///
    /// - Throws: `StoreError.invalidData` with the file, line and column of each problem.
    public static func read(bytes: [UInt8], name: String) throws(StoreError) -> [SourceCheck] {
        let positions = SourcePositions(bytes: bytes)
        var parser = CSVParser(bytes: bytes)
        var problems: [Diagnostic] = []
        var checks: [SourceCheck] = []
        func problem(_ offset: Int, _ message: String, _ hint: String) {
            let (line, column) = positions.position(of: offset)
            problems.append(Diagnostic(file: name, location: .text(line: line, column: column), message: message, hint: hint))
        }
        guard positions.firstInvalidUTF8 == nil, let header = parser.next(), header.fields.map(\.text) == fileHeader else {
            throw .invalidData(file: name, diagnostics: [Diagnostic(file: name, location: .text(line: 1, column: 1),
                message: "the header is not \(fileHeader.joined(separator: ","))", hint: "start the file with that line, in UTF-8")])
        }
        while let record = parser.next() {
            guard record.fields.count == fileHeader.count else {
                problem(record.startOffset, "this line has \(record.fields.count) fields, not \(fileHeader.count)", "write \(fileHeader.joined(separator: ","))")
                continue
            }
            var p = FieldParser(rules: ValidationRules(today: nil))
            let through = p.day("checked_through", record.fields[0].text, required: true)
            let on = p.day("checked_on", record.fields[1].text, required: true)
            let by = p.requiredText("checked_by", record.fields[2].text, what: "who reviewed the sources")
            for (i, field) in record.fields.enumerated() { p.refuseControlCharacters(fileHeader[i], field.text, multiline: false) }
            if let through, let on, on < through {
                p.fail("checked_on", "checked_on \(on.iso) is before checked_through \(through.iso)", "a review is recorded on or after the last day it covers")
            }
            if let through, let on, let by, p.issues.isEmpty {
                checks.append(SourceCheck(checkedThrough: through, checkedOn: on, checkedBy: by, note: record.fields[3].text.isEmpty ? nil : record.fields[3].text))
            }
            for issue in p.issues {
                let column = fileHeader.firstIndex(of: issue.field ?? "") ?? 0
                problem(record.fields[column].offset, issue.message, issue.hint)
            }
        }
        for issue in parser.issues { problem(issue.offset, issue.message, issue.hint) }
        if !problems.isEmpty { throw .invalidData(file: name, diagnostics: problems) }
        return checks
    }
}
