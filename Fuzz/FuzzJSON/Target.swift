import ExchangeModel
import ExchangeStore

/// Any bytes as a JSON file: the strict reader reports problems (syntax with line and column),
/// it never crashes, hangs or recurses without bound.
func fuzzOne(_ bytes: [UInt8]) {
    let rules = ValidationRules(today: Day(year: 2026, month: 11, day: 26))
    let file = DataFile.parse(bytes: bytes, name: "fuzz.json", format: .json, rules: rules)
    for diagnostic in file.diagnostics { _ = diagnostic.description }
}
