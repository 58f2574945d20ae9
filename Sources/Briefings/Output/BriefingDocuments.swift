import ChartRendering
import Charts
import ExchangeModel
import ExchangeStore
import Foundation

/// Renders one briefing: for each language, its charts and its documents, as files relative to the output directory.
public enum BriefingDocuments {
    /// What to render.
    public struct Request: Sendable {
        public var period: Period
        public var languages: [Language]
        public var formats: [DocumentFormat]
        public var templateDirectories: [String]
        public var theme: Theme
        /// A dark theme for the HTML's second set of inline charts (`prefers-color-scheme: dark`); nil for one set.
        public var darkTheme: Theme?
        public var today: Day
        public var staleAfter: Int
        public var organisation: String
        /// The charts' author, for the byline.
        public var author: String?
        /// The charts' size in px.
        public var chartWidth: Double = 1200
        public var chartHeight: Double = 675
        /// Where the output directory is published, for absolute links; nil links files beside the briefing.
        public var baseURL: BaseURL?

        public init(period: Period, languages: [Language], formats: [DocumentFormat], templateDirectories: [String],
                    theme: Theme, darkTheme: Theme? = nil, today: Day, staleAfter: Int, organisation: String,
                    author: String? = nil, chartWidth: Double = 1200, chartHeight: Double = 675, baseURL: BaseURL? = nil) {
            self.darkTheme = darkTheme; self.baseURL = baseURL
            self.author = author; self.chartWidth = chartWidth; self.chartHeight = chartHeight
            self.period = period; self.languages = languages; self.formats = formats
            self.templateDirectories = templateDirectories; self.theme = theme; self.today = today
            self.staleAfter = staleAfter; self.organisation = organisation
        }
    }

    /// The rendered files and what a caller must know.
    public struct Result: Sendable {
        /// Path relative to the output directory → bytes.
        public var files: [(path: String, bytes: [UInt8])]
        public var facts: BriefingFacts
        /// `briefings/<kind>/<period>`.
        public var directory: String
        /// The names the record's codes stand for, for messages about the facts.
        public var vocabularies: Vocabularies
    }

    /// The data a briefing is made from.
    public struct Record: Sendable {
        public var exchanges: [Exchange]
        public var reported: [ReportedTotal]
        public var history: [HistoryEntry]
        /// The check of the sources that reaches furthest, if any.
        public var lastCheck: SourceCheck?
        /// The names the rows' codes stand for.
        public var vocabularies: Vocabularies
        /// What is known about the gaps between the record and reported totals (`known_gaps.csv`).
        public var knownGaps: [KnownGap]
        public init(exchanges: [Exchange], reported: [ReportedTotal], history: [HistoryEntry], lastCheck: SourceCheck?,
                    vocabularies: Vocabularies, knownGaps: [KnownGap] = []) {
            self.exchanges = exchanges; self.reported = reported; self.history = history; self.lastCheck = lastCheck
            self.vocabularies = vocabularies; self.knownGaps = knownGaps
        }

        /// The record for publishing: the file's pages checked first, then every row as an import
        /// checks it, and every code against the vocabularies (a code none has stops the run).
        public static func read(from store: ExchangeStore, vocabularies: Vocabularies, knownGaps: [KnownGap] = []) throws(StoreError) -> Record {
            try store.checkPages()
            let record = Record(exchanges: try store.exchanges(), reported: try store.reportedTotals(), history: try store.history(),
                                lastCheck: try store.checks().last, vocabularies: vocabularies, knownGaps: knownGaps)
            try store.checkTotals(record.reported)
            try vocabularies.checkCodes(exchanges: record.exchanges, reported: record.reported, store: store.path)
            return record
        }
    }

    public static func render(_ request: Request, record: Record) throws -> Result {
        var files: [(path: String, bytes: [UInt8])] = []
        var result = try render(request, record: record) { files.append(($0, $1)) }
        result.files = files
        return result
    }

    /// Renders and hands each file to `sink` as soon as it is made, so that a caller can write it
    /// away instead of holding the whole briefing in memory; `Result.files` stays empty.
    public static func render(_ request: Request, record: Record, sink: (_ path: String, _ bytes: [UInt8]) throws -> Void) throws -> Result {
        // A template set that `templates check` refuses publishes nothing: an empty section is never
        // silently part of a briefing, and a template that would loop or crash is never rendered.
        let problems = TemplateChecker.check(directories: request.templateDirectories)
        if var first = problems.first {
            if problems.count > 1 { first.message += " (and \(problems.count - 1) more: `homecoming templates check` lists them all)" }
            throw first
        }
        let facts = BriefingFacts(period: request.period, exchanges: record.exchanges, reported: record.reported, history: record.history,
                                  today: request.today, staleAfter: request.staleAfter, lastCheck: record.lastCheck,
                                  knownGaps: record.knownGaps)
        let directory = "briefings/\(request.period.kind.rawValue)/\(request.period.slug)"
        let typeface = Typeface(theme: request.theme)
        // One typeface per theme for the whole run: each loads its font files.
        let darkTypeface = request.darkTheme.map { $0.fontFile == request.theme.fontFile && $0.fontBoldFile == request.theme.fontBoldFile ? typeface : Typeface(theme: $0) }
        let measurer = try CairoTextMeasurer(typeface: typeface)
        for language in request.languages {
            let folder = "\(directory)/\(language.rawValue)"
            let templates = try TemplateSet(language: language, directories: request.templateDirectories)
            var charts: [BriefingViewModel.Chart] = []
            // Each glyph outline once for the page, however many versions of the charts show it.
            var sprite = GlyphSprite()
            // A period before the record has nothing to draw: no charts, rather than three empty ones.
            for kind in facts.isBeforeRecord ? [] : ChartRequest.Kind.allCases {
                var chartRequest = ChartRequest(kind: kind, to: request.period.end, language: language, width: request.chartWidth,
                                                height: request.chartHeight, organisation: request.organisation, author: request.author,
                                                highlight: kind == .perExchange ? request.period.start...request.period.end : nil,
                                                today: request.today)
                chartRequest.uncheckedAfter = facts.freshness.uncheckedAfter
                let content = ChartBuilder.build(chartRequest, exchanges: record.exchanges, reported: record.reported,
                                                 vocabularies: record.vocabularies, knownGaps: record.knownGaps)
                let options = [("width", String(Int(request.chartWidth))), ("height", String(Int(request.chartHeight))), ("scale", "2"), ("theme", request.theme.name), ("lang", language.rawValue),
                               ("from", ""), ("to", request.period.end.iso), ("format", "svg,png"),
                               ("organisation", request.organisation), ("byline", request.author ?? "")]
                let rendered = try ChartFiles.render(content, theme: request.theme, typeface: typeface, formats: [.svg, .png], scale: 2,
                                                     options: options, measurer: measurer)
                for file in rendered { try sink("\(folder)/\(file.path)", file.bytes) }
                let svg = rendered.first { $0.path.hasSuffix(".svg") }?.bytes ?? []
                // Another version of the chart for the HTML page; its ids come from its content, so that
                // every version can sit in one page.
                func inline(_ spec: ChartSpec, _ size: (width: Double, height: Double), dark: Bool, textScale: Double? = nil) throws -> String? {
                    guard let theme = dark ? request.darkTheme : request.theme else { return nil }
                    let scene = ChartFiles.scene(spec, width: size.width, height: size.height, theme: theme, measurer: measurer, textScale: textScale)
                    return inlineSVG(sprite.share(try SceneRenderer.svgBytes(scene, typeface: dark ? darkTypeface ?? typeface : typeface)))
                }
                var dark: String?, narrow: String?, narrowDark: String?
                if request.formats.contains(.html) {
                    dark = try inline(content.spec, (request.chartWidth, request.chartHeight), dark: true)
                    // A phone gets the chart laid out for its width, so that its text is not scaled down to a few pixels.
                    if request.chartWidth > Self.narrowSize.width {
                        var narrowRequest = chartRequest
                        (narrowRequest.width, narrowRequest.height) = Self.narrowSize
                        let narrowSpec = ChartBuilder.build(narrowRequest, exchanges: record.exchanges, reported: record.reported,
                                                            vocabularies: record.vocabularies, knownGaps: record.knownGaps).spec
                        narrow = try inline(narrowSpec, Self.narrowSize, dark: false, textScale: Self.narrowTextScale)
                        narrowDark = try inline(narrowSpec, Self.narrowSize, dark: true, textScale: Self.narrowTextScale)
                    }
                }
                charts.append(.init(id: kind.rawValue, title: content.spec.title, alt: content.spec.description,
                                    svg: inlineSVG(sprite.share(svg)), svgDark: dark, svgNarrow: narrow, svgNarrowDark: narrowDark, png: "\(kind.rawValue).png"))
            }
            for format in request.formats {
                let model = BriefingViewModel.make(facts, language: language, vocabularies: record.vocabularies, format: format,
                                                   charts: charts, chartGlyphs: sprite.markup, today: request.today,
                                                   beside: { name in request.baseURL?.resolve("\(folder)/\(name)") ?? name })
                var text = try templates.render("\(format.rawValue)/briefing", model)
                text = tidy(text, format: format)
                try sink("\(folder)/briefing.\(format.fileExtension)", Array(text.utf8))
            }
            let strings = BriefingStrings(language: language, words: RecordWords(language: language, vocabularies: record.vocabularies))
            let meta = BriefingMeta(title: strings.title(request.period), kind: request.period.kind.rawValue, period: request.period.slug,
                                    start: request.period.start.iso, end: request.period.end.iso, lang: language.rawValue,
                                    prepared: request.today.iso, formats: request.formats.map(\.rawValue), summary: strings.lede(facts))
            try sink("\(folder)/briefing.json", try meta.encoded())
        }
        return Result(files: [], facts: facts, directory: directory, vocabularies: record.vocabularies)
    }

    /// Renders into a publication: every file of the briefing, then the index and feed that list it.
    /// The caller commits the publication (or aborts it on failure).
    ///
    /// - Parameter keepWeeks: how many weekly editions to keep, the newest (this one included); older
    ///   ones are removed from the output and from its index and feed. Nil or 0 keeps every one.
    public static func stage(_ request: Request, record: Record, into stager: Publication, keepWeeks: Int? = nil) throws -> Result {
        let output = stager.directory
        var metas: [(path: String, bytes: [UInt8])] = []
        let result = try render(request, record: record) { path, bytes in
            if path.hasSuffix("/briefing.json") { metas.append((path, bytes)) }
            try stager.add(path, bytes)
        }
        var removed: Set<String> = []
        if let keepWeeks, keepWeeks > 0 {
            let weekly = (output as NSString).appendingPathComponent("briefings/weekly")
            var editions = Set(((try? FileManager.default.contentsOfDirectory(atPath: weekly)) ?? []).filter { Period.week($0) != nil })
            if request.period.kind == .weekly { editions.insert(request.period.slug) }
            for old in editions.sorted(by: >).dropFirst(keepWeeks) {
                try stager.remove("briefings/weekly/\(old)")
                removed.insert("briefings/weekly/\(old)")
            }
        }
        for file in PublicationIndex.files(outputDirectory: output, pending: metas, excluding: removed, baseURL: request.baseURL) { try stager.add(file.path, file.bytes) }
        return result
    }

    /// The size of the charts an HTML briefing shows on a phone (CSS px).
    /// Shown at about its own size, so its text keeps most of the theme's sizes (labels of 12 px).
    static let narrowSize: (width: Double, height: Double) = (360, 520)
    static let narrowTextScale = 0.8

    /// The SVG without its XML declaration, ready to sit inside HTML.
    static func inlineSVG(_ svg: [UInt8]) -> String {
        // On bytes: Foundation's string searching and trimming of a document this size costs milliseconds.
        var start = 0
        if svg.starts(with: Array("<?xml".utf8)), let end = (0..<max(0, svg.count - 1)).first(where: { svg[$0] == UInt8(ascii: "?") && svg[$0 + 1] == UInt8(ascii: ">") }) {
            start = end + 2
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var stop = svg.count
        while start < stop, isSpace(svg[start]) { start += 1 }
        while stop > start, isSpace(svg[stop - 1]) { stop -= 1 }
        return String(decoding: svg[start..<stop], as: UTF8.self)
    }

    /// Collapses the blank lines that empty sections leave, and wraps plain text.
    /// HTML is left as rendered: blank lines mean nothing there, and it carries a megabyte of inline SVG.
    static func tidy(_ text: String, format: DocumentFormat) -> String {
        if format == .html { return text.hasSuffix("\n") ? text : text + "\n" }
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy { $0 == " " }
            blank = isBlank ? blank + 1 : 0
            if blank <= 1 { lines.append(isBlank ? "" : line) }
        }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        let joined = lines.joined(separator: "\n") + "\n"
        return format == .txt ? TextWrap.wrap(joined) : joined
    }
}
