import ArgumentParser
import ExchangeStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the record as CSV or JSON, in the layout import reads back.",
        discussion: """
            CSV holds one table (--table); JSON holds both. The output is deterministic: exporting, \
            importing into an empty store and exporting again gives the same bytes.

            Examples:
              homecoming export > exchanges.csv
              homecoming export --table reported-totals --out totals.csv
              homecoming export --format json --out record.json
            """)

    @Option(help: "csv or json.")
    var format: DataFile.Format = .csv

    @Option(help: "For CSV: exchanges or reported-totals.")
    var table: DataExport.Table = .exchanges

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "file"), completion: .file())
    var out: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReportingErrors("export") {
            let context = try CommandContext(store, command: "export")
            let store = try context.openStore()
            let text: String
            switch format {
            case .json: text = try DataExport.json(exchanges: try store.exchanges(), reportedTotals: try store.reportedTotals())
            case .csv:
                text = table == .exchanges ? DataExport.csv(exchanges: try store.exchanges())
                    : DataExport.csv(reportedTotals: try store.reportedTotals())
            }
            guard let out else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw StoreError.cannotWrite(path: out, reason: (error as NSError).localizedDescription)
            }
        }
    }
}

extension DataExport.Table: ExpressibleByArgument {}
