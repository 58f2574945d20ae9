import ArgumentParser
import Briefings
import Cairo
import ChartRendering
import Charts
import CSystem
import ExchangeModel
import ExchangeStore
import Foundation

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

    @Option(help: ArgumentHelp("The first day shown (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The last day shown (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: "en or uk.")
    var lang: String = "en"

    @Option(help: ArgumentHelp("light, dark, or a theme file (JSON, as Templates/themes/light.json).", valueName: "theme"))
    var theme: String = "light"

    @Option(help: ArgumentHelp("article (1200×675), square (1080×1080), wide (1600×900) or WxH from 320x240 up.", valueName: "size"))
    var size: String = "article"

    @Option(help: "PNG pixel density: 1, 2 or 3.")
    var scale: Int = 2

    @Option(help: ArgumentHelp("svg, png or svg,png.", valueName: "formats"))
    var format: String = "svg,png"

    @Option(name: .customLong("png-compression"), help: ArgumentHelp(
        "fast (the default), or a zlib level from 1 to 9 for smaller, slower PNGs; see Benchmarks/README.md for the trade-off.",
        valueName: "fast|level"))
    var pngCompression: String = "fast"

    @Option(help: ArgumentHelp("The directory to write into (default Output/charts).", valueName: "dir"), completion: .directory)
    var out: String = "Output/charts"

    @Option(help: ArgumentHelp(
        "Inside an output a weekly or briefing run publishes (Output/charts is), wait this long for such a run to finish, then exit 75.",
        valueName: "seconds"))
    var wait: Int = 30

    @Option(help: ArgumentHelp("A directory searched before Templates/ for themes/NAME.json.", valueName: "dir"), completion: .directory)
    var templates: String?

    @Option(help: ArgumentHelp("An author for the byline (\"Chart: Homecoming · NAME\").", valueName: "name"))
    var byline: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang \(lang): use en or uk") }
        guard (1...3).contains(scale) else { throw ValidationError("--scale \(scale): use 1, 2 or 3") }
        guard wait >= 0 else { throw ValidationError("--wait \(wait): use 0 or more seconds") }
        guard PNGEncoder.Compression(pngCompression) != nil else {
            throw ValidationError("--png-compression \(pngCompression): use fast or a zlib level from 1 to 9")
        }
        guard Self.dimensions(size) != nil else {
            throw ValidationError("--size \(size): use article, square, wide or WxH (e.g. 800x600), at least 320x240 and at most 4000x4000")
        }
        guard !formats.isEmpty, format.split(separator: ",").allSatisfy({ ChartFiles.Format(rawValue: String($0)) != nil }) else {
            throw ValidationError("--format \(format): use svg, png or svg,png")
        }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) \"\(value)\" is not a date: write YYYY-MM-DD") }
        }
        if let f = from.flatMap(Day.init(iso:)), let t = to.flatMap(Day.init(iso:)), t < f {
            throw ValidationError("--to \(t.iso) is before --from \(f.iso): give the period's first day first")
        }
        try store.validate()
        // A chart shows what the record holds up to today: a period in the future has nothing true to show.
        let today = try ReferenceTime.resolve(option: store.now, environment: store.environment).today
        for (name, value) in [("--from", from), ("--to", to)] {
            if let day = value.flatMap(Day.init(iso:)), day > today {
                throw ValidationError("\(name) \(day.iso) is after today (\(today.iso)): a chart cannot show the future; leave --to out to end today")
            }
        }
    }

    /// The formats asked for, each once, SVG first.
    var formats: [ChartFiles.Format] {
        let asked = Set(format.split(separator: ",").compactMap { ChartFiles.Format(rawValue: String($0)) })
        return ChartFiles.Format.allCases.filter(asked.contains)
    }

    static func dimensions(_ size: String) -> (Double, Double)? {
        switch size {
        case "article": return (1200, 675)
        case "square": return (1080, 1080)
        case "wide": return (1600, 900)
        default:
            let parts = size.lowercased().split(separator: "x")
            guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (320...4000).contains(w), (240...4000).contains(h) else { return nil }
            return (Double(w), Double(h))
        }
    }

    func run() throws {
        // Charts make and drop large buffers: keep them (100,000 exchanges: 30,000 → 17,600 page faults).
        _ = homecoming_keep_large_buffers()
        try runReportingErrors("chart") {
            let context = try CommandContext(store, command: "chart")
            let database = try context.openStore()
            let exchanges = try database.exchanges(notes: false), reported = try database.reportedTotals()
            // Every row read is checked as an import checks it (SQLite's integrity check is check's, weekly's and
            // briefing's: at 100,000 rows it takes longer than the chart).
            try database.checkTotals(reported)
            let vocabularies = try context.vocabularies()
            try vocabularies.checkCodes(exchanges: exchanges, reported: reported, store: database.path)
            let loaded: Theme
            do {
                loaded = try ThemeLoader.load(theme, templateDirectories: TemplatesCommand.directories(templates))
            } catch {
                throw CommandFailure(message: "\(error)\n    fix: check the theme file against Templates/themes/light.json.", status: ExitStatus.config)
            }
            let (width, height) = Self.dimensions(size) ?? (1200, 675)
            let language = Language(rawValue: lang) ?? .en
            let kinds: [ChartRequest.Kind] = which == .all ? ChartRequest.Kind.allCases : [ChartRequest.Kind(rawValue: which.rawValue)!]
            let typeface = Typeface(theme: loaded)
            let measurer: CairoTextMeasurer
            do { measurer = try CairoTextMeasurer(typeface: typeface) } catch { throw CommandFailure(message: "\(error)", status: ExitStatus.ioError) }
            var files: [(path: String, bytes: [UInt8])] = []
            for kind in kinds {
                let request = ChartRequest(kind: kind, from: from.flatMap(Day.init(iso:)), to: to.flatMap(Day.init(iso:)), language: language,
                                           width: width, height: height, organisation: loaded.organisation, author: byline, today: context.now.today)
                let content = ChartBuilder.build(request, exchanges: exchanges, reported: reported, vocabularies: vocabularies)
                let options = [("width", String(Int(width))), ("height", String(Int(height))), ("scale", String(scale)),
                               ("theme", loaded.name), ("lang", lang), ("from", from ?? ""), ("to", to ?? ""), ("format", format)]
                do {
                    files += try ChartFiles.render(content, theme: loaded, typeface: typeface, formats: formats, scale: scale, compression: PNGEncoder.Compression(pngCompression) ?? .fast,
                                                   options: options, measurer: measurer)
                } catch {
                    throw CommandFailure(message: "cannot draw \(kind.rawValue): \(error)", status: ExitStatus.ioError)
                }
            }
            // The one publishing path: into a directory of Homecoming's (new, empty or marked), swapped in whole;
            // inside an output a weekly run publishes (Output/charts), that output is published, under its lock.
            do throws(PublishError) {
                let publication = try Publication(out, wait: wait)
                for file in files { try publication.add(file.path, file.bytes) }
                let committed = try publication.commit()
                context.logger.info(committed == nil ? "charts up to date" : "charts written",
                                    metadata: ["output.path": "\(out)", "output.files": "\(publication.changed.count)"])
            } catch {
                throw CommandFailure(message: "\(error)", status: ExitStatus.code(for: error))
            }
        }
    }
}
