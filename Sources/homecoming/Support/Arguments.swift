import ArgumentParser
import Briefings
import ExchangeModel

/// The parsers of typed option values: each turns the text into its value once, or rejects it
/// with the allowed values named (ArgumentParser adds the option and the value).
enum Arguments {
    static func languages(_ text: String) throws -> [Language] {
        try list(text, Language.list, Language.self, use: "en, uk or en,uk")
    }

    static func formats(_ text: String) throws -> [DocumentFormat] {
        try list(text, DocumentFormat.list, DocumentFormat.self, use: "html, md, txt, or several separated by commas")
    }

    static func chartFormats(_ text: String) throws -> [ChartFiles.Format] {
        try list(text, ChartFiles.Format.list, ChartFiles.Format.self, use: "svg, png or svg,png")
    }

    /// A comma-separated list, the first name that is not one named in the error.
    private static func list<T: RawRepresentable>(_ text: String, _ parse: (String) -> [T]?, _ type: T.Type, use: String) throws -> [T] where T.RawValue == String {
        if let values = parse(text) { return values }
        let name = unknown(in: text, of: type)
        throw ValidationError(name.map { "\"\($0)\" is unknown; use \(use)" } ?? "use \(use)")
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\"\(text)\" is not a date: write YYYY-MM-DD") }
        return day
    }

    static func week(_ text: String) throws -> Period {
        guard let week = Period.week(text) else { throw ValidationError("write an ISO week such as 2024-W52") }
        return week
    }

    static func size(_ text: String) throws -> ChartSize {
        guard let size = ChartSize(text) else {
            let why = ChartSize.dimensions(text).map { "\($0.width)x\($0.height) is outside 320x240 to 4000x4000; " } ?? ""
            throw ValidationError("\(why)use \(ChartSize.allowed)")
        }
        return size
    }

    /// A whole number from 0 up.
    static func count(_ text: String) throws -> Int {
        guard let value = Settings.wholeNumber(text) else { throw ValidationError("use a whole number, 0 or more") }
        return value
    }
}

extension BaseURL: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension Language: ExpressibleByArgument {}
