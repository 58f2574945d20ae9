/// Rules that span rows: each exchange once per file, and `part_of` naming an earlier exchange.
public enum RecordSetValidator {
    /// An issue found in the row at `index` of the input.
    public struct RowIssue: Hashable, Sendable {
        public var index: Int
        public var issue: ValidationIssue
    }

    /// Checks exchanges read from one file against each other and against the store.
    ///
    /// - Parameters:
    ///   - rows: the valid rows of the file, with their position in it.
    ///   - stored: the exchange already stored for a date, if any.
    ///   - locate: how to name a row in a message ("line 5", "$.exchanges[3]").
    ///   A lazy view of the rows will do: the check keeps positions, never a copy of the rows.
    public static func check<Rows: RandomAccessCollection>(exchanges rows: Rows, stored: (Day) -> Exchange?, locate: (Int) -> String) -> [RowIssue]
        where Rows.Element == (index: Int, exchange: Exchange), Rows.Index == Int {
        var issues: [RowIssue] = []
        // Positions in `rows`, not copies of the rows: a large import must not hold every row twice.
        var firstPosition: [Day: Int] = [:]
        firstPosition.reserveCapacity(rows.count)
        for position in rows.indices {
            let (index, exchange) = rows[position]
            if let first = firstPosition[exchange.date] {
                issues.append(RowIssue(index: index, issue: ValidationIssue(
                    field: ExchangeField.date.rawValue,
                    message: "exchange \(exchange.date.iso) appears twice in this file (first at \(locate(rows[first].index)))",
                    hint: "keep one row per exchange; merge the two, or correct the date of one")))
            } else {
                firstPosition[exchange.date] = position
            }
        }
        for (index, exchange) in rows {
            guard let target = exchange.partOf, target < exchange.date else { continue }
            guard let parent = firstPosition[target].map({ rows[$0].exchange }) ?? stored(target) else {
                issues.append(RowIssue(index: index, issue: ValidationIssue(
                    field: ExchangeField.partOf.rawValue,
                    message: "part_of \(target.iso) names no exchange: no row has that date",
                    hint: "give the date of the exchange's first row, or add that exchange first")))
                continue
            }
            if let grandparent = parent.partOf {
                issues.append(RowIssue(index: index, issue: ValidationIssue(
                    field: ExchangeField.partOf.rawValue,
                    message: "part_of \(target.iso) names a stage of the exchange of \(grandparent.iso), not an exchange",
                    hint: "set part_of to \(grandparent.iso), the exchange's first row")))
            }
        }
        return issues.sorted { $0.index < $1.index }
    }

    /// Checks reported totals read from one file against each other.
    public static func check(reportedTotals rows: [(index: Int, total: ReportedTotal)], locate: (Int) -> String) -> [RowIssue] {
        var firstIndex: [ReportedTotal.Key: Int] = [:]
        var issues: [RowIssue] = []
        for (index, total) in rows {
            if let first = firstIndex[total.key] {
                issues.append(RowIssue(index: index, issue: ValidationIssue(
                    field: ReportedTotalField.periodStart.rawValue,
                    message: "the same reported total (\(total.key)) appears twice in this file (first at \(locate(first)))",
                    hint: "keep one row per figure and source")))
            } else {
                firstIndex[total.key] = index
            }
        }
        return issues
    }
}
