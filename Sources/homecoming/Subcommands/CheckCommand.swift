import ArgumentParser
import ExchangeModel
import ExchangeStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a file (or the store) without importing, then reconcile each year with the reported totals.",
        discussion: """
            With FILE, the file is checked with every rule import applies and compared with the \
            store; nothing is written. Problems exit 65, as import does. Then the record (with the \
            file's rows, if any) is set beside the totals officials reported: per calendar year, \
            and for every other reported period. Differences are findings, not errors: both \
            figures are shown, with their sources.

            Example: homecoming check;  homecoming check new-exchanges.csv
            """)

    @Argument(help: ArgumentHelp("A CSV or JSON file to validate (default: the store).", valueName: "file"), completion: .file())
    var file: String?

    @Option(help: "The file's format (default: from its extension).")
    var format: DataFile.Format?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReportingErrors("check") {
            let context = try CommandContext(store, command: "check")
            let store = try context.openStore()
            try store.checkPages()
            var exchanges = try store.exchanges()
            var totals = try store.reportedTotals()
            if let file {
                let data = try DataFile.read(path: file, format: format, rules: context.rules)
                let plan = try store.plan(data, vocabularies: try context.vocabularies())
                guard plan.diagnostics.isEmpty else { throw StoreError.invalidData(file: file, diagnostics: plan.diagnostics) }
                Console.out(Self.describe(plan, file: file, rows: data.exchanges.count + data.reportedTotals.count))
                var byDate = Dictionary(exchanges.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
                for row in data.exchanges { byDate[row.value.date] = row.value }
                exchanges = byDate.values.sorted { $0.date < $1.date }
                var known = Set(totals.map(\.key))
                for row in data.reportedTotals {
                    if let i = totals.firstIndex(where: { $0.key == row.value.key }) { totals[i] = row.value }
                    else if known.insert(row.value.key).inserted { totals.append(row.value) }
                }
            } else {
                let problems = Self.recheck(exchanges, rules: context.rules)
                guard problems.isEmpty else {
                    throw StoreError.invalidData(file: store.path, diagnostics: problems)
                }
                Console.out("\(store.path): \(exchanges.count) exchanges and \(totals.count) reported totals, all valid.")
                if let check = try store.checks().last {
                    Console.out("Sources last checked through \(check.checkedThrough.iso), by \(check.checkedBy) on \(check.checkedOn.iso).")
                } else {
                    Console.out("No check of the sources is recorded: run `homecoming checked` after reviewing them.")
                }
            }
            let missing = Self.missingUkrainian(exchanges: exchanges, totals: totals)
            if !missing.isEmpty {
                Console.out("")
                Console.out("Rows whose Ukrainian text is missing (the Ukrainian documents say so where the text would be):")
                for line in missing { Console.out("  " + line) }
            }
            Console.out("")
            Console.out(ReconciliationReport(Reconciliation(exchanges: exchanges, reported: totals)).render())
        }
    }

    static func describe(_ plan: ImportPlan, file: String, rows: Int) -> String {
        var lines = ["\(file): \(rows) rows, all valid: \(plan.exchangesToAdd.count + plan.totalsToAdd.count) new, "
            + "\(plan.exchangesUnchanged + plan.totalsUnchanged) already stored, "
            + "\(plan.conflicts.count) differ from the store."]
        if !plan.conflicts.isEmpty {
            lines.append("Rows that differ (importing them needs --update):")
            lines += plan.conflicts.map { "  \($0.where_): \($0.message)" }
        }
        return lines.joined(separator: "\n")
    }

    /// "exchange 2026-03-05: notes_uk" for each English text without its Ukrainian twin.
    static func missingUkrainian(exchanges: [Exchange], totals: [ReportedTotal]) -> [String] {
        var lines: [String] = []
        for e in exchanges {
            let fields = ExchangeField.allCases.compactMap { field in
                field.ukrainian.flatMap { uk in e.text(of: field) != nil && e.text(of: uk) == nil ? uk.rawValue : nil }
            }
            if !fields.isEmpty { lines.append("exchange \(e.date.iso): fill \(fields.joined(separator: ", "))") }
        }
        for t in totals {
            let fields = ReportedTotalField.allCases.compactMap { field in
                field.ukrainian.flatMap { uk in t.text(of: field) != nil && t.text(of: uk) == nil ? uk.rawValue : nil }
            }
            if !fields.isEmpty { lines.append("reported total \(t.key): fill \(fields.joined(separator: ", "))") }
        }
        return lines
    }

    /// Checks the stored rows with today's rules, as if they were imported now.
    static func recheck(_ exchanges: [Exchange], rules: ValidationRules) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for exchange in exchanges {
            if case let .invalid(issues) = ExchangeValidator.exchange(rules: rules, text: { exchange.text(of: $0) }) {
                diagnostics += issues.map {
                    Diagnostic(file: "store", location: .option("exchange \(exchange.date.iso)"), message: $0.message, hint: $0.hint)
                }
            }
        }
        let rows = exchanges.enumerated().map { ($0.offset, $0.element) }
        diagnostics += RecordSetValidator.check(exchanges: rows, stored: { _ in nil }, locate: { exchanges[$0].date.iso }).map {
            Diagnostic(file: "store", location: .option("exchange \(exchanges[$0.index].date.iso)"), message: $0.issue.message, hint: $0.issue.hint)
        }
        return diagnostics
    }
}
