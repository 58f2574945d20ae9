import ChartRendering

/// The glyph outlines of every chart inlined in one HTML page, defined once for the page.
///
/// A chart's SVG draws text as `<use>` of a `<symbol>` holding the glyph's outline (`SVGWriter`),
/// and each document carries its own symbols: an HTML briefing holds every chart four times (light and
/// dark, article and phone width), so the same outlines were 1.2 of its 2.2 MB. The page's charts
/// keep their `<use>` elements; their symbols move, each distinct outline once, into one hidden
/// SVG (`markup`) that the page template places before the charts (`{{{chartGlyphs}}}`), as an
/// icon sprite is. The chart files beside the briefing keep their own symbols.
struct GlyphSprite {
    /// The id of the sprite's root: `templates check` looks for it in a page that shows charts.
    static let rootID = "homecoming-glyphs"

    private var numbers: [[UInt8]: Int] = [:]
    private var symbols: [[UInt8]] = []

    /// `svg` without its symbols, each reference to one renamed to the page's outline of the same shape.
    mutating func share(_ svg: [UInt8]) -> [UInt8] {
        let open = Array(SVGGlyphSymbol.start.utf8), close = Array(SVGGlyphSymbol.end.utf8)
        var renamed: [[UInt8]: [UInt8]] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0, copied = 0
        while let start = Self.find(open, in: svg, from: i) {
            let idStart = start + open.count
            guard let idEnd = svg[idStart...].firstIndex(of: UInt8(ascii: "\"")),
                  let end = Self.find(close, in: svg, from: idEnd) else { break }
            // The outline: everything inside the symbol, after `id="…">`.
            let body = Array(svg[(idEnd + 2)..<end])
            let number: Int
            if let known = numbers[body] { number = known } else {
                number = symbols.count + 1
                numbers[body] = number
                symbols.append(open + Array("\(Self.rootID)-\(number)\">".utf8) + body + close)
            }
            renamed[Array(svg[idStart..<idEnd])] = Array("\(Self.rootID)-\(number)".utf8)
            out += svg[copied..<start]
            // The line break the writer puts after each symbol goes with it.
            copied = end + close.count
            if copied < svg.count, svg[copied] == UInt8(ascii: "\n") { copied += 1 }
            i = copied
        }
        out += svg[copied...]
        return Self.renameReferences(out, renamed)
    }

    /// The hidden SVG that defines every outline the page's charts use (empty when none has text).
    var markup: String {
        guard !symbols.isEmpty else { return "" }
        var bytes = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(Self.rootID)\" aria-hidden=\"true\" focusable=\"false\" style=\"display:none\"><defs>\n".utf8)
        for symbol in symbols { bytes += symbol; bytes.append(UInt8(ascii: "\n")) }
        bytes += "</defs></svg>".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `href="#old"` (and `xlink:href`) → `href="#new"` for every renamed id.
    private static func renameReferences(_ svg: [UInt8], _ renamed: [[UInt8]: [UInt8]]) -> [UInt8] {
        guard !renamed.isEmpty else { return svg }
        let pattern = Array("href=\"#".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var copied = 0, i = 0
        while let start = find(pattern, in: svg, from: i) {
            let idStart = start + pattern.count
            guard let idEnd = svg[idStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            if let new = renamed[Array(svg[idStart..<idEnd])] {
                out += svg[copied..<idStart]
                out += new
                copied = idEnd
            }
            i = idEnd
        }
        out += svg[copied...]
        return out
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var i = from
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
