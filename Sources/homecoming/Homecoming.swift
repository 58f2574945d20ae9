import ArgumentParser
import ChartRendering
import CSystem
import Foundation

/// The `homecoming` command: keeps the sourced record of Ukraine–Russia prisoner exchanges and publishes from it.
@main
struct Homecoming: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homecoming",
        abstract: "Keep the sourced record of Ukraine–Russia prisoner exchanges, check it, and publish from it.",
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

    /// Starts the command. One malloc arena per core: charts render on one thread per core, which
    /// then do not wait for each other's allocations (one arena for all cost 0.6 ms a chart), while
    /// glibc's default of eight per core kept freed chart buffers in each (3 MiB on the weekly job).
    static func main() {
        _ = homecoming_limit_malloc_arenas(Int32(ParallelWork.cores))
        main(nil)
    }
}
