import ArgumentParser
import Briefings
import ExchangeModel

/// The parsers of typed option values: each turns the text into its value once, or rejects it
/// with the allowed values named (ArgumentParser adds the option and the value).
enum Arguments {
    static func languages(_ text: String) throws -> [Language] {
        guard let values = Language.list(text) else { throw ValidationError("use en, uk or en,uk") }
        return values
    }

    static func formats(_ text: String) throws -> [DocumentFormat] {
        guard let values = DocumentFormat.list(text) else { throw ValidationError("use html, md, txt, or several separated by commas") }
        return values
    }

    static func chartFormats(_ text: String) throws -> [ChartFiles.Format] {
        guard let values = ChartFiles.Format.list(text) else { throw ValidationError("use svg, png or svg,png") }
        return values
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
        guard let size = ChartSize(text) else { throw ValidationError("use \(ChartSize.allowed)") }
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
