import ArgumentParser
import Briefings
import ExchangeModel
import Foundation
import Logging

struct WeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly",
        abstract: "The weekly job for cron: last week's briefing in every language and format, its charts, the index and the feed.",
        discussion: """
            Safe to schedule: it takes a lock (a second run waits --wait seconds, then exits 75 naming \
            the holder), renders everything beside the output and swaps it in with one atomic rename \
            (a run killed at any moment leaves the previous output as it was), rewrites nothing when \
            nothing changed ("up to date"), and with --quiet prints nothing on success. Warnings (stale \
            data) and errors always print, on standard error.

            Settings come from flags, then HOMECOMING_* variables, then homecoming.json (or --config), \
            then defaults; `homecoming config` shows them.

            Exit codes: 0 ok, 64 usage, 65 bad data or damaged database, 66 missing input, 73 cannot \
            create output, 74 I/O error, 75 locked by another run, 78 configuration.
            """)

    @Flag(help: "Print nothing on success (warnings and errors still print).")
    var quiet = false

    @Flag(help: "Render and write even when the output is up to date.")
    var force = false

    @Option(help: ArgumentHelp("Wait up to this many seconds for another run's lock (default: 0).", valueName: "seconds"), transform: Arguments.count)
    var wait: Int = 0

    @Option(help: ArgumentHelp("An ISO week such as 2024-W52 instead of the last completed one.", valueName: "week"), transform: Arguments.week)
    var week: Period?

    @Option(name: .customLong("log-format"), help: "text, or json for one JSON object per line (both on standard error).")
    var logFormat: LogOutput.Format = .text

    @Option(name: .customLong("keep-weeks"), help: ArgumentHelp("Keep the newest N weekly editions in the output, remove older ones ($HOMECOMING_KEEP_WEEKS; default 104; 0 keeps all).", valueName: "n"), transform: Arguments.count)
    var keepWeeks: Int?

    @OptionGroup var options: PublishOptions

    func run() throws {
        try runReportingErrors("weekly", format: logFormat) {
            let context = try CommandContext(options.store, command: "weekly", format: logFormat, level: quiet ? .warning : .info)
            var flags = options.flags
            flags.keepWeeks = keepWeeks
            var job = BriefingJob(flags: flags, environment: options.store.environment, period: week, source: context.source())
            job.wait = wait
            job.force = force
            job.prunesOldEditions = true
            job.checkpoint = TestHooks.checkpoint
            _ = try job.run(logger: context.logger)
        }
    }
}

/// Test hooks (HOMECOMING_TEST_PAUSE, HOMECOMING_TEST_FAULT; unset in production): stop at a named
/// step so that a test can kill the process there, or fail there as an I/O error would.
enum TestHooks {
    static func checkpoint(_ name: String) throws(PublishError) {
        let environment = ProcessInfo.processInfo.environment
        if environment["HOMECOMING_TEST_FAULT"] == name {
            throw .io(path: name, reason: "simulated input/output error (HOMECOMING_TEST_FAULT)")
        }
        guard environment["HOMECOMING_TEST_PAUSE"] == name else { return }
        FileHandle.standardError.write(Data("paused at \(name)\n".utf8))
        while true { sleep(60) }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings of weekly, briefing and chart, and where each value comes from.",
        discussion: "Example homecoming.json: {\"languages\": [\"en\", \"uk\"], \"formats\": [\"html\", \"txt\"], \"staleAfter\": 10, \"byline\": \"Olena K.\"}")

    @Option(name: .customLong("keep-weeks"), help: ArgumentHelp("As for weekly.", valueName: "n"), transform: Arguments.count)
    var keepWeeks: Int?

    @OptionGroup var options: PublishOptions

    func run() throws {
        try runReportingErrors("config") {
            var flags = options.flags
            flags.keepWeeks = keepWeeks
            let settings = try CommandContext(options.store, command: "config").settings(flags)
            var table = TextTable([("setting", .left), ("value", .left), ("from", .left)])
            for row in settings.rows { table.add([row.setting, row.value, row.source]) }
            Console.out(table.render())
        }
    }
}

/// The settings every publishing command shares (`chart` too); each can also come from the environment or the file.
struct SharedSettingsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A configuration file (JSON); default: homecoming.json in the working directory, if there is one.", valueName: "file"), completion: .file())
    var config: String?

    @Option(help: ArgumentHelp("Chart theme: light, dark or a theme file (JSON, as Templates/themes/light.json) ($HOMECOMING_THEME).", valueName: "theme"))
    var theme: String?

    @Option(help: ArgumentHelp("A templates directory searched before Templates/, for briefing templates and themes/NAME.json ($HOMECOMING_TEMPLATES).", valueName: "dir"), completion: .directory)
    var templates: String?

    @Option(help: ArgumentHelp("The organisation for the charts' byline ($HOMECOMING_ORGANISATION; default: the theme's).", valueName: "name"))
    var organisation: String?

    @Option(help: ArgumentHelp("An author for the charts' byline, named after the organisation ($HOMECOMING_BYLINE).", valueName: "name"))
    var byline: String?

    @OptionGroup var store: StoreOptions

    /// These settings as flags, the others not given.
    var flags: Settings.Flags {
        Settings.Flags(config: config, theme: theme, database: store.database, templates: templates, organisation: organisation, byline: byline)
    }
}

/// The settings of the publishing commands that write briefings (`weekly`, `briefing`, `config`).
struct PublishOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Languages: en, uk or en,uk ($HOMECOMING_LANGUAGES).", valueName: "langs"), transform: Arguments.languages)
    var lang: [Language]?

    @Option(help: ArgumentHelp("Formats: html, md, txt, comma-separated ($HOMECOMING_FORMATS).", valueName: "formats"), transform: Arguments.formats)
    var format: [DocumentFormat]?

    @Option(name: .customLong("chart-size"), help: ArgumentHelp("article, square, wide or WxH ($HOMECOMING_CHART_SIZE).", valueName: "size"), transform: Arguments.size)
    var chartSize: ChartSize?

    @Option(help: ArgumentHelp("The output directory ($HOMECOMING_OUTPUT; default Output).", valueName: "dir"), completion: .directory)
    var out: String?

    @Option(name: .customLong("stale-after"), help: ArgumentHelp("Warn when the data is older than this many days ($HOMECOMING_STALE_AFTER; default 14).", valueName: "days"), transform: Arguments.count)
    var staleAfter: Int?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The address the output is published under, for absolute links in briefings, index and feed ($HOMECOMING_BASE_URL).", valueName: "url"))
    var baseURL: BaseURL?

    @OptionGroup var shared: SharedSettingsOptions

    var store: StoreOptions { shared.store }

    var flags: Settings.Flags {
        var flags = shared.flags
        flags.languages = lang; flags.formats = format; flags.chartSize = chartSize; flags.output = out
        flags.staleAfter = staleAfter; flags.baseURL = baseURL
        return flags
    }
}
