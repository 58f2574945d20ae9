import Cairo
import Charts

/// Writes a scene as an SVG document, mark by mark: the same scene the PNG is drawn from, in the
/// same order, with the same fonts.
///
/// - The document is in px with a viewBox. The root has `role="img"`, `xml:lang` and
///   `aria-labelledby`, pointing at `<title>` and `<desc>`, its first children.
/// - Text is drawn as glyph outlines, as in the PNG, so that it looks the same where the font is
///   not installed: each glyph of each font is one `<symbol>` in `<defs>`, its outline from Cairo,
///   placed with `<use>` where Cairo places it (`Context.glyphs`, the positions `showText` uses).
///   An HTML page moves the symbols into one set for the page (`GlyphSprite` in `Briefings`).
/// - Every id starts with the scene's id (`<scene id>-<n>` for glyphs, `-title`, `-desc`), so that
///   any set of Homecoming SVGs can share one page without sharing an id; a scene written twice
///   gives the same bytes.
/// - Where SVG and Cairo read a value differently, the SVG says what Cairo draws: a rectangle of
///   negative size is filled, a negative line width is 0, a circle of radius 0 or less is not
///   drawn, text of a translucent colour is one layer (`opacity` on its group). `SceneRenderer`
///   refuses, for SVG and PNG alike, a scene with a mark Cairo cannot draw.
/// - Numbers have at most two decimals: a hundredth of a CSS pixel.
struct SVGWriter {
    private let typeface: Typeface
    /// A scratch context for the glyphs: the fonts and font options `SceneRenderer.draw` uses.
    private let context: Context
    private let prefix: String
    private var defs: [UInt8] = []
    private var body: [UInt8] = []
    /// The id number of each glyph drawn, nil for a glyph with no outline (a space).
    private var glyphIDs: [GlyphKey: Int?] = [:]
    private var nextID = 1

    private struct GlyphKey: Hashable { var font: Font; var index: UInt }

    static func document(_ scene: Scene, typeface: Typeface) throws -> [UInt8] {
        try SceneRenderer.checkDrawable(scene)
        var writer = try SVGWriter(typeface: typeface, prefix: XML.idSafe(scene.id))
        try writer.write(scene)
        try writer.context.check("write \(scene.id) as SVG")
        return writer.assemble(scene)
    }

    private init(typeface: Typeface, prefix: String) throws(CairoError) {
        self.typeface = typeface
        self.prefix = prefix
        context = try Context(try ImageSurface(width: 1, height: 1))
    }

    private mutating func write(_ scene: Scene) throws(CairoError) {
        body += "<rect width=\"".utf8
        Self.number(scene.width, into: &body)
        body += "\" height=\"".utf8
        Self.number(scene.height, into: &body)
        body += "\"".utf8
        fill(scene.background)
        body += "/>\n".utf8
        for mark in scene.marks {
            switch mark {
            case let .rect(r, color):
                // Cairo fills a rectangle of negative size; SVG draws none.
                body += "<rect x=\"".utf8
                Self.number(min(r.x, r.maxX), into: &body)
                body += "\" y=\"".utf8
                Self.number(min(r.y, r.maxY), into: &body)
                body += "\" width=\"".utf8
                Self.number(abs(r.width), into: &body)
                body += "\" height=\"".utf8
                Self.number(abs(r.height), into: &body)
                body += "\"".utf8
                fill(color)
                body += "/>\n".utf8
            case let .line(from, to, color, width, dash):
                path([from, to], closed: false)
                body += " fill=\"none\"".utf8
                stroke(color, width: width)
                if !dash.isEmpty {
                    body += " stroke-dasharray=\"".utf8
                    for (i, length) in dash.enumerated() {
                        if i > 0 { body.append(UInt8(ascii: " ")) }
                        Self.number(length, into: &body)
                    }
                    body += "\"".utf8
                }
                body += "/>\n".utf8
            case let .polyline(points, color, width):
                guard !points.isEmpty else { continue }
                path(points, closed: false)
                body += " fill=\"none\"".utf8
                stroke(color, width: width)
                body += Self.miterLimit
                body += "/>\n".utf8
            case let .polygon(points, fillColor, strokeColor, width):
                guard !points.isEmpty, fillColor != nil || strokeColor != nil else { continue }
                path(points, closed: true)
                paint(fill: fillColor, stroke: strokeColor, width: width)
                if strokeColor != nil { body += Self.miterLimit }
                body += "/>\n".utf8
            case let .circle(center, radius, fillColor, strokeColor, width):
                guard fillColor != nil || strokeColor != nil, radius > 0 else { continue }
                body += "<circle cx=\"".utf8
                Self.number(center.x, into: &body)
                body += "\" cy=\"".utf8
                Self.number(center.y, into: &body)
                body += "\" r=\"".utf8
                Self.number(radius, into: &body)
                body += "\"".utf8
                paint(fill: fillColor, stroke: strokeColor, width: width)
                body += "/>\n".utf8
            case let .text(text, _, font, color, _, bounds):
                try self.text(text, font: font, color: color, bounds: bounds)
            }
        }
    }

    /// The glyphs of one text mark, in one group that gives them their colour. As in
    /// `SceneRenderer.draw`, the box's left edge and the font's ascent place the baseline.
    private mutating func text(_ text: String, font: Font, color: RGBA, bounds: Rect) throws(CairoError) {
        typeface.apply(font, to: context)
        let glyphs = try context.glyphs(text, x: bounds.x, y: bounds.y + context.fontMetrics().ascent)
        body += "<g".utf8
        colour("fill", color, opacity: "opacity")
        body += ">\n".utf8
        for glyph in glyphs {
            guard let id = try symbol(GlyphKey(font: font, index: glyph.index)) else { continue }
            body += "<use xlink:href=\"#".utf8
            glyphID(id, into: &body)
            body += "\" x=\"".utf8
            Self.number(glyph.x, into: &body)
            body += "\" y=\"".utf8
            Self.number(glyph.y, into: &body)
            body += "\"/>\n".utf8
        }
        body += "</g>\n".utf8
    }

    /// The id number of the glyph's symbol, defining it on first use; nil when it has no outline.
    private mutating func symbol(_ key: GlyphKey) throws(CairoError) -> Int? {
        if let known = glyphIDs[key] { return known }
        let outline = try context.glyphOutline(key.index)
        guard outline.contains(where: { if case .move = $0 { false } else if case .close = $0 { false } else { true } }) else {
            glyphIDs[key] = .some(nil)
            return nil
        }
        let id = nextID
        nextID += 1
        glyphIDs[key] = id
        defs += SVGGlyphSymbol.start.utf8
        glyphID(id, into: &defs)
        defs += "\"><path d=\"".utf8
        for (i, element) in outline.enumerated() {
            if i > 0 { defs.append(UInt8(ascii: " ")) }
            switch element {
            case let .move(p): defs += "M ".utf8; pair(p, into: &defs)
            case let .line(p): defs += "L ".utf8; pair(p, into: &defs)
            case let .curve(a, b, c):
                defs += "C ".utf8
                pair(a, into: &defs); defs.append(UInt8(ascii: " "))
                pair(b, into: &defs); defs.append(UInt8(ascii: " "))
                pair(c, into: &defs)
            case .close: defs.append(UInt8(ascii: "Z"))
            }
        }
        defs += "\"/>".utf8
        defs += SVGGlyphSymbol.end.utf8
        defs.append(UInt8(ascii: "\n"))
        return id
    }

    /// `<scene id>-<n>`, the id of glyph symbol `n`.
    private func glyphID(_ n: Int, into out: inout [UInt8]) {
        out += prefix.utf8
        out.append(UInt8(ascii: "-"))
        Self.integer(n, into: &out)
    }

    private func pair(_ p: (x: Double, y: Double), into out: inout [UInt8]) {
        Self.number(p.x, into: &out)
        out.append(UInt8(ascii: " "))
        Self.number(p.y, into: &out)
    }

    /// `<path d="M … L …[ Z]"`, left open for its paint.
    private mutating func path(_ points: [Point], closed: Bool) {
        body += "<path d=\"".utf8
        for (i, p) in points.enumerated() {
            body += (i == 0 ? "M " : " L ").utf8
            pair((p.x, p.y), into: &body)
        }
        if closed { body += " Z".utf8 }
        body += "\"".utf8
    }

    private mutating func paint(fill fillColor: RGBA?, stroke strokeColor: RGBA?, width: Double) {
        if let fillColor { fill(fillColor) } else { body += " fill=\"none\"".utf8 }
        if let strokeColor { stroke(strokeColor, width: width) }
    }

    private mutating func fill(_ color: RGBA) { colour("fill", color, opacity: "fill-opacity") }

    /// ` attribute="#RRGGBB"`, and ` opacity="a"` when the colour is translucent.
    private mutating func colour(_ attribute: String, _ color: RGBA, opacity: String) {
        body += " \(attribute)=\"".utf8
        Self.colour(color, into: &body)
        body += "\"".utf8
        if color.alpha < 1 {
            body += " \(opacity)=\"".utf8
            Self.number(max(0, color.alpha), into: &body)
            body += "\"".utf8
        }
    }

    /// Cairo's stroke: butt caps and miter joins, as SVG's defaults are (a path with joins adds
    /// Cairo's miter limit, `miterLimit`).
    private mutating func stroke(_ color: RGBA, width: Double) {
        colour("stroke", color, opacity: "stroke-opacity")
        body += " stroke-width=\"".utf8
        Self.number(max(0, width), into: &body)
        body += "\"".utf8
    }

    private func assemble(_ scene: Scene) -> [UInt8] {
        let language = XML.escape(scene.language)
        var out: [UInt8] = []
        out.reserveCapacity(defs.count + body.count + 1024)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"".utf8
        Self.number(scene.width, into: &out)
        out += "px\" height=\"".utf8
        Self.number(scene.height, into: &out)
        out += "px\" viewBox=\"0 0 ".utf8
        Self.number(scene.width, into: &out)
        out.append(UInt8(ascii: " "))
        Self.number(scene.height, into: &out)
        out += "\" version=\"1.1\" role=\"img\" xml:lang=\"\(language)\" lang=\"\(language)\" aria-labelledby=\"\(prefix)-title \(prefix)-desc\">\n".utf8
        out += "<title id=\"\(prefix)-title\">\(XML.escape(scene.title))</title>\n".utf8
        out += "<desc id=\"\(prefix)-desc\">\(XML.escape(scene.description))</desc>\n".utf8
        if !defs.isEmpty {
            out += "<defs>\n".utf8
            out += defs
            out += "</defs>\n".utf8
        }
        out += body
        out += "</svg>\n".utf8
        return out
    }

    /// Cairo's miter limit, 10 (SVG's default is 4).
    private static let miterLimit = Array(" stroke-miterlimit=\"10\"".utf8)

    /// `#RRGGBB`.
    static func colour(_ color: RGBA, into out: inout [UInt8]) {
        func hex(_ digit: Int) -> UInt8 { UInt8(digit < 10 ? 0x30 + digit : 0x41 + digit - 10) }
        out.append(UInt8(ascii: "#"))
        for component in [color.red, color.green, color.blue] {
            let byte = Int((min(1, max(0, component)) * 255).rounded())
            out.append(hex(byte >> 4))
            out.append(hex(byte & 15))
        }
    }

    /// `x` rounded half away from zero to hundredths, in its shortest form: no trailing zeros,
    /// no point without decimals, no `-0`. `SceneRenderer` lets no scene with a number that is
    /// not finite, or too large to draw, reach here.
    static func number(_ x: Double, into out: inout [UInt8]) {
        precondition(x.isFinite && abs(x) <= SceneRenderer.largestCoordinate, "a number SceneRenderer should have refused: \(x)")
        let hundredths = Int((abs(x) * 100).rounded())
        if x < 0 && hundredths > 0 { out.append(UInt8(ascii: "-")) }
        integer(hundredths / 100, into: &out)
        let fraction = hundredths % 100
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(fraction / 10) + 0x30)
            if fraction % 10 != 0 { out.append(UInt8(fraction % 10) + 0x30) }
        }
    }

    static func integer(_ n: Int, into out: inout [UInt8]) {
        var power = 1
        while power <= n / 10 { power *= 10 }
        while power > 0 { out.append(UInt8(n / power % 10) + 0x30); power /= 10 }
    }
}

/// How a glyph's outline is defined in a chart's SVG: `start`, the id, `">`, the path, `end`.
/// An HTML page finds them by these (`GlyphSprite`).
public enum SVGGlyphSymbol {
    public static let start = "<symbol overflow=\"visible\" id=\""
    public static let end = "</symbol>"
}

/// Escaping for text that comes from data, in XML and HTML.
public enum XML {
    /// The text with `& < > " '` escaped and the characters XML does not allow blanked.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Characters XML does not allow, blanked: controls (but line breaks and tabs), U+FFFE, U+FFFF.
            case _ where (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0xFFFE || c.value == 0xFFFF: out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An id fragment made of letters, digits and hyphens.
    static func idSafe(_ text: String) -> String {
        let mapped = text.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).isEmpty ? "chart" : String(mapped)
    }
}
