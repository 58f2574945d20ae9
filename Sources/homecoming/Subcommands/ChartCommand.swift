import ArgumentParser
import Briefings
import ExchangeModel

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw charts for articles: per year, per exchange, cumulative; SVG and PNG.",
        discussion: """
            Beside each chart go NAME.alt.txt (its text description, for alt text), NAME.csv (the exact \
            data it shows) and NAME.json (title, period, sources, options and a SHA-256 of the data).

            Examples:
              homecoming chart all
              homecoming chart per-year --lang uk --theme dark --size square
              homecoming chart per-exchange --from 2025-01-01 --format svg --out /tmp/charts
            """)

    enum Which: String, CaseIterable, ExpressibleByArgument {
        case perYear = "per-year", perExchange = "per-exchange", cumulative, all
    }

    @Argument(help: "per-year, per-exchange, cumulative or all.")
    var which: Which

    @Option(help: ArgumentHelp("The first day shown (YYYY-MM-DD).", valueName: "date"), transform: Arguments.day)
    var from: Day?

    @Option(help: ArgumentHelp("The last day shown (YYYY-MM-DD).", valueName: "date"), transform: Arguments.day)
    var to: Day?

    @Option(help: "The language of the chart's text.")
    var lang: Language = .en

    @Option(help: ArgumentHelp("\(ChartSize.allowed) ($HOMECOMING_CHART_SIZE).", valueName: "size"), transform: Arguments.size)
    var size: ChartSize?

    @Option(help: "PNG pixel density: 1, 2 or 3.")
    var scale: Int = 2

    @Option(help: ArgumentHelp("svg, png or svg,png (default: svg,png).", valueName: "formats"), transform: Arguments.chartFormats)
    var format: [ChartFiles.Format] = ChartFiles.Format.allCases

    @Option(help: ArgumentHelp("The directory to write into (default: charts/ in the configured output, Output/charts).", valueName: "dir"), completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp(
        "Inside an output a weekly or briefing run publishes (Output/charts is), wait this long for such a run to finish, then exit 75 (default: 30).",
        valueName: "seconds"), transform: Arguments.count)
    var wait: Int = 30

    @OptionGroup var shared: SharedSettingsOptions

    var store: StoreOptions { shared.store }

    func validate() throws {
        guard (1...3).contains(scale) else { throw ValidationError("--scale \(scale): use 1, 2 or 3") }
        if let from, let to, to < from {
            throw ValidationError("--to \(to.iso) is before --from \(from.iso): give the period's first day first")
        }
    }

    func run() throws {
        try runReportingErrors("chart") {
            let context = try CommandContext(store, command: "chart")
            let kinds: [ChartRequest.Kind] = switch which {
            case .all: ChartRequest.Kind.allCases
            case .perYear: [.perYear]
            case .perExchange: [.perExchange]
            case .cumulative: [.cumulative]
            }
            var flags = shared.flags
            flags.chartSize = size
            let job = ChartJob(kinds: kinds, from: from, to: to, language: lang, scale: scale, formats: format, out: out, wait: wait,
                               flags: flags, environment: store.environment, source: context.source())
            try job.run(logger: context.logger)
        }
    }
}
