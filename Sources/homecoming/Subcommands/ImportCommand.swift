import ArgumentParser
import ExchangeModel
import ExchangeStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import exchanges or reported totals from a CSV or JSON file, all or nothing.",
        discussion: """
            A CSV file holds exchanges (columns as Data/exchanges.csv) or reported totals (as \
            Data/reported_totals.csv); the header tells which. A JSON file holds \
            {"exchanges": [...], "reported_totals": [...]}, as `homecoming export --format json` writes it.

            Every row is checked first; if any problem is found, all of them are listed as \
            FILE:LINE:COLUMN (or a JSON path), nothing is imported, and the exit code is 65. \
            Importing the same file twice changes nothing. A row for an exchange already stored \
            with other values is refused unless --update is given; the old values are then kept \
            in the history (see `homecoming history`).

            Example: homecoming import new-exchanges.csv --by "Olena K."
            """)

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"), completion: .file())
    var file: String

    @Option(name: .long, help: "The file's format (default: from its extension; .json is JSON, anything else CSV).")
    var format: DataFile.Format?

    @Flag(name: .long, help: "Replace stored rows that differ from the file, keeping the old values in the history.")
    var update = false

    @Option(name: .long, help: ArgumentHelp("Who is making the change, for the history (default: $USER).", valueName: "name"))
    var by: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReportingErrors("import") {
            let context = try CommandContext(store, command: "import")
            let reading = ProgressBar("reading \(file)"), writing = ProgressBar("writing \(context.options.database ?? "the store")")
            defer { reading.finish(); writing.finish() }
            let data = try DataFile.read(path: file, format: format, rules: context.rules, progress: reading.update)
            reading.finish()
            let store = try context.openStore(by: by)
            var options = ImportOptions(update: update, by: context.person(by), now: context.now, origin: file, vocabularies: try context.vocabularies())
            options.progress = { writing.update($0, of: $1) }
            let summary = try store.importData(data, options: options)
            writing.finish()
            Console.out(ImportCommand.describe(summary, file: file))
        }
    }

    static func describe(_ s: ImportSummary, file: String) -> String {
        if s.changedNothing {
            let count = s.exchangesUnchanged + s.totalsUnchanged
            return "\(file): nothing to change; all \(count) records are already stored as they are."
        }
        var parts: [String] = []
        if s.exchangesAdded > 0 { parts.append("\(s.exchangesAdded) exchanges added") }
        if s.exchangesUpdated > 0 { parts.append("\(s.exchangesUpdated) exchanges updated") }
        if s.totalsAdded > 0 { parts.append("\(s.totalsAdded) reported totals added") }
        if s.totalsUpdated > 0 { parts.append("\(s.totalsUpdated) reported totals updated") }
        let unchanged = s.exchangesUnchanged + s.totalsUnchanged
        if unchanged > 0 { parts.append("\(unchanged) unchanged") }
        return "\(file): " + parts.joined(separator: ", ") + "."
    }
}

extension DataFile.Format: ExpressibleByArgument {}
