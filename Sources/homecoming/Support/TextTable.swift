import ExchangeModel

/// A plain-text table with aligned columns, for the terminal.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    /// A row; each cell on one line, whatever the record's text holds.
    mutating func add(_ row: [String]) { rows.append(row.map { $0.replacingControlCharacters() }) }

    /// The table with a rule under the header; trailing spaces trimmed.
    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - cell.count))
                parts.append(alignments[i] == .right ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension Int {
    /// English thousands grouping: 1,358.
    var grouped: String { grouped(separator: ",") }

    /// A signed difference: +13, −141, 0.
    var signed: String { self > 0 ? "+" + grouped : grouped }
}

extension Optional where Wrapped == Int {
    /// The number, or a dash when unknown.
    var shown: String { map(\.grouped) ?? "–" }
}
