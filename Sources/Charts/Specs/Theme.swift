import Foundation

/// Colours, fonts and sizes of a chart; loaded from `Templates/themes/NAME.json` or a user's file.
public struct Theme: Hashable, Sendable {
    public var name: String
    /// A font family Cairo's toy text API can find (DejaVu Sans covers Latin and Cyrillic).
    public var fontFamily: String
    /// Optional font files for the family, regular and bold: loaded directly, they spare fontconfig's start-up.
    public var fontFile: String?
    public var fontBoldFile: String?
    public var background: RGBA
    public var text: RGBA
    public var mutedText: RGBA
    public var grid: RGBA
    public var axis: RGBA
    /// Bars of the record.
    public var bar: RGBA
    /// The highlighted bar (the latest exchange, the period of a briefing).
    public var highlight: RGBA
    /// A period still in progress.
    public var partial: RGBA
    /// Officially reported totals (markers).
    public var reference: RGBA
    /// Undisclosed counts (outline markers).
    public var undisclosed: RGBA
    /// Sizes at the reference width of 1200 px.
    public var titleSize: Double
    public var subtitleSize: Double
    public var labelSize: Double
    public var footerSize: Double
    /// Who publishes the chart, for the byline.
    public var organisation: String

    /// The keys a theme file must give, for messages.
    public static let keys = ["name", "fontFamily", "fontFile", "fontBoldFile", "background", "text", "mutedText", "grid", "axis", "bar", "highlight",
                              "partial", "reference", "undisclosed", "titleSize", "subtitleSize", "labelSize", "footerSize", "organisation"]

    /// A problem with a theme file.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var key: String?
        public var reason: String
        public var description: String { key.map { "\($0): \(reason)" } ?? reason }
    }

    /// A value of a theme file, as its reader found it: text, a number, or something else (described).
    public enum Value: Sendable {
        case text(String)
        case number(Double)
        case other(String)
    }

    /// A theme from a file's keys: colours as `#RRGGBB`, sizes as numbers; every key is required
    /// (the font files excepted), and a wrong type is an error naming the key, never converted.
    public init(values object: [String: Value]) throws(Invalid) {
        for key in object.keys.sorted() where !Theme.keys.contains(key) {
            throw Invalid(key: key, reason: "unknown key; a theme has \(Theme.keys.joined(separator: ", "))")
        }
        func string(_ key: String) throws(Invalid) -> String {
            guard case let .text(value) = object[key], !value.isEmpty else { throw Invalid(key: key, reason: "missing, or not a text") }
            return value
        }
        func color(_ key: String) throws(Invalid) -> RGBA {
            let value = try string(key)
            guard let rgba = RGBA(hex: value) else { throw Invalid(key: key, reason: "\"\(value)\" is not a colour like #1F6FB2") }
            return rgba
        }
        func size(_ key: String) throws(Invalid) -> Double {
            guard case let .number(value) = object[key], value >= 4, value <= 200 else {
                throw Invalid(key: key, reason: "missing, or not a size in px between 4 and 200")
            }
            return value
        }
        name = try string("name")
        fontFamily = try string("fontFamily")
        fontFile = object["fontFile"] == nil ? nil : try string("fontFile")
        fontBoldFile = object["fontBoldFile"] == nil ? nil : try string("fontBoldFile")
        background = try color("background")
        text = try color("text")
        mutedText = try color("mutedText")
        grid = try color("grid")
        axis = try color("axis")
        bar = try color("bar")
        highlight = try color("highlight")
        partial = try color("partial")
        reference = try color("reference")
        undisclosed = try color("undisclosed")
        titleSize = try size("titleSize")
        subtitleSize = try size("subtitleSize")
        labelSize = try size("labelSize")
        footerSize = try size("footerSize")
        organisation = try string("organisation")
    }
}
