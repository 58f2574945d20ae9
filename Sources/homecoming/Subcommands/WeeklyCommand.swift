import ArgumentParser
import Briefings
import Charts
import ExchangeModel
import ExchangeStore
import Foundation

struct WeeklyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly",
        abstract: "The weekly job for cron: last week's briefing in every language and format, its charts, the index and the feed.",
        discussion: """
            Safe to schedule: it takes a lock (a second run waits --wait seconds, then exits 75 naming \
            the holder), renders everything beside the output and swaps it in with one atomic rename \
            (a run killed at any moment leaves the previous output as it was), rewrites nothing when \
            nothing changed ("up to date"), and with --quiet prints nothing on success. Warnings (stale \
            data) and errors always print.

            Settings come from flags, then HOMECOMING_* variables, then homecoming.json (or --config), \
            then defaults; `homecoming config` shows them.

            Exit codes: 0 ok, 64 usage, 65 bad data or damaged database, 66 missing input, 73 cannot \
            create output, 74 I/O error, 75 locked by another run, 78 configuration.
            """)

    @Flag(help: "Print nothing on success (warnings and errors still print).")
    var quiet = false

    @Flag(help: "Render and write even when the output is up to date.")
    var force = false

    @Option(help: ArgumentHelp("Wait up to this many seconds for another run's lock.", valueName: "seconds"))
    var wait: Int = 0

    @Option(help: ArgumentHelp("An ISO week such as 2024-W52 instead of the last completed one.", valueName: "week"))
    var week: String?

    @Option(name: .customLong("log-format"), help: "text, or json for one JSON object per line.")
    var logFormat: String = "text"

    @OptionGroup var options: PublishOptions

    func validate() throws {
        guard wait >= 0 else { throw ValidationError("--wait \(wait): use 0 or more seconds") }
        guard Reporter.Format(rawValue: logFormat) != nil else { throw ValidationError("--log-format \(logFormat): use text or json") }
        if let week, Period.week(week) == nil { throw ValidationError("--week \(week): write an ISO week such as 2024-W52") }
    }

    func run() throws {
        let now: ReferenceTime
        do { now = try ReferenceTime.resolve(option: options.store.now, environment: options.store.environment) } catch {
            throw ExitCode(ExitStatus.usage)
        }
        let reporter = Reporter(format: Reporter.Format(rawValue: logFormat) ?? .text, quiet: quiet, now: now)
        let failure: JobFailure? = {
            do throws(JobFailure) {
                try WeeklyJob(command: self, now: now, reporter: reporter).run()
                return nil
            } catch {
                return error
            }
        }()
        if let failure {
            reporter.error(failure.message, code: failure.status)
            throw ExitCode(failure.status)
        }
    }
}

/// A failure of the weekly job: the readable block and the exit code.
struct JobFailure: Error {
    var message: String
    var status: Int32
}

/// The weekly job as named steps, each failure tagged with its step.
struct WeeklyJob {
    let command: WeeklyCommand
    let now: ReferenceTime
    let reporter: Reporter
    let environment = ProcessInfo.processInfo.environment

    static let steps = ["read the configuration", "take the lock", "read the record", "render the briefing", "publish"]

    func run() throws(JobFailure) {
        var index = 0
        func step() { index += 1; reporter.step(index, of: Self.steps.count, Self.steps[index - 1]) }

        step()
        let config: Configuration
        do { config = try Configuration.resolve(flags: command.options, environment: environment) } catch {
            throw JobFailure(message: "homecoming weekly: configuration: \(error.message)\n    fix: correct the setting; `homecoming config` shows every setting and where it comes from.",
                             status: ExitStatus.config)
        }
        let output = config.output.value
        let period = command.week.flatMap(Period.week) ?? Period.lastCompletedWeek(before: now.today)

        step()
        // The one publishing path: the output checked as Homecoming's, its lock, leftovers removed, a staging tree.
        let publication: Publication
        do {
            publication = try Publication(output, wait: command.wait, force: command.force,
                                          checkpoint: { name throws(PublishError) in try self.checkpointForPublish(name) })
        } catch {
            let step = if case .locked = error { "take the lock" } else { "publish" }
            throw JobFailure(message: "homecoming weekly: \(step): \(error)", status: ExitStatus.code(for: error))
        }
        let removed = publication.removedLeftovers
        if removed > 0 { reporter.info("removed \(removed) leftover staging director\(removed == 1 ? "y" : "ies") of an interrupted run") }

        step()
        let context: CommandContext
        let record: BriefingDocuments.Record
        do {
            context = try CommandContext(command.options.store, command: "weekly")
            let store = try context.openStore(path: config.database.value)
            record = try BriefingDocuments.Record.read(from: store, vocabularies: try context.vocabularies(),
                                                          knownGaps: try context.knownGaps())
        } catch let error as StoreError {
            throw JobFailure(message: "homecoming weekly: read the record: \(error)", status: ExitStatus.code(for: error))
        } catch {
            throw JobFailure(message: "homecoming weekly: read the record: \(error)", status: ExitStatus.ioError)
        }

        step()
        let directories = [config.templates.value, Resources.templates].compactMap { $0 }
        let theme: Theme
        do { theme = try ThemeLoader.load(config.theme.value, templateDirectories: directories) } catch {
            throw JobFailure(message: "homecoming weekly: render: \(error)\n    fix: check the theme (\(config.theme.source)).", status: ExitStatus.config)
        }
        let dark = ThemeLoader.darkCompanion(of: config.theme.value, templateDirectories: directories)
        let (width, height) = ChartCommand.dimensions(config.chartSize.value) ?? (1200, 675)
        let request = BriefingDocuments.Request(period: period, languages: config.languages.value, formats: config.formats.value,
                                                templateDirectories: directories, theme: theme, darkTheme: dark, today: now.today,
                                                staleAfter: config.staleAfter.value, organisation: config.organisation.value ?? theme.organisation,
                                                author: config.byline.value, chartWidth: width, chartHeight: height,
                                                baseURL: config.baseURL.value)
        // Each file goes to the staging tree as soon as it is rendered (when it differs from the output's):
        // the briefing is never held whole in memory, and nothing is visible until the swap.
        let stager = publication
        let result: BriefingDocuments.Result
        do {
            result = try BriefingDocuments.stage(request, record: record, into: stager, keepWeeks: config.keepWeeks.value)
        } catch let error as TemplateError {
            stager.abort()
            throw JobFailure(message: "homecoming weekly: render: \(error)", status: ExitStatus.config)
        } catch let error as PublishError {
            stager.abort()
            throw JobFailure(message: "homecoming weekly: publish: \(error)", status: ExitStatus.code(for: error))
        } catch {
            stager.abort()
            throw JobFailure(message: "homecoming weekly: render: \(error)", status: ExitStatus.ioError)
        }
        do { try checkpoint("rendered") } catch {
            stager.abort()
            throw error
        }
        if result.facts.freshness.isStale { reporter.warning(BriefingCommand.staleWarning(result.facts.freshness)) }
        for gap in result.facts.newGaps { reporter.warning(BriefingCommand.gapWarning(gap, vocabularies: result.vocabularies)) }

        step()
        let committed: Bool?
        do { committed = try stager.commit() } catch {
            throw JobFailure(message: "homecoming weekly: publish: \(error)", status: ExitStatus.code(for: error))
        }
        guard committed != nil else {
            reporter.info("up to date: \(output)/\(result.directory) already holds this briefing; nothing was written (--force writes anyway).")
            return
        }
        let changed = stager.changed
        reporter.info("wrote \(changed.count) file\(changed.count == 1 ? "" : "s"): \(output)/\(result.directory) "
                      + "(\(config.languages.value.map(\.rawValue).joined(separator: ", ")); \(config.formats.value.map(\.rawValue).joined(separator: ", "))), and the index and feed of each language.")
    }

    // MARK: - Test hooks (HOMECOMING_TEST_PAUSE, HOMECOMING_TEST_FAULT); unset in production.

    /// Stops at a named step when a test asks, so that it can kill the process there.
    func checkpoint(_ name: String) throws(JobFailure) {
        do { try checkpointForPublish(name) } catch {
            throw JobFailure(message: "homecoming weekly: \(name): \(error)", status: ExitStatus.code(for: error))
        }
    }

    func checkpointForPublish(_ name: String) throws(PublishError) {
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
        abstract: "Print the weekly job's effective configuration and where each value comes from.",
        discussion: "Example homecoming.json: {\"languages\": [\"en\", \"uk\"], \"formats\": [\"html\", \"txt\"], \"staleAfter\": 10, \"byline\": \"Olena K.\"}")

    @OptionGroup var options: PublishOptions

    func run() throws {
        do {
            Console.out(try Configuration.resolve(flags: options, environment: ProcessInfo.processInfo.environment).render())
        } catch {
            Console.error("homecoming config: \(error.message)\n    fix: correct the setting.")
            throw ExitCode(ExitStatus.config)
        }
    }
}
