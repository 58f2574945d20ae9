import ArgumentParser
import ExchangeModel
import ExchangeStore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one exchange (or a stage of one) from options, with the same checks as import.",
        discussion: """
            Example: homecoming add --date 2026-03-06 --returned 200 --military 195 --civilians 5 \
            --to-russia 200 --mediator UAE --publication ukrainska-pravda \
            --note "Defenders of Mariupol" --note-uk "..." \
            --source-url https://www.pravda.com.ua/eng/news/... --by "Olena K."

            Mediators and publications are codes of Data/mediators.csv and Data/publications.csv \
            (--data-dir): add a line there for a new one. Give every text in both languages; a \
            Ukrainian text left out is flagged in the Ukrainian documents and by `homecoming check`.

            With --update, an exchange already stored for that date is corrected: the options you \
            give replace the stored values, the others stay as they are, and the old values are kept \
            in the history.
            """)

    @Option(help: ArgumentHelp("The day it took place or was announced, Kyiv time (YYYY-MM-DD).", valueName: "date"))
    var date: String

    @Option(help: ArgumentHelp("Ukrainians who came home; \"unknown\" when officials did not disclose it.", valueName: "n"))
    var returned: String

    @Option(name: .customLong("source-url"), help: ArgumentHelp("Where the figures can be checked (http or https).", valueName: "url"))
    var sourceURL: String

    @Option(help: ArgumentHelp("Of whom military, if the source says.", valueName: "n"))
    var military: String?

    @Option(help: ArgumentHelp("Of whom civilians, if the source says.", valueName: "n"))
    var civilians: String?

    @Option(name: .customLong("to-russia"), help: ArgumentHelp("People handed over to Russia in the same exchange.", valueName: "n"))
    var toRussia: String?

    @Option(help: ArgumentHelp("Bodies of the fallen returned in the same exchange.", valueName: "n"))
    var bodies: String?

    @Option(help: ArgumentHelp("Mediators: codes of Data/mediators.csv, e.g. UAE or \"USA; UAE\".", valueName: "codes"))
    var mediator: String?

    @Option(name: .customLong("part-of"), help: ArgumentHelp("For a stage or supplement: the date of the exchange's first row.", valueName: "date"))
    var partOf: String?

    @Option(help: ArgumentHelp("The official ordinal, 65 for \"the 65th exchange\" (not on a stage).", valueName: "n"))
    var ordinal: String?

    @Option(help: ArgumentHelp("Notes in English: groups named, caveats.", valueName: "text"))
    var note: String?

    @Option(name: .customLong("note-uk"), help: ArgumentHelp("The same notes in Ukrainian.", valueName: "text"))
    var noteUK: String?

    @Option(help: ArgumentHelp("The publication the figures come from: a code of Data/publications.csv.", valueName: "code"))
    var publication: String?

    @Option(name: .customLong("source-detail"), help: ArgumentHelp("What the source is beyond the publication's name (\"via Reuters\"), in English.", valueName: "text"))
    var sourceDetail: String?

    @Option(name: .customLong("source-detail-uk"), help: ArgumentHelp("The same in Ukrainian.", valueName: "text"))
    var sourceDetailUK: String?

    @Option(help: ArgumentHelp("How sure the number returned is: high (stated in the source read; the default), medium (secondary or conflicting) or low (derived).", valueName: "level"))
    var confidence: String?

    @Flag(help: "Correct the exchange already stored for this date; options not given keep their stored values.")
    var update = false

    @Option(help: ArgumentHelp("Who is making the change, for the history (default: $USER).", valueName: "name"))
    var by: String?

    @OptionGroup var store: StoreOptions

    static let optionNames: [String: String] = [
        "date": "--date", "part_of": "--part-of", "returned_total": "--returned", "returned_military": "--military",
        "returned_civilians": "--civilians", "released_to_russia": "--to-russia", "bodies_returned": "--bodies",
        "mediator": "--mediator", "notes": "--note", "notes_uk": "--note-uk", "publication": "--publication",
        "source_detail": "--source-detail", "source_detail_uk": "--source-detail-uk", "source_url": "--source-url",
        "confidence": "--confidence", "ordinal": "--ordinal",
    ]

    func run() throws {
        try runReportingErrors("add") {
            let context = try CommandContext(store, command: "add")
            let store = try context.openStore(by: by)
            let unknown = ["unknown", "undisclosed"].contains(returned.lowercased())
            var given: [ExchangeField: String] = [.date: date, .returnedTotal: unknown ? "" : returned, .sourceURL: sourceURL]
            let optional: [(ExchangeField, String?)] = [
                (.returnedMilitary, military), (.returnedCivilians, civilians), (.releasedToRussia, toRussia),
                (.bodiesReturned, bodies), (.mediator, mediator), (.partOf, partOf), (.ordinal, ordinal), (.notes, note),
                (.notesUK, noteUK), (.publication, publication), (.sourceDetail, sourceDetail), (.sourceDetailUK, sourceDetailUK),
                (.confidence, confidence),
            ]
            for case let (field, value?) in optional { given[field] = value }
            if given[.confidence] == nil, !unknown, !(update && stored(store, date) != nil) { given[.confidence] = Confidence.high.rawValue }
            let existing = update ? stored(store, date) : nil
            let text: (ExchangeField) -> String? = { field in given[field] ?? existing?.text(of: field) }
            switch ExchangeValidator.exchange(rules: context.rules, text: text) {
            case let .invalid(issues):
                throw StoreError.invalidData(file: "homecoming add", diagnostics: issues.map { issue in
                    Diagnostic(file: "homecoming add", location: .option(issue.field.flatMap { Self.optionNames[$0] } ?? "--date"),
                               message: issue.message, hint: issue.hint)
                })
            case let .valid(exchange):
                let file = DataFile.options(exchange, name: "homecoming add", optionNames: Self.optionNames)
                let summary = try store.importData(file, options: ImportOptions(
                    update: update, by: context.person(by), now: context.now, origin: "add", vocabularies: try context.vocabularies()))
                Console.out(summary.exchangesAdded > 0 ? "Added the exchange of \(exchange.date.iso)."
                            : summary.exchangesUpdated > 0 ? "Updated the exchange of \(exchange.date.iso); the old values are in the history."
                            : "The exchange of \(exchange.date.iso) is already stored with these values; nothing changed.")
            }
        }
    }

    private func stored(_ store: ExchangeStore, _ date: String) -> Exchange? {
        guard let day = Day(iso: date) else { return nil }
        return (try? store.exchanges())?.first { $0.date == day }
    }
}
