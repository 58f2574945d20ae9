import Cairo
import Charts
import Foundation

/// The theme's font family, loaded from its files when the theme names them and they exist,
/// else found by name through fontconfig (Cairo's toy API).
public final class Typeface: @unchecked Sendable {
    public let family: String
    private let regular: FontFace?
    private let bold: FontFace?

    /// Loads the theme's font files; a missing or unreadable file falls back to the family name.
    public init(theme: Theme) {
        family = theme.fontFamily
        func load(_ path: String?) -> FontFace? {
            guard let path, FileManager.default.fileExists(atPath: path) else { return nil }
            return try? FontFace(file: path)
        }
        regular = load(theme.fontFile)
        bold = load(theme.fontBoldFile)
    }

    /// Sets `font` on the context.
    func apply(_ font: Font, to context: Context) {
        if font.family == family, let face = font.bold ? bold : regular {
            context.setFontFace(face)
        } else {
            context.selectFont(family: font.family, bold: font.bold)
        }
        context.setFontSize(font.size)
    }
}
