import ArgumentParser
import ExchangeModel
import ExchangeStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the changes made to the record, newest first.",
        discussion: "Every import, add and correction is kept: when, by whom, from where, and each field's old and new value.\nExample: homecoming history --since 2026-01-01")

    @Option(help: ArgumentHelp("Only changes made on or after this day (YYYY-MM-DD, UTC).", valueName: "date"))
    var since: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let since, Day(iso: since) == nil { throw ValidationError("--since \"\(since)\" is not a date: write YYYY-MM-DD") }
    }

    func run() throws {
        try runReportingErrors("history") {
            let context = try CommandContext(store, command: "history")
            let entries = try context.openStore().history(since: since.flatMap(Day.init(iso:)))
            guard !entries.isEmpty else {
                Console.out(since.map { "No changes since \($0)." } ?? "No changes yet.")
                return
            }
            Console.out(Self.render(entries))
        }
    }

    /// Groups entries by import; additions are counted, updates shown field by field.
    static func render(_ entries: [HistoryEntry]) -> String {
        var blocks: [String] = []
        var i = 0
        while i < entries.count {
            let head = entries[i]
            var j = i
            while j < entries.count, entries[j].at == head.at, entries[j].origin == head.origin, entries[j].by == head.by { j += 1 }
            let group = entries[i..<j]
            var lines = ["\(head.at)  by \(head.by)  from \(head.origin)"]
            for type in ["exchange", "reported_total"] {
                let added = group.filter { $0.kind == .added && $0.recordType == type }
                guard !added.isEmpty else { continue }
                let noun = type == "exchange" ? (added.count == 1 ? "exchange" : "exchanges") : (added.count == 1 ? "reported total" : "reported totals")
                if added.count <= 3 {
                    lines.append("  added \(noun): " + added.map(\.recordKey).joined(separator: ", "))
                } else if type == "exchange" {
                    lines.append("  added \(added.count) \(noun), \(added[0].recordKey) to \(added[added.count - 1].recordKey)")
                } else {
                    lines.append("  added \(added.count) \(noun)")
                }
            }
            for entry in group where entry.kind == .updated {
                lines.append("  updated \(entry.recordType == "exchange" ? "exchange" : "reported total") \(entry.recordKey)")
                for change in entry.changes { lines.append("    " + change.summary) }
                if let source = entry.sourceURL { lines.append("    source: \(source)") }
            }
            blocks.append(lines.joined(separator: "\n"))
            i = j
        }
        return blocks.joined(separator: "\n\n")
    }
}
