import ArgumentParser
import Briefings
import ExchangeStore
import Foundation

/// The settings of the weekly job, each with where it came from: flags, then the environment
/// (`HOMECOMING_*`), then the configuration file, then the defaults.
struct Configuration {
    /// A value and its origin ("--theme", "$HOMECOMING_THEME", "homecoming.json", "default").
    struct Setting<Value> {
        var value: Value
        var source: String
    }

    var languages: Setting<[Language]>
    var formats: Setting<[DocumentFormat]>
    var theme: Setting<String>
    var chartSize: Setting<String>
    var output: Setting<String>
    var database: Setting<String>
    var templates: Setting<String?>
    var staleAfter: Setting<Int>
    /// How many weekly editions the output keeps (the newest); 0 keeps every one.
    var keepWeeks: Setting<Int>
    var organisation: Setting<String?>
    var byline: Setting<String?>
    /// Where the output is published, for absolute links.
    var baseURL: Setting<BaseURL?>

    /// Every key the file may hold, in the order `homecoming config` prints them.
    static let keys = ["languages", "formats", "theme", "chartSize", "output", "database", "templates", "staleAfter", "keepWeeks", "organisation", "byline", "baseURL"]

    /// A wrong setting: the file (or variable), the key, the value and why.
    struct Invalid: Error {
        var message: String
    }

    /// Resolves every setting.
    static func resolve(flags: PublishOptions, environment: [String: String]) throws(Invalid) -> Configuration {
        let (file, fileName) = try loadFile(flags: flags)
        func pick(_ key: String, flag: String?, flagName: String, env: String) throws(Invalid) -> (String, String)? {
            if let flag { return (flag, flagName) }
            if let value = environment[env], !value.isEmpty { return (value, "$\(env)") }
            guard let value = file[key] else { return nil }
            // Each key has one type in the file; nothing is converted (true is not 1, "en" is not ["en"]).
            let isList = key == "languages" || key == "formats", isDays = key == "staleAfter" || key == "keepWeeks"
            switch value {
            case let .string(text) where !isList && !isDays: return (text, fileName)
            case let .array(items) where isList:
                var names: [String] = []
                for item in items {
                    guard case let .string(name) = item else { break }
                    names.append(name)
                }
                if names.count == items.count { return (names.joined(separator: ","), fileName) }
            case let .number(number) where isDays && number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }): return (number, fileName)
            default: break
            }
            throw Invalid(message: "\(fileName): \"\(key)\" is \(describe(value)), which is not \(isDays ? "a whole number of days" : isList ? "a list of names in quotes" : "a text in quotes")")
        }
        func list<T>(_ key: String, flag: String?, flagName: String, env: String, parse: (String) -> T?, allowed: String, defaults: [T]) throws(Invalid) -> Setting<[T]> {
            guard let (raw, source) = try pick(key, flag: flag, flagName: flagName, env: env) else { return Setting(value: defaults, source: "default") }
            let names = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var values: [T] = []
            for name in names {
                guard let value = parse(name) else {
                    throw Invalid(message: "\(source): \"\(key)\" has \"\(name)\", which is not one of \(allowed)")
                }
                values.append(value)
            }
            guard !values.isEmpty else { throw Invalid(message: "\(source): \"\(key)\" is empty; give at least one of \(allowed)") }
            return Setting(value: values, source: source)
        }
        func text(_ key: String, flag: String?, flagName: String, env: String, default value: String?) throws(Invalid) -> Setting<String?> {
            guard let (raw, source) = try pick(key, flag: flag, flagName: flagName, env: env) else { return Setting(value: value, source: "default") }
            guard !raw.trimmingCharacters(in: .whitespaces).isEmpty else { throw Invalid(message: "\(source): \"\(key)\" is empty") }
            return Setting(value: raw, source: source)
        }

        let languages = try list("languages", flag: flags.lang, flagName: "--lang", env: "HOMECOMING_LANGUAGES",
                                 parse: { Language(rawValue: $0) }, allowed: "en, uk", defaults: Language.allCases)
        let formats = try list("formats", flag: flags.format, flagName: "--format", env: "HOMECOMING_FORMATS",
                               parse: { DocumentFormat(rawValue: $0) }, allowed: "html, md, txt", defaults: DocumentFormat.allCases)
        let theme = try text("theme", flag: flags.theme, flagName: "--theme", env: "HOMECOMING_THEME", default: "light")
        let size = try text("chartSize", flag: flags.chartSize, flagName: "--chart-size", env: "HOMECOMING_CHART_SIZE", default: "article")
        if let value = size.value, ChartCommand.dimensions(value) == nil {
            throw Invalid(message: "\(size.source): \"chartSize\" is \"\(value)\", which is not article, square, wide or WxH from 320x240 to 4000x4000")
        }
        let output = try text("output", flag: flags.out, flagName: "--out", env: "HOMECOMING_OUTPUT", default: "Output")
        let database = try text("database", flag: flags.store.database, flagName: "--database", env: "HOMECOMING_DATABASE", default: "Data/homecoming.sqlite")
        let templates = try text("templates", flag: flags.templates, flagName: "--templates", env: "HOMECOMING_TEMPLATES", default: nil)
        if let dir = templates.value, !FileManager.default.fileExists(atPath: dir) {
            throw Invalid(message: "\(templates.source): \"templates\" is \"\(dir)\", which is not a directory")
        }
        let staleRaw = try pick("staleAfter", flag: flags.staleAfter.map(String.init), flagName: "--stale-after", env: "HOMECOMING_STALE_AFTER")
        var staleAfter = Setting(value: 14, source: "default")
        if let (raw, source) = staleRaw {
            guard let days = Int(raw), days >= 0 else { throw Invalid(message: "\(source): \"staleAfter\" is \"\(raw)\", which is not a whole number of days (0 or more)") }
            staleAfter = Setting(value: days, source: source)
        }
        let keepRaw = try pick("keepWeeks", flag: flags.keepWeeks.map(String.init), flagName: "--keep-weeks", env: "HOMECOMING_KEEP_WEEKS")
        var keepWeeks = Setting(value: 104, source: "default")
        if let (raw, source) = keepRaw {
            guard let weeks = Int(raw), weeks >= 0 else { throw Invalid(message: "\(source): \"keepWeeks\" is \"\(raw)\", which is not a whole number of weeks (0 keeps every one)") }
            keepWeeks = Setting(value: weeks, source: source)
        }
        let organisation = try text("organisation", flag: flags.organisation, flagName: "--organisation", env: "HOMECOMING_ORGANISATION", default: nil)
        let byline = try text("byline", flag: flags.byline, flagName: "--byline", env: "HOMECOMING_BYLINE", default: nil)
        let base = try text("baseURL", flag: flags.baseURL, flagName: "--base-url", env: "HOMECOMING_BASE_URL", default: nil)
        var baseURL = Setting<BaseURL?>(value: nil, source: base.source)
        if let raw = base.value {
            guard let url = BaseURL(raw) else {
                throw Invalid(message: "\(base.source): \"baseURL\" is \"\(raw)\", which is not an http(s) address with a host and no query, e.g. https://example.org/briefings/")
            }
            baseURL.value = url
        }
        return Configuration(languages: languages, formats: formats, theme: Setting(value: theme.value ?? "light", source: theme.source),
                             chartSize: Setting(value: size.value ?? "article", source: size.source),
                             output: Setting(value: output.value ?? "Output", source: output.source),
                             database: Setting(value: database.value ?? "Data/homecoming.sqlite", source: database.source),
                             templates: templates, staleAfter: staleAfter, keepWeeks: keepWeeks, organisation: organisation, byline: byline,
                             baseURL: baseURL)
    }

    /// The file's keys, or none: `--config FILE` must exist; `homecoming.json` is read when present.
    private static func loadFile(flags: PublishOptions) throws(Invalid) -> ([String: StrictJSON.Value], String) {
        let path = flags.config ?? "homecoming.json"
        guard FileManager.default.fileExists(atPath: path) else {
            if flags.config != nil { throw Invalid(message: "--config \(path): there is no such file") }
            return ([:], path)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Invalid(message: "\(path): the file cannot be read") }
        let parsed: StrictJSON.Value
        do throws(StrictJSON.SyntaxError) { parsed = try StrictJSON.parse([UInt8](data)) } catch {
            throw Invalid(message: "\(path):\(error.line):\(error.column): \(error.message)")
        }
        guard let object = StrictJSON.members(parsed) else { throw Invalid(message: "\(path): the file must hold one JSON object, {\"languages\": [\"en\"], …}") }
        for key in object.keys.sorted() where !keys.contains(key) {
            throw Invalid(message: "\(path): unknown key \"\(key)\"; the keys are \(keys.joined(separator: ", "))")
        }
        return (object, path)
    }

    private static func describe(_ value: StrictJSON.Value) -> String {
        switch value {
        case .null: "null"
        case let .bool(flag): String(flag)
        case let .number(number): number
        case let .string(text): "\"\(text)\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// The table `homecoming config` prints.
    func render() -> String {
        let rows: [(String, String, String)] = [
            ("languages", languages.value.map(\.rawValue).joined(separator: ","), languages.source),
            ("formats", formats.value.map(\.rawValue).joined(separator: ","), formats.source),
            ("theme", theme.value, theme.source),
            ("chartSize", chartSize.value, chartSize.source),
            ("output", output.value, output.source),
            ("database", database.value, database.source),
            ("templates", templates.value ?? Resources.templates, templates.source),
            ("staleAfter", String(staleAfter.value), staleAfter.source),
            ("keepWeeks", keepWeeks.value == 0 ? "0 (every edition)" : String(keepWeeks.value), keepWeeks.source),
            ("organisation", organisation.value ?? "(from the theme)", organisation.source),
            ("byline", byline.value ?? "(none)", byline.source),
            ("baseURL", baseURL.value?.text ?? "(none: links to files beside each briefing)", baseURL.source),
        ]
        var table = TextTable([("setting", .left), ("value", .left), ("from", .left)])
        for row in rows { table.add([row.0, row.1, row.2]) }
        return table.render()
    }
}

/// Options of the weekly job and of `homecoming config`; each can also come from the environment or the file.
struct PublishOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A configuration file (JSON); default: homecoming.json in the working directory, if there is one.", valueName: "file"), completion: .file())
    var config: String?

    @Option(help: ArgumentHelp("Languages: en, uk or en,uk ($HOMECOMING_LANGUAGES).", valueName: "langs"))
    var lang: String?

    @Option(help: ArgumentHelp("Formats: html, md, txt, comma-separated ($HOMECOMING_FORMATS).", valueName: "formats"))
    var format: String?

    @Option(help: ArgumentHelp("Chart theme: light, dark or a file ($HOMECOMING_THEME).", valueName: "theme"))
    var theme: String?

    @Option(name: .customLong("chart-size"), help: ArgumentHelp("article, square, wide or WxH ($HOMECOMING_CHART_SIZE).", valueName: "size"))
    var chartSize: String?

    @Option(help: ArgumentHelp("The output directory ($HOMECOMING_OUTPUT; default Output).", valueName: "dir"), completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp("A templates directory searched before Templates/ ($HOMECOMING_TEMPLATES).", valueName: "dir"), completion: .directory)
    var templates: String?

    @Option(name: .customLong("stale-after"), help: ArgumentHelp("Warn when the data is older than this many days ($HOMECOMING_STALE_AFTER; default 14).", valueName: "days"))
    var staleAfter: Int?

    @Option(name: .customLong("keep-weeks"), help: ArgumentHelp("Keep the newest N weekly editions in the output, remove older ones ($HOMECOMING_KEEP_WEEKS; default 104; 0 keeps all).", valueName: "n"))
    var keepWeeks: Int?

    @Option(help: ArgumentHelp("The organisation for the charts' byline ($HOMECOMING_ORGANISATION; default: the theme's).", valueName: "name"))
    var organisation: String?

    @Option(help: ArgumentHelp("An author for the charts' byline ($HOMECOMING_BYLINE).", valueName: "name"))
    var byline: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The address the output is published under, for absolute links in briefings, index and feed ($HOMECOMING_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @OptionGroup var store: StoreOptions
}
