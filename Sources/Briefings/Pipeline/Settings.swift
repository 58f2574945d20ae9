import ExchangeModel
import ExchangeStore
import Foundation

/// The publishing settings every command shares (`weekly`, `briefing`, `chart`, `config`), each
/// with where it came from: a flag, else the environment (`HOMECOMING_*`), else the configuration
/// file (`--config`, or `homecoming.json` in the working directory), else the default.
public struct Settings: Sendable {
    /// A value and its origin ("--theme", "$HOMECOMING_THEME", "homecoming.json", "default").
    public struct Setting<Value: Sendable>: Sendable {
        public var value: Value
        public var source: String
    }

    public var languages: Setting<[Language]>
    public var formats: Setting<[DocumentFormat]>
    public var theme: Setting<String>
    public var chartSize: Setting<ChartSize>
    public var output: Setting<String>
    public var database: Setting<String>
    /// A directory searched before the default templates.
    public var templates: Setting<String?>
    public var staleAfter: Setting<Int>
    /// How many weekly editions the output keeps (the newest); 0 keeps every one.
    public var keepWeeks: Setting<Int>
    public var organisation: Setting<String?>
    public var byline: Setting<String?>
    /// Where the output is published, for absolute links.
    public var baseURL: Setting<BaseURL?>

    /// The template directories searched in order: the user's, then the defaults.
    public var templateDirectories: [String] { [templates.value, Resources.templates].compactMap { $0 } }

    /// Every key the file may hold, in the order `homecoming config` prints them.
    public static let keys = ["languages", "formats", "theme", "chartSize", "output", "database", "templates", "staleAfter", "keepWeeks", "organisation", "byline", "baseURL"]

    /// The values given on the command line, already parsed; nil where a flag was not given.
    public struct Flags: Sendable {
        public var config: String?
        public var languages: [Language]?
        public var formats: [DocumentFormat]?
        public var theme: String?
        public var chartSize: ChartSize?
        public var output: String?
        public var database: String?
        public var templates: String?
        public var staleAfter: Int?
        public var keepWeeks: Int?
        public var organisation: String?
        public var byline: String?
        public var baseURL: BaseURL?

        public init(config: String? = nil, languages: [Language]? = nil, formats: [DocumentFormat]? = nil, theme: String? = nil,
                    chartSize: ChartSize? = nil, output: String? = nil, database: String? = nil, templates: String? = nil,
                    staleAfter: Int? = nil, keepWeeks: Int? = nil, organisation: String? = nil, byline: String? = nil, baseURL: BaseURL? = nil) {
            self.config = config; self.languages = languages; self.formats = formats; self.theme = theme; self.chartSize = chartSize
            self.output = output; self.database = database; self.templates = templates; self.staleAfter = staleAfter
            self.keepWeeks = keepWeeks; self.organisation = organisation; self.byline = byline; self.baseURL = baseURL
        }
    }

    /// A wrong setting: the file (or variable), the key, the value and why.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Resolves every setting. `defaultOutput` is the command's own (`Output`, or `Output/charts` for charts).
    public static func resolve(flags: Flags, environment: [String: String], defaultOutput: String = "Output") throws(Invalid) -> Settings {
        let (file, fileName) = try loadFile(flags.config)

        /// The raw text of a setting not given as a flag: the variable's, else the file's.
        func raw(_ key: String, env: String, kind: Kind, allowed: String) throws(Invalid) -> (String, String)? {
            if let value = environment[env], !value.isEmpty { return (value, "$\(env)") }
            guard let value = file[key] else { return nil }
            // Each key has one type in the file; nothing is converted (true is not 1, "en" is not ["en"]).
            switch (value, kind) {
            case let (.string(text), .text): return (text, fileName)
            case let (.array(items), .list):
                let names = items.compactMap { if case let .string(name) = $0 { name } else { nil } }
                if names.count == items.count { return (names.joined(separator: ","), fileName) }
            case let (.number(number), .count) where number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }): return (number, fileName)
            default: break
            }
            throw Invalid(message: "\(fileName): \"\(key)\" is \(describe(value)), which is not \(kind == .count ? allowed : kind.expected)")
        }

        func setting<T>(_ key: String, flag: T?, flagName: String, env: String, kind: Kind, default value: T,
                        parse: (String) -> T?, allowed: String, unknownName: (String) -> String? = { _ in nil }) throws(Invalid) -> Setting<T> {
            if let flag { return Setting(value: flag, source: flagName) }
            guard let (text, source) = try raw(key, env: env, kind: kind, allowed: allowed) else { return Setting(value: value, source: "default") }
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw Invalid(message: "\(source): \"\(key)\" is empty; give \(allowed)") }
            if let name = unknownName(text) {
                throw Invalid(message: "\(source): \"\(key)\" has \"\(name)\", which is not one of \(allowed)")
            }
            guard let parsed = parse(text) else { throw Invalid(message: "\(source): \"\(key)\" is \"\(text)\", which is not \(allowed)") }
            return Setting(value: parsed, source: source)
        }

        func text(_ key: String, flag: String?, flagName: String, env: String) throws(Invalid) -> Setting<String?> {
            // A flag not given is nil, not a given nil.
            let given: String?? = flag.map { Optional($0) }
            let found = try setting(key, flag: given, flagName: flagName, env: env, kind: .text, default: nil, parse: { $0 }, allowed: "a text")
            return Setting(value: found.value.flatMap { $0 }, source: found.source)
        }

        let languages = try setting("languages", flag: flags.languages, flagName: "--lang", env: "HOMECOMING_LANGUAGES", kind: .list,
                                    default: Language.allCases, parse: Language.list, allowed: "en, uk", unknownName: { unknown(in: $0, of: Language.self) })
        let formats = try setting("formats", flag: flags.formats, flagName: "--format", env: "HOMECOMING_FORMATS", kind: .list,
                                  default: DocumentFormat.allCases, parse: DocumentFormat.list, allowed: "html, md, txt", unknownName: { unknown(in: $0, of: DocumentFormat.self) })
        let theme = try setting("theme", flag: flags.theme, flagName: "--theme", env: "HOMECOMING_THEME", kind: .text,
                                default: "light", parse: { $0 }, allowed: "light, dark or a theme file")
        let size = try setting("chartSize", flag: flags.chartSize, flagName: "--chart-size", env: "HOMECOMING_CHART_SIZE", kind: .text,
                               default: .article, parse: ChartSize.init, allowed: ChartSize.allowed)
        let output = try setting("output", flag: flags.output, flagName: "--out", env: "HOMECOMING_OUTPUT", kind: .text,
                                 default: defaultOutput, parse: { $0 }, allowed: "a directory")
        let database = try setting("database", flag: flags.database, flagName: "--database", env: "HOMECOMING_DATABASE", kind: .text,
                                   default: "Data/homecoming.sqlite", parse: { $0 }, allowed: "a file")
        let templates = try text("templates", flag: flags.templates, flagName: "--templates", env: "HOMECOMING_TEMPLATES")
        if let dir = templates.value, !FileManager.default.fileExists(atPath: dir) {
            throw Invalid(message: "\(templates.source): \"templates\" is \"\(dir)\", which is not a directory")
        }
        let staleAfter = try setting("staleAfter", flag: flags.staleAfter, flagName: "--stale-after", env: "HOMECOMING_STALE_AFTER", kind: .count,
                                     default: 14, parse: wholeNumber, allowed: "a whole number of days (0 or more)")
        let keepWeeks = try setting("keepWeeks", flag: flags.keepWeeks, flagName: "--keep-weeks", env: "HOMECOMING_KEEP_WEEKS", kind: .count,
                                    default: 104, parse: wholeNumber, allowed: "a whole number of weeks (0 keeps every one)")
        let organisation = try text("organisation", flag: flags.organisation, flagName: "--organisation", env: "HOMECOMING_ORGANISATION")
        let byline = try text("byline", flag: flags.byline, flagName: "--byline", env: "HOMECOMING_BYLINE")
        let base = try setting("baseURL", flag: flags.baseURL.map { Optional($0) }, flagName: "--base-url", env: "HOMECOMING_BASE_URL", kind: .text,
                               default: nil, parse: { BaseURL($0).map { Optional($0) } },
                               allowed: "an http(s) address with a host and no query, e.g. https://example.org/briefings/")
        return Settings(languages: languages, formats: formats, theme: theme, chartSize: size, output: output, database: database,
                        templates: templates, staleAfter: staleAfter, keepWeeks: keepWeeks, organisation: organisation, byline: byline,
                        baseURL: Setting(value: base.value.flatMap { $0 }, source: base.source))
    }

    private enum Kind {
        case text, list, count
        var expected: String {
            switch self {
            case .text: "a text in quotes"
            case .list: "a list of names in quotes"
            case .count: "a whole number"
            }
        }
    }

    /// A whole number from 0 up, in digits only (no sign, no spaces).
    public static func wholeNumber(_ text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else { return nil }
        return value
    }

    /// The file's keys, or none: `--config FILE` must exist; `homecoming.json` is read when present.
    private static func loadFile(_ config: String?) throws(Invalid) -> ([String: StrictJSON.Value], String) {
        let path = config ?? "homecoming.json"
        guard FileManager.default.fileExists(atPath: path) else {
            if config != nil { throw Invalid(message: "--config \(path): there is no such file") }
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

    /// The rows `homecoming config` prints: setting, value, where it comes from.
    public var rows: [(setting: String, value: String, source: String)] {
        [
            ("languages", languages.value.map(\.rawValue).joined(separator: ","), languages.source),
            ("formats", formats.value.map(\.rawValue).joined(separator: ","), formats.source),
            ("theme", theme.value, theme.source),
            ("chartSize", chartSize.value.description, chartSize.source),
            ("output", output.value, output.source),
            ("database", database.value, database.source),
            ("templates", templates.value ?? Resources.templates, templates.source),
            ("staleAfter", String(staleAfter.value), staleAfter.source),
            ("keepWeeks", keepWeeks.value == 0 ? "0 (every edition)" : String(keepWeeks.value), keepWeeks.source),
            ("organisation", organisation.value ?? "(from the theme)", organisation.source),
            ("byline", byline.value ?? "(none)", byline.source),
            ("baseURL", baseURL.value?.text ?? "(none: links to files beside each briefing)", baseURL.source),
        ]
    }
}

extension Language {
    /// `en`, `uk` or both, comma-separated, each once, in the order given; nil when any name is not a language.
    public static func list(_ text: String) -> [Language]? { names(text) }
}

extension DocumentFormat {
    /// Any of `html`, `md`, `txt`, comma-separated, in the standard order; nil when any name is not a format.
    public static func list(_ text: String) -> [DocumentFormat]? { names(text, inOrderOf: allCases) }
}

/// The first of comma-separated names that is not a `T`, if any.
public func unknown<T: RawRepresentable>(in text: String, of type: T.Type) -> String? where T.RawValue == String {
    text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }.first { T(rawValue: $0) == nil }
}

/// Comma-separated names of a `RawRepresentable` type, each once, in the order given (or in `order`);
/// nil when one is not a name or none is given.
func names<T: RawRepresentable & Equatable>(_ text: String, inOrderOf order: [T]? = nil) -> [T]? where T.RawValue == String {
    var values: [T] = []
    for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
        guard let value = T(rawValue: name) else { return nil }
        if !values.contains(value) { values.append(value) }
    }
    guard !values.isEmpty else { return nil }
    return order.map { $0.filter(values.contains) } ?? values
}

extension ChartFiles.Format {
    /// `svg`, `png` or both, comma-separated, SVG first; nil when any name is not a format.
    public static func list(_ text: String) -> [ChartFiles.Format]? { names(text, inOrderOf: allCases) }
}
