/// The formats a briefing is written in, and how each treats text that comes from data.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case html, md, txt

    /// The file's extension.
    public var fileExtension: String { rawValue }

    /// Prepares a data string for the template: HTML is escaped by Mustache itself (and keeps
    /// its line breaks); Markdown gets backslashes before every character that could start markup;
    /// in Markdown and text a string from the record stays on one line, and control characters
    /// (CR, ESC, …) become spaces in every format.
    func text(_ s: String) -> String {
        switch self {
        case .html: s.replacingControlCharacters(keepingLineBreaks: true)
        case .txt: s.replacingControlCharacters()
        case .md: Markdown.escape(s)
        }
    }

    /// A URL as the format needs it in a link.
    func url(_ s: String) -> String {
        switch self {
        case .html, .txt: s
        case .md: Markdown.destination(s)
        }
    }
}

/// Markdown escaping for data: nothing from the record can become a link, an image, HTML or emphasis.
enum Markdown {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count + 8)
        // One line: a CR LF is one Character in Swift and matches neither "\r" nor "\n", so line
        // breaks and other control characters go first, by Unicode scalar.
        for c in text.replacingControlCharacters() {
            switch c {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "|", "~", "!", "&":
                out.append("\\")
                out.append(c)
            case "\n", "\r":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        // A line may not start with a list or heading marker, or a number followed by a dot.
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        return out
    }

    /// A link destination: spaces, brackets and parentheses percent-encoded, so the link cannot end early.
    static func destination(_ url: String) -> String {
        var out = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "[": out += "%5B"
            case "]": out += "%5D"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
