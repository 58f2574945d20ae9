import ExchangeModel
import ExchangeStore

/// Any bytes as a CSV file: the reader reports problems, it never crashes or hangs, and what it
/// accepts it accepts again after writing it out. The same bytes as a vocabulary and as a checks file.
func fuzzOne(_ bytes: [UInt8]) {
    for kind in Vocabulary.Kind.allCases {
        let (vocabulary, problems) = Vocabularies.parse(bytes: bytes, name: kind.fileName, kind: kind)
        for problem in problems { _ = problem.description }
        for entry in vocabulary.entries { precondition(vocabulary[entry.code] == entry && !entry.nameUK.isEmpty, "an entry read is not kept") }
    }
    _ = try? SourceCheck.read(bytes: bytes, name: "checked.csv")
    do {
        for gap in try KnownGap.read(bytes: bytes, name: "known_gaps.csv") {
            precondition(gap.periodStart <= gap.periodEnd && !gap.explanationUK.isEmpty, "a known gap read breaks its rules")
        }
    } catch { _ = error.description }
    let rules = ValidationRules(today: Day(year: 2026, month: 11, day: 26))
    let file = DataFile.parse(bytes: bytes, name: "fuzz.csv", format: .csv, rules: rules)
    for diagnostic in file.diagnostics { _ = diagnostic.description }
    guard file.diagnostics.isEmpty, !file.exchanges.isEmpty else { return }
    var csv = CSVWriter.line(ExchangeField.allCases.map(\.rawValue))
    for row in file.exchanges { csv += CSVWriter.line(ExchangeField.allCases.map { row.value.text(of: $0) }) }
    let again = DataFile.parse(bytes: Array(csv.utf8), name: "again.csv", format: .csv, rules: rules)
    precondition(again.diagnostics.isEmpty, "written rows no longer read: \(again.diagnostics)")
    precondition(again.exchanges.map(\.value) == file.exchanges.map(\.value), "rows changed on a round trip")
}
