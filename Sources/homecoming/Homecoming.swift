import ArgumentParser
import Foundation

/// The `homecoming` command: keeps the sourced record of the prisoner exchanges between Ukraine and Russia and publishes from it.
@main
struct Homecoming: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homecoming",
        abstract: "Keep the sourced record of the prisoner exchanges between Ukraine and Russia, check it, and publish from it.",
        discussion: """
            The record lives in an SQLite file (default Data/homecoming.sqlite). On first use it is \
            created and seeded from the bundled, sourced dataset in Data/.

            Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 73 cannot create output, \
            74 I/O error, 75 locked by another run, 78 bad configuration, theme or template.
            """,
        version: "0.1.0",
        subcommands: [ImportCommand.self, AddCommand.self, ExportCommand.self, ListCommand.self,
                      HistoryCommand.self, CheckCommand.self, CheckedCommand.self, ChartCommand.self,
                      BriefingCommand.self, TemplatesCommand.self, WeeklyCommand.self, ConfigCommand.self]
    )
}
