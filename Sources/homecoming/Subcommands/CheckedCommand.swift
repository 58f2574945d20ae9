import ArgumentParser
import ExchangeModel
import ExchangeStore

struct CheckedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checked",
        abstract: "Record that the sources were reviewed through a day and nothing was missing.",
        discussion: """
            Briefings and the weekly job measure how fresh the record is from the latest such \
            check, not from the latest change: a month without exchanges is then known to be \
            quiet, not unchecked. Without options it records a review through today, by $USER.

            Example: homecoming checked --through 2026-11-30 --note "Coordination HQ Telegram, Ukrinform, UP" --by "Olena K."
            """)

    @Option(help: ArgumentHelp("The last day the sources were reviewed for (YYYY-MM-DD; default: today).", valueName: "date"))
    var through: String?

    @Option(help: ArgumentHelp("What was looked at.", valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("Who reviewed them (default: $USER).", valueName: "name"))
    var by: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        try runReportingErrors("checked") {
            let context = try CommandContext(store, command: "checked")
            var p = FieldParser(rules: context.rules)
            let day = through.map { p.day("--through", $0, required: true) } ?? context.now.today
            p.refuseControlCharacters("--note", note, multiline: false)
            p.refuseControlCharacters("--by", by, multiline: false)
            guard p.issues.isEmpty, let day else {
                throw StoreError.invalidData(file: "homecoming checked", diagnostics: p.issues.map {
                    Diagnostic(file: "homecoming checked", location: .option($0.field ?? "--through"), message: $0.message, hint: $0.hint)
                })
            }
            let store = try context.openStore(by: by)
            let check = SourceCheck(checkedThrough: day, checkedOn: context.now.today, checkedBy: context.person(by),
                                    note: note.flatMap { $0.isEmpty ? nil : $0 })
            try store.record(check)
            Console.out("Recorded: the sources were checked through \(day.iso) by \(check.checkedBy) on \(check.checkedOn.iso).")
        }
    }
}
