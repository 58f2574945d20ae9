import ExchangeModel

/// Reads a CSV file of exchanges or of reported totals; which one is told by its header.
struct CSVDataReader {
    let name: String
    let rules: ValidationRules
    var progress: ((_ done: Int, _ total: Int) -> Void)? = nil

    /// The columns a file of each kind must have; the others may be left out.
    static let requiredExchangeColumns: [ExchangeField] = [.date, .returnedTotal, .sourceURL, .confidence]
    static let requiredReportedTotalColumns: [ReportedTotalField] = [.periodStart, .periodEnd, .metric, .value, .sourceURL]

    func read(_ bytes: [UInt8]) -> DataFile {
        var file = DataFile(name: name)
        var parser = CSVParser(bytes: bytes)
        let positions = SourcePositions(bytes: bytes)
        read(positions, parser: &parser, into: &file)
        file.diagnostics = parser.issues.map { issue in
            let (line, column) = positions.position(of: issue.offset)
            return Diagnostic(file: name, location: .text(line: line, column: column), message: issue.message, hint: issue.hint)
        } + file.diagnostics
        file.diagnostics.sort { ImportPlan.order($0.location) < ImportPlan.order($1.location) }
        return file
    }

    private func read(_ positions: SourcePositions, parser: inout CSVParser, into file: inout DataFile) {
        func diagnostic(at offset: Int, _ message: String, _ hint: String) -> Diagnostic {
            let (line, column) = positions.position(of: offset)
            return Diagnostic(file: name, location: .text(line: line, column: column), message: message, hint: hint)
        }
        if let offset = positions.firstInvalidUTF8 {
            file.diagnostics = [diagnostic(at: offset, "the file is not valid UTF-8 text", "save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")")]
            return
        }
        guard let header = parser.next() else {
            if parser.issues.isEmpty {
                file.diagnostics.append(Diagnostic(file: name, location: .file, message: "the file is empty",
                                                   hint: "start with a header line naming the columns, e.g. date,returned_total,…"))
            }
            return
        }
        let names = header.fields.map(\.text)
        let isTotals = names.contains(ReportedTotalField.periodStart.rawValue) || names.contains(ReportedTotalField.metric.rawValue)
        let known = isTotals ? ReportedTotalField.allCases.map(\.rawValue) : ExchangeField.allCases.map(\.rawValue)
        // The old layout of exchanges (12 columns, before Ukrainian texts) named the publication in
        // `source_name`: it still imports, read as the source's detail (see ImportPlan).
        let legacy = !isTotals && names.contains(ExchangeField.legacySourceName)
        let required = isTotals ? Self.requiredReportedTotalColumns.map(\.rawValue) : Self.requiredExchangeColumns.map(\.rawValue)
        let kind = isTotals ? "reported totals" : "exchanges"

        var columns: [String: Int] = [:]
        var headerOK = true
        for (i, field) in header.fields.enumerated() {
            if legacy, field.text == ExchangeField.legacySourceName {
                if names.contains(ExchangeField.publication.rawValue) || names.contains(ExchangeField.sourceDetail.rawValue) {
                    headerOK = false
                    file.diagnostics.append(diagnostic(at: field.offset, "source_name is the old layout's column, and this file also has publication or source_detail",
                                                       "keep either the old column source_name or the new ones (publication, source_detail, source_detail_uk)"))
                }
                columns[ExchangeField.sourceDetail.rawValue] = i
            } else if isTotals, let replacement = ReportedTotalField.legacyColumns[field.text] {
                headerOK = false
                file.diagnostics.append(diagnostic(at: field.offset, "\"\(field.text)\" is a column of the old layout of reported totals",
                                                   "replace it with \(replacement); Data/reported_totals.csv shows the layout and README.md how to fill it"))
            } else if !known.contains(field.text) {
                headerOK = false
                file.diagnostics.append(diagnostic(at: field.offset, "unknown column \"\(field.text)\" in a file of \(kind)",
                                                   "use the column names of Data/\(isTotals ? "reported_totals" : "exchanges").csv: \(known.joined(separator: ", "))"))
            } else if columns[field.text] != nil {
                headerOK = false
                file.diagnostics.append(diagnostic(at: field.offset, "column \"\(field.text)\" appears twice in the header", "remove one of them"))
            } else {
                columns[field.text] = i
            }
        }
        for column in required where columns[column] == nil {
            headerOK = false
            file.diagnostics.append(diagnostic(at: header.fields[0].offset, "the header has no \"\(column)\" column",
                                               "add the column \(column); a file of \(kind) needs \(required.joined(separator: ", "))"))
        }
        guard headerOK else { return }

        let missing = known.filter { columns[$0] == nil }
        file.isLegacyLayout = legacy
        var rowStarts: [Int] = []
        let width = header.fields.count
        while let record = parser.next() {
            let index = rowStarts.count
            rowStarts.append(record.startOffset)
            if index % 1000 == 0 { progress?(record.startOffset, positions.bytes.count) }
            guard record.fields.count == width else {
                let offset = record.fields.count > width ? record.fields[width].offset : record.endOffset
                file.diagnostics.append(diagnostic(at: offset, "this row has \(record.fields.count) fields but the header has \(width)",
                                                   record.fields.count > width
                                                       ? "put fields that contain commas in quotes, or remove the extra fields"
                                                       : "add the missing fields (an empty field is written as nothing between two commas)"))
                continue
            }
            let text: (String) -> String? = { column in columns[column].map { CSVWriter.unneutralised(record.fields[$0].text) } }
            let located: (ValidationIssue) -> Diagnostic = { issue in
                let column = issue.field.flatMap { columns[$0] } ?? 0
                return diagnostic(at: record.fields[column].offset, issue.message, issue.hint)
            }
            if isTotals {
                switch ReportedTotalValidator.reportedTotal(rules: rules, text: { text($0.rawValue) }) {
                case let .valid(total): file.reportedTotals.append(.init(value: total, index: index, missing: missing))
                case let .invalid(issues): file.diagnostics += issues.map(located)
                }
            } else {
                switch ExchangeValidator.exchange(rules: rules, text: { text($0.rawValue) }) {
                case let .valid(exchange): file.exchanges.append(.init(value: exchange, index: index, missing: missing))
                case let .invalid(issues): file.diagnostics += issues.map(located)
                }
            }
        }
        let locator = RowLocator.csv(positions: positions, columns: columns, rowStarts: rowStarts)
        if isTotals {
            file.reportedTotalLocator = locator
            file.reportedTotalRecordCount = rowStarts.count
        } else {
            file.exchangeLocator = locator
            file.exchangeRecordCount = rowStarts.count
        }
    }
}
