import Charts
import ExchangeModel
import ExchangeStore
import Foundation
import Logging

/// Publishes a briefing, as named steps: read the configuration → take the lock → read the
/// record → render → publish. `weekly` runs it for the last completed week (or `--week`),
/// `briefing` for the period asked; every failure names its step and carries its exit status.
public struct BriefingJob {
    public var flags: Settings.Flags
    public var environment: [String: String]
    /// The period to brief; nil for the last completed ISO week before now.
    public var period: Period?
    public var source: RecordSource
    /// Seconds to wait for another run's lock.
    public var wait = 0
    /// Write every file even when the output already holds it.
    public var force = false
    /// Remove weekly editions beyond the `keepWeeks` setting (the weekly job does; a single briefing does not).
    public var prunesOldEditions = false
    /// Called at named points ("locked", "rendered", …): the test hooks of the executable.
    public var checkpoint: StagedOutput.Checkpoint = { _ throws(PublishError) in }

    public static let steps = ["read the configuration", "take the lock", "read the record", "render the briefing", "publish"]

    public init(flags: Settings.Flags, environment: [String: String], period: Period?, source: RecordSource) {
        self.flags = flags; self.environment = environment; self.period = period; self.source = source
    }

    /// What a run did: the briefing's directory, and the files written (nil when the output already held it).
    public struct Outcome: Sendable {
        public var directory: String
        public var written: Int?
    }

    public func run(logger: Logger) throws(PipelineFailure) -> Outcome {
        var index = 0
        func step() {
            index += 1
            logger.info("\(Self.steps[index - 1])", metadata: ["step": "\(index)/\(Self.steps.count)"])
        }

        step()
        let settings = try Settings.forJob(flags, environment: environment)
        let output = settings.output.value
        let period = self.period ?? Period.lastCompletedWeek(before: source.now.today)

        step()
        // The one publishing path: the output checked as Homecoming's, its lock, leftovers removed, a staging tree.
        let publication: Publication
        do {
            publication = try Publication(output, wait: wait, force: force, checkpoint: checkpoint)
        } catch {
            throw PipelineFailure(publishing: error)
        }
        let removed = publication.removedLeftovers
        if removed > 0 { logger.info("removed \(removed) leftover staging director\(removed == 1 ? "y" : "ies") of an interrupted run") }

        step()
        let record: BriefingDocuments.Record
        do { record = try source.record(settings.database.value, logger: logger) } catch {
            publication.abort()
            throw PipelineFailure(step: "read the record", message: "\(error)", status: ExitStatus.code(for: error))
        }

        step()
        let result: BriefingDocuments.Result
        do throws(PipelineFailure) {
            let theme = try settings.loadTheme()
            // The HTML also carries the charts in the dark theme, for readers whose system prefers it.
            let dark = ThemeLoader.darkCompanion(of: settings.theme.value, templateDirectories: settings.templateDirectories)
            let request = BriefingDocuments.Request(period: period, languages: settings.languages.value, formats: settings.formats.value,
                                                    templateDirectories: settings.templateDirectories, theme: theme, darkTheme: dark, today: source.now.today,
                                                    staleAfter: settings.staleAfter.value, organisation: settings.organisation.value ?? theme.organisation,
                                                    author: settings.byline.value, chartWidth: Double(settings.chartSize.value.width),
                                                    chartHeight: Double(settings.chartSize.value.height), baseURL: settings.baseURL.value)
            // Each file goes to the staging tree as soon as it is rendered (when it differs from the output's):
            // the briefing is never held whole in memory, and nothing is visible until the swap.
            do {
                result = try BriefingDocuments.stage(request, record: record, into: publication,
                                                     keepWeeks: prunesOldEditions ? settings.keepWeeks.value : nil)
            } catch let error as TemplateError {
                throw PipelineFailure(step: "render", message: "\(error)", status: ExitStatus.config)
            } catch let error as PublishError {
                throw PipelineFailure(publishing: error)
            } catch {
                throw PipelineFailure(step: "render", message: "\(error)", status: ExitStatus.ioError)
            }
            do { try checkpoint("rendered") } catch {
                throw PipelineFailure(step: "rendered", message: "\(error)", status: ExitStatus.code(for: error))
            }
        } catch {
            publication.abort()
            throw error
        }
        if result.facts.freshness.isStale { logger.warning("\(Self.staleWarning(result.facts.freshness))") }
        for gap in result.facts.newGaps { logger.warning("\(Self.gapWarning(gap, vocabularies: result.vocabularies))") }

        step()
        let committed: Bool?
        do { committed = try publication.commit() } catch {
            throw PipelineFailure(publishing: error)
        }
        let directory = (output as NSString).appendingPathComponent(result.directory)
        guard committed != nil else {
            logger.notice("up to date: \(directory) already holds this briefing; nothing was written (--force writes anyway).")
            return Outcome(directory: directory, written: nil)
        }
        let changed = publication.changed.count
        let languages = settings.languages.value.map(\.rawValue).joined(separator: ", "), formats = settings.formats.value.map(\.rawValue).joined(separator: ", ")
        logger.notice("wrote \(changed) file\(changed == 1 ? "" : "s"): \(directory) (\(languages); \(formats)), and the index and feed of each language.")
        return Outcome(directory: directory, written: changed)
    }

    /// The warning for a reported total that the record now falls short of (or exceeds).
    public static func gapWarning(_ gap: BriefingFacts.OfficialComparison, vocabularies: Vocabularies) -> String {
        let t = gap.reported, words = RecordWords(language: .en, vocabularies: vocabularies)
        let who = t.countedBy.map { words.name(.reportingBody, $0) } ?? "a body the source does not name"
        let derived = words.derivation(t).map { " (\($0))" } ?? ""
        return "new reconciliation gap: \(who) reported \(gap.value)\(derived) returned from \(t.periodStart.iso) to \(t.periodEnd.iso); "
            + "the record counts \(gap.recorded.known)"
            + (gap.leftOutPeople > 0 ? ", \(gap.comparable.known) without the \(gap.leftOutPeople) freed outside exchanges whom the total leaves out" : "")
            + " (difference \(gap.difference > 0 ? "+" : "")\(gap.difference)). Source: \(t.sourceURL). Check for exchanges missing from the record."
    }

    /// The warning for data that nobody has checked for too long.
    public static func staleWarning(_ f: BriefingFacts.Freshness) -> String {
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
