import ArgumentParser
import ExchangeModel
import ExchangeStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the exchanges in a period as a table.",
        discussion: """
            Unknown counts are shown as a dash (never as 0); an undisclosed number returned as "undisclosed".
            Examples: homecoming list --year 2024;  homecoming list --from 2025-05-01 --to 2025-07-31
            """)

    @Option(help: "Only this calendar year.")
    var year: Int?

    @Option(help: ArgumentHelp("Only from this day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only up to this day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Flag(help: "Show each row's notes and source under it.")
    var details = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if year != nil, from != nil || to != nil { throw ValidationError("give either --year or --from/--to, not both") }
        if let year, !(1...9999).contains(year) { throw ValidationError("--year \(year) is not a year") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) \"\(value)\" is not a date: write YYYY-MM-DD") }
        }
        if let from = from.flatMap(Day.init(iso:)), let to = to.flatMap(Day.init(iso:)), to < from {
            throw ValidationError("--to \(to.iso) is before --from \(from.iso)")
        }
    }

    func run() throws {
        try runReportingErrors("list") {
            let context = try CommandContext(store, command: "list")
            let all = try context.openStore().exchanges()
            let start = year.flatMap { Day(year: $0, month: 1, day: 1) } ?? from.flatMap(Day.init(iso:)) ?? all.first?.date ?? context.now.today
            let end = year.flatMap { Day(year: $0, month: 12, day: 31) } ?? to.flatMap(Day.init(iso:)) ?? all.last?.date ?? context.now.today
            let rows = all.filter { $0.date >= start && $0.date <= end }
            var table = TextTable([("Date", .left), ("Part of", .left), ("Returned", .right), ("Military", .right),
                                   ("Civilians", .right), ("To Russia", .right), ("Bodies", .right),
                                   ("Mediator", .left), ("Confidence", .left)])
            for e in rows {
                table.add([e.date.iso, e.partOf?.iso ?? "", e.returnedTotal.map(\.grouped) ?? "undisclosed",
                           e.returnedMilitary.shown, e.returnedCivilians.shown, e.releasedToRussia.shown,
                           e.bodiesReturned.shown, e.mediator ?? "", e.confidence?.rawValue ?? ""])
                if details {
                    if let notes = e.notes { table.add(["", "", "", "", "", "", "", "note: " + notes]) }
                    if let notes = e.notesUK { table.add(["", "", "", "", "", "", "", "note (uk): " + notes]) }
                    table.add(["", "", "", "", "", "", "", "source: " + [e.publication, e.sourceDetail, e.sourceURL].compactMap { $0 }.joined(separator: ", ")])
                }
            }
            let summary = PeriodSummary(rows, from: start, to: end)
            Console.out(table.render())
            Console.out("\n\(start.iso) to \(end.iso): " + Self.describe(summary))
        }
    }

    /// "12 rows, 11 exchanges, 1,358 people returned" (with the undisclosed rows named, never counted as 0).
    static func describe(_ s: PeriodSummary) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n.grouped) \(n == 1 ? one : many)" }
        var text = "\(count(s.rows, "row", "rows")), \(count(s.exchanges, "exchange", "exchanges")), "
            + "\(count(s.returned.known, "person", "people")) returned"
        if s.returned.unknownCount > 0 {
            text += " in the rows with a number (\(count(s.returned.unknownCount, "row", "rows")) undisclosed, not counted)"
        }
        return text + "."
    }
}
