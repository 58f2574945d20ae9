import ExchangeModel

/// What importing a file would do to the store: the additions, the updates, and what stops it.
public struct ImportPlan: Sendable {
    /// Problems with the file itself or across its rows: the import cannot go ahead.
    public var diagnostics: [Diagnostic] = []
    /// Rows that differ from the stored ones: errors unless updating.
    public var conflicts: [Diagnostic] = []
    /// The file's rows to add, oldest first: a view of the file's rows, not a copy of them
    /// (100,000 exchanges are 30 MB; Benchmarks/README.md, "a bilingual record").
    public var exchangesToAdd: LazyMapSequence<[Int], Exchange> { positionsToAdd.lazy.map { [rows] in rows[$0].value } }
    private var positionsToAdd: [Int] = []
    private let rows: [DataFile.Row<Exchange>]
    public var exchangesToUpdate: [(old: Exchange, new: Exchange)] = []
    public var exchangesUnchanged = 0
    public var totalsToAdd: [ReportedTotal] = []
    public var totalsToUpdate: [(id: Int64, old: ReportedTotal, new: ReportedTotal)] = []
    public var totalsUnchanged = 0

    /// Compares the file's rows with what is stored.
    init(file: DataFile, vocabularies: Vocabularies, storedExchanges: ExchangeIndex,
         storedTotals: [ReportedTotal.Key: (id: Int64, total: ReportedTotal)]) {
        var file = file
        if file.isLegacyLayout { Self.readLegacyNames(&file, vocabularies) }
        rows = file.exchanges
        diagnostics = file.diagnostics + vocabularies.unknownCodeDiagnostics(file)
        let locate: (Int) -> String = { index in Self.describe(file.location(exchange: index, field: nil)) }
        let crossRow = RecordSetValidator.check(exchanges: file.exchanges.lazy.map { (index: $0.index, exchange: $0.value) },
                                                stored: { storedExchanges[$0] }, locate: locate)
        diagnostics += crossRow.map { row in
            Diagnostic(file: file.name, location: file.location(exchange: row.index, field: row.issue.field),
                       message: row.issue.message, hint: row.issue.hint)
        }
        let totalsLocate: (Int) -> String = { index in Self.describe(file.location(reportedTotal: index, field: nil)) }
        diagnostics += RecordSetValidator.check(reportedTotals: file.reportedTotals.map { ($0.index, $0.value) }, locate: totalsLocate).map { row in
            Diagnostic(file: file.name, location: file.location(reportedTotal: row.index, field: row.issue.field),
                       message: row.issue.message, hint: row.issue.hint)
        }

        var seen = Set<Day>()
        for (position, row) in file.exchanges.enumerated() where seen.insert(row.value.date).inserted {
            guard let old = storedExchanges[row.value.date] else { positionsToAdd.append(position); continue }
            // Columns the file leaves out keep their stored values; the merged row must still follow the rules.
            var new = row.value
            if !row.missing.isEmpty {
                let missing = Set(row.missing)
                let merged = ExchangeValidator.exchange(rules: ValidationRules(today: nil)) { field in
                    missing.contains(field.rawValue) ? old.text(of: field) : row.value.text(of: field)
                }
                switch merged {
                case let .valid(exchange): new = exchange
                case let .invalid(issues):
                    diagnostics += issues.map { issue in
                        Diagnostic(file: file.name, location: file.location(exchange: row.index, field: issue.field),
                                   message: issue.message + " (with the stored values of the columns this file leaves out)", hint: issue.hint)
                    }
                    continue
                }
            }
            let changes = new.differences(from: old)
            if changes.isEmpty { exchangesUnchanged += 1; continue }
            exchangesToUpdate.append((old, new))
            conflicts.append(Diagnostic(
                file: file.name, location: file.location(exchange: row.index, field: changes[0].field),
                message: "exchange \(new.date.iso) is already stored with other values: "
                    + changes.map { "\($0.field) stored \(FieldChange.show($0.old)), file \(FieldChange.show($0.new))" }.joined(separator: "; ")
                    + " (stored source: \(old.sourceURL))",
                hint: "if the file is right, run again with --update: the stored values are replaced and kept in the history"))
        }
        var seenTotals = Set<ReportedTotal.Key>()
        for row in file.reportedTotals where seenTotals.insert(row.value.key).inserted {
            guard let (id, old) = storedTotals[row.value.key] else { totalsToAdd.append(row.value); continue }
            var new = row.value
            if !row.missing.isEmpty {
                let missing = Set(row.missing)
                if case let .valid(total) = ReportedTotalValidator.reportedTotal(rules: ValidationRules(today: nil), text: { field in
                    missing.contains(field.rawValue) ? old.text(of: field) : row.value.text(of: field)
                }) { new = total }
            }
            let changes = new.differences(from: old)
            if changes.isEmpty { totalsUnchanged += 1; continue }
            totalsToUpdate.append((id, old, new))
            conflicts.append(Diagnostic(
                file: file.name, location: file.location(reportedTotal: row.index, field: changes[0].field),
                message: "the reported total \(new.key) is already stored with other values: "
                    + changes.map { "\($0.field) stored \(FieldChange.show($0.old)), file \(FieldChange.show($0.new))" }.joined(separator: "; "),
                hint: "if the file is right, run again with --update: the stored values are replaced and kept in the history"))
        }
        diagnostics.sort { Self.order($0.location) < Self.order($1.location) }
        // Oldest first, so that every part_of names a row already written.
        positionsToAdd.sort { [rows] in rows[$0].value.date < rows[$1].value.date }
    }

    /// A file in the old layout named mediators and publications in English: where a name is that of
    /// a vocabulary entry, the row gets the entry's code; any other name stays the source's detail.
    static func readLegacyNames(_ file: inout DataFile, _ vocabularies: Vocabularies) {
        for i in file.exchanges.indices {
            var row = file.exchanges[i].value
            if let mediator = row.mediator {
                row.mediator = Vocabulary.codes(in: mediator)
                    .map { vocabularies.mediators[$0] == nil ? vocabularies.mediators.entry(named: $0)?.code ?? $0 : $0 }
                    .joined(separator: "; ")
            }
            if row.publication == nil, let name = row.sourceDetail,
               let entry = vocabularies.publications[name] ?? vocabularies.publications.entry(named: name) {
                row.publication = entry.code
                row.sourceDetail = nil
            }
            file.exchanges[i].value = row
            // A column the old layout never had is not "left out": an update keeps no stale translation of the old text.
            file.exchanges[i].missing.removeAll { $0 == ExchangeField.publication.rawValue || $0 == ExchangeField.sourceDetail.rawValue }
        }
    }

    /// Whether the import would change nothing.
    public var isEmpty: Bool {
        positionsToAdd.isEmpty && exchangesToUpdate.isEmpty && totalsToAdd.isEmpty && totalsToUpdate.isEmpty
    }

    static func describe(_ location: Diagnostic.Location) -> String {
        switch location {
        case let .text(line, _): "line \(line)"
        case let .jsonPath(path, _): path
        case let .option(name): name
        case .file: "the file"
        }
    }

    /// File order: whole-file problems first, then by line and column, or by record and key.
    static func order(_ location: Diagnostic.Location) -> (Int, Int, Int, String) {
        switch location {
        case .file: (0, 0, 0, "")
        case let .option(name): (1, 0, 0, name)
        case let .text(line, column): (2, line, column, "")
        case let .jsonPath(path, order): (3, path.hasPrefix("$.reported_totals") ? 1 : 0, order, path)
        }
    }
}
