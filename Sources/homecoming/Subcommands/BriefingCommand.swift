import ArgumentParser
import Briefings
import Charts
import ExchangeModel
import ExchangeStore
import Foundation

struct BriefingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Write a briefing (HTML, Markdown, text; English and Ukrainian) with its charts.",
        discussion: """
            Output: OUT/briefings/<kind>/<period>/<lang>/briefing.html|md|txt, the charts beside them, \
            and OUT/index.html and OUT/feed.xml listing every briefing. Templates are Mustache files \
            in Templates/briefing/; see `homecoming templates`.
            """,
        subcommands: [Weekly.self, Annual.self, Range.self])

    /// Options every briefing shares.
    struct Options: ParsableArguments {
        @Option(help: ArgumentHelp("Languages: en, uk or en,uk.", valueName: "langs"))
        var lang: String = "en,uk"

        @Option(help: ArgumentHelp("Formats: any of html, md, txt, comma-separated.", valueName: "formats"))
        var format: String = "html,md,txt"

        @Option(help: ArgumentHelp("A directory searched before Templates/ (first match wins).", valueName: "dir"), completion: .directory)
        var templates: String?

        @Option(help: ArgumentHelp("Where to write (default Output).", valueName: "dir"), completion: .directory)
        var out: String = "Output"

        @Option(help: ArgumentHelp("Chart theme: light, dark or a file.", valueName: "theme"))
        var theme: String = "light"

        @Option(name: .customLong("stale-after"), help: ArgumentHelp("Warn when the newest record or the last import is older than this many days.", valueName: "days"))
        var staleAfter: Int = 14

        @Option(name: .customLong("base-url"), help: ArgumentHelp("The address the output directory is published under (https://…/), for absolute links in briefings, index and feed that keep working when a file is mailed.", valueName: "url"))
        var baseURL: BaseURL?

        var languages: [Language] { lang.split(separator: ",").compactMap { Language(rawValue: String($0)) } }
        var formats: [DocumentFormat] {
            let asked = Set(format.split(separator: ",").compactMap { DocumentFormat(rawValue: String($0)) })
            return DocumentFormat.allCases.filter(asked.contains)
        }
        var templateDirectories: [String] { [templates, ProcessInfo.processInfo.environment["HOMECOMING_TEMPLATES"], Resources.templates].compactMap { $0 } }

        func validate() throws {
            guard !languages.isEmpty, lang.split(separator: ",").allSatisfy({ Language(rawValue: String($0)) != nil }) else {
                throw ValidationError("--lang \(lang): use en, uk or en,uk")
            }
            guard !formats.isEmpty, format.split(separator: ",").allSatisfy({ DocumentFormat(rawValue: String($0)) != nil }) else {
                throw ValidationError("--format \(format): use html, md, txt, or several separated by commas")
            }
            guard staleAfter >= 0 else { throw ValidationError("--stale-after \(staleAfter): use 0 or more days") }
            if let templates, !FileManager.default.fileExists(atPath: templates) {
                throw ValidationError("--templates \(templates): there is no such directory")
            }
        }
    }

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weekly",
            abstract: "The briefing of one ISO week (Monday to Sunday); by default the last completed week before now.",
            discussion: "Example: homecoming briefing weekly --week 2024-W52 --lang en --format html")

        @Option(help: ArgumentHelp("An ISO week such as 2024-W52.", valueName: "week"))
        var week: String?

        @OptionGroup var options: Options
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let week, Period.week(week) == nil { throw ValidationError("--week \(week): write an ISO week such as 2024-W52") }
        }

        func run() throws {
            try runReportingErrors("briefing weekly") {
                let context = try CommandContext(store, command: "briefing")
                let period = week.flatMap(Period.week) ?? Period.lastCompletedWeek(before: context.now.today)
                try BriefingCommand.write(period, options: options, context: context)
            }
        }
    }

    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual",
            abstract: "The year in review.", discussion: "Example: homecoming briefing annual --year 2024")

        @Option(help: "The calendar year.")
        var year: Int

        @OptionGroup var options: Options
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard Period.year(year) != nil, year >= 1900 else { throw ValidationError("--year \(year) is not a year") }
        }

        func run() throws {
            try runReportingErrors("briefing annual") {
                let context = try CommandContext(store, command: "briefing")
                try BriefingCommand.write(Period.year(year)!, options: options, context: context)
            }
        }
    }

    struct Range: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "range",
            abstract: "Any period, both days included.",
                                                        discussion: "Example: homecoming briefing range --from 2025-05-01 --to 2025-07-31")

        @Option(help: ArgumentHelp("The first day (YYYY-MM-DD).", valueName: "date"))
        var from: String

        @Option(help: ArgumentHelp("The last day (YYYY-MM-DD).", valueName: "date"))
        var to: String

        @OptionGroup var options: Options
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard let start = Day(iso: from) else { throw ValidationError("--from \"\(from)\" is not a date: write YYYY-MM-DD") }
            guard let end = Day(iso: to) else { throw ValidationError("--to \"\(to)\" is not a date: write YYYY-MM-DD") }
            guard start <= end else { throw ValidationError("--to \(to) is before --from \(from)") }
        }

        func run() throws {
            try runReportingErrors("briefing range") {
                let context = try CommandContext(store, command: "briefing")
                try BriefingCommand.write(Period(kind: .range, start: Day(iso: from)!, end: Day(iso: to)!), options: options, context: context)
            }
        }
    }

    /// Renders one briefing, then the index and feed, and publishes them as the weekly job does
    /// (under the output's lock, staged and swapped in); warns on stderr when the data is stale.
    static func write(_ period: Period, options: Options, context: CommandContext) throws {
        let result: BriefingDocuments.Result
        do {
            // The one publishing path: the output checked as Homecoming's, its lock, leftovers removed, a staging tree.
            let publication = try Publication(options.out, wait: 0)
            do {
                result = try render(period, options: options, context: context, into: publication)
                _ = try publication.commit()
            } catch {
                publication.abort()
                throw error
            }
        } catch let error as PublishError {
            throw CommandFailure(message: "\(error)", status: ExitStatus.code(for: error))
        }
        if result.facts.freshness.isStale { Console.error("homecoming: warning: " + staleWarning(result.facts.freshness)) }
        for gap in result.facts.newGaps { Console.error("homecoming: warning: " + gapWarning(gap, vocabularies: result.vocabularies)) }
        context.logger.info("briefing written", metadata: ["output.path": "\(options.out)/\(result.directory)"])
    }

    static func render(_ period: Period, options: Options, context: CommandContext,
                       into stager: Publication) throws -> BriefingDocuments.Result {
        let store = try context.openStore()
        let theme: Theme
        do { theme = try ThemeLoader.load(options.theme, templateDirectories: options.templateDirectories) } catch {
            throw CommandFailure(message: "\(error)\n    fix: check the theme file against Templates/themes/light.json.", status: ExitStatus.config)
        }
        // The HTML also carries the charts in the dark theme, for readers whose system prefers it.
        let dark = ThemeLoader.darkCompanion(of: options.theme, templateDirectories: options.templateDirectories)
        let record = try BriefingDocuments.Record.read(from: store, vocabularies: try context.vocabularies(),
                                                          knownGaps: try context.knownGaps())
        let request = BriefingDocuments.Request(period: period, languages: options.languages, formats: options.formats,
                                                templateDirectories: options.templateDirectories, theme: theme, darkTheme: dark, today: context.now.today,
                                                staleAfter: options.staleAfter, organisation: theme.organisation, baseURL: options.baseURL)
        do {
            return try BriefingDocuments.stage(request, record: record, into: stager)
        } catch let error as TemplateError {
            throw CommandFailure(message: "\(error)", status: ExitStatus.config)
        } catch let error as CommandFailure {
            throw error
        } catch let error as PublishError {
            throw error
        } catch {
            throw CommandFailure(message: "cannot render the briefing: \(error)", status: ExitStatus.ioError)
        }
    }

    static func gapWarning(_ gap: BriefingFacts.OfficialComparison, vocabularies: Vocabularies) -> String {
        let t = gap.reported, words = RecordWords(language: .en, vocabularies: vocabularies)
        let who = t.countedBy.map { words.name(.reportingBody, $0) } ?? "a body the source does not name"
        let derived = words.derivation(t).map { " (\($0))" } ?? ""
        return "new reconciliation gap: \(who) reported \(gap.value)\(derived) returned from \(t.periodStart.iso) to \(t.periodEnd.iso); "
            + "the record counts \(gap.recorded.known) (difference \(gap.difference > 0 ? "+" : "")\(gap.difference)). Source: \(t.sourceURL). Check for exchanges missing from the record."
    }

    static func staleWarning(_ f: BriefingFacts.Freshness) -> String {
        let reason: String
        if let check = f.lastCheck {
            reason = "the sources were last checked through \(check.checkedThrough.iso) (by \(check.checkedBy) on \(check.checkedOn.iso)), \(f.uncheckedDays ?? 0) days before \(f.reach.iso)"
        } else if let newest = f.newestRecord {
            reason = "no check of the sources is recorded; the newest exchange is from \(newest.iso), \(f.uncheckedDays ?? 0) days before \(f.reach.iso)"
        } else {
            reason = "no check of the sources is recorded and the record is empty"
        }
        return "the data may be stale: \(reason) (--stale-after \(f.staleAfter)). Import newer exchanges if there are any, then record the review with `homecoming checked`."
    }
}

extension BaseURL: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}
