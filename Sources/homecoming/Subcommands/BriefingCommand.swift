import ArgumentParser
import Briefings
import ExchangeModel
import Foundation

struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Write a briefing (HTML, Markdown, text; English and Ukrainian) with its charts.",
        discussion: """
            Output: OUT/briefings/<kind>/<period>/<lang>/briefing.html|md|txt, the charts beside them, \
            and the index and feed of each language listing every briefing. Templates are Mustache files \
            in Templates/briefing/; see `homecoming templates`. Settings come from flags, then HOMECOMING_* \
            variables, then homecoming.json (or --config), then defaults, as for the weekly job.
            """,
        subcommands: [Weekly.self, Annual.self, Range.self])

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "The briefing of one ISO week (Monday to Sunday); by default the last completed week before now.",
            discussion: "Example: homecoming briefing weekly --week 2024-W52 --lang en --format html")

        @Option(help: ArgumentHelp("An ISO week such as 2024-W52.", valueName: "week"), transform: Arguments.week)
        var week: Period?

        @OptionGroup var options: PublishOptions

        func run() throws { try BriefingCommand.write(week, "briefing weekly", options: options) }
    }

    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual",
            abstract: "The year in review.", discussion: "Example: homecoming briefing annual --year 2024")

        @Option(help: "The calendar year.")
        var year: Int

        @OptionGroup var options: PublishOptions

        func validate() throws {
            guard year >= 1900, Period.year(year) != nil else { throw ValidationError("--year \(year) is not a year") }
        }

        func run() throws { try BriefingCommand.write(Period.year(year), "briefing annual", options: options) }
    }

    struct Range: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "range",
            abstract: "Any period, both days included.",
            discussion: "Example: homecoming briefing range --from 2025-05-01 --to 2025-07-31")

        @Option(help: ArgumentHelp("The first day (YYYY-MM-DD).", valueName: "date"), transform: Arguments.day)
        var from: Day

        @Option(help: ArgumentHelp("The last day (YYYY-MM-DD).", valueName: "date"), transform: Arguments.day)
        var to: Day

        @OptionGroup var options: PublishOptions

        func validate() throws {
            guard from <= to else { throw ValidationError("--to \(to.iso) is before --from \(from.iso)") }
        }

        func run() throws { try BriefingCommand.write(Period(kind: .range, start: from, end: to), "briefing range", options: options) }
    }

    /// Renders one briefing, then the index and feed, and publishes them as the weekly job does
    /// (the same job: under the output's lock, staged and swapped in); warns when the data is stale.
    static func write(_ period: Period?, _ command: String, options: PublishOptions) throws {
        try runReportingErrors(command) {
            let context = try CommandContext(options.store, command: "briefing")
            var job = BriefingJob(flags: options.flags, environment: options.store.environment, period: period, source: context.source())
            job.checkpoint = TestHooks.checkpoint
            _ = try job.run(logger: context.logger)
        }
    }
}
