import ChartRendering
import Charts
import ExchangeModel
import ExchangeStore
import Foundation
import Logging

/// Draws charts for articles and publishes them, as the briefing does: read the configuration
/// (theme, size, templates, byline, database) → read the record → render → publish into an
/// output of Homecoming's (by default `charts/` inside the configured output, under its lock).
public struct ChartJob {
    public var kinds: [ChartRequest.Kind]
    public var from: Day?
    public var to: Day?
    public var language: Language
    /// PNG pixel density (1, 2 or 3).
    public var scale: Int
    public var formats: [ChartFiles.Format]
    /// The directory to write into; nil for `charts/` inside the configured output.
    public var out: String?
    /// Seconds to wait for a run that publishes the output around `out`.
    public var wait: Int
    /// Theme, chart size, templates, organisation, byline and database, as every command takes them.
    public var flags: Settings.Flags
    public var environment: [String: String]
    public var source: RecordSource

    public init(kinds: [ChartRequest.Kind], from: Day?, to: Day?, language: Language, scale: Int, formats: [ChartFiles.Format],
                out: String?, wait: Int, flags: Settings.Flags, environment: [String: String], source: RecordSource) {
        self.kinds = kinds; self.from = from; self.to = to; self.language = language; self.scale = scale; self.formats = formats
        self.out = out; self.wait = wait; self.flags = flags; self.environment = environment; self.source = source
    }

    public func run(logger: Logger) throws(PipelineFailure) {
        let today = source.now.today
        // A chart shows what the record holds up to today: a period in the future has nothing true to show.
        for (name, day, fix) in [("--from", from, "give a --from on or before \(today.iso)"), ("--to", to, "leave --to out to end today")] {
            if let day, day > today {
                throw PipelineFailure(step: nil, message: "\(name) \(day.iso) is after today (\(today.iso)): a chart cannot show the future.\n    fix: \(fix).",
                                      status: ExitStatus.usage)
            }
        }
        let settings = try Settings.forJob(flags, environment: environment)
        let out = self.out ?? (settings.output.value as NSString).appendingPathComponent("charts")

        let exchanges: [Exchange], reported: [ReportedTotal], vocabularies: Vocabularies, knownGaps: [KnownGap], lastCheck: SourceCheck?
        do {
            let store = try source.open(settings.database.value, logger: logger)
            exchanges = try store.exchanges(notes: false)
            reported = try store.reportedTotals()
            // Every row read is checked as an import checks it (SQLite's integrity check is check's, weekly's and
            // briefing's: at 100,000 rows it takes longer than the chart).
            try store.checkTotals(reported)
            vocabularies = try source.vocabularies()
            try vocabularies.checkCodes(exchanges: exchanges, reported: reported, store: store.path)
            // Only the cumulative chart compares the record with reported totals.
            knownGaps = kinds.contains(.cumulative) ? try source.knownGaps(vocabularies) : []
            lastCheck = try store.checks().last
        } catch {
            throw PipelineFailure(step: "read the record", message: "\(error)", status: ExitStatus.code(for: error))
        }

        let theme = try settings.loadTheme()
        let typeface = Typeface(theme: theme)
        let measurer: CairoTextMeasurer
        do { measurer = try CairoTextMeasurer(typeface: typeface) } catch {
            throw PipelineFailure(step: "render", message: "\(error)", status: ExitStatus.ioError)
        }
        let size = settings.chartSize.value
        // As a briefing says it: a chart that runs past the stale limit after the last check of the sources notes the day
        // (every kind ends on the same day).
        let freshness = BriefingFacts.Freshness(lastCheck: lastCheck, newestRecord: exchanges.last { $0.date <= today }?.date,
                                                staleAfter: settings.staleAfter.value, reach: to ?? today)
        var files: [(path: String, bytes: [UInt8])] = []
        for kind in kinds {
            var request = ChartRequest(kind: kind, from: from, to: to, language: language, width: Double(size.width), height: Double(size.height),
                                       organisation: settings.organisation.value ?? theme.organisation, author: settings.byline.value, today: today)
            request.uncheckedAfter = freshness.uncheckedAfter
            let content = ChartBuilder.build(request, exchanges: exchanges, reported: reported, vocabularies: vocabularies, knownGaps: knownGaps)
            let options = [("width", String(size.width)), ("height", String(size.height)), ("scale", String(scale)),
                           ("theme", theme.name), ("lang", language.rawValue), ("from", from?.iso ?? ""), ("to", to?.iso ?? ""),
                           ("format", formats.map(\.rawValue).joined(separator: ",")),
                           ("organisation", request.organisation), ("byline", request.author ?? "")]
            do {
                files += try ChartFiles.render(content, theme: theme, typeface: typeface, formats: formats, scale: scale, options: options, measurer: measurer)
            } catch {
                throw PipelineFailure(step: "render", message: "cannot draw \(kind.rawValue): \(error)", status: ExitStatus.ioError)
            }
        }

        // The one publishing path: into a directory of Homecoming's (new, empty or marked), swapped in whole;
        // inside an output a weekly run publishes (Output/charts), that output is published, under its lock.
        do throws(PublishError) {
            let publication = try Publication(out, wait: wait)
            for file in files { try publication.add(file.path, file.bytes) }
            let committed = try publication.commit()
            let changed = publication.changed.count
            logger.notice(committed == nil ? "up to date: \(out) already holds these charts; nothing was written."
                                           : "wrote \(changed) file\(changed == 1 ? "" : "s"): \(out)")
        } catch {
            throw PipelineFailure(publishing: error)
        }
    }
}
