import CCairo

/// A Cairo drawing context on a surface. Owns its `cairo_t`; errors are sticky in Cairo and
/// are surfaced by `check()`, which the renderer calls once a scene is drawn.
public final class Context {
    private let pointer: OpaquePointer
    /// Keeps the surface alive as long as the context draws on it.
    private let surface: Surface

    /// A context drawing on `surface`, with hinting off so text measures the same on every surface.
    public init(_ surface: Surface) throws(CairoError) {
        guard let pointer = cairo_create(surface.pointer) else {
            throw .status(operation: "create context", code: -1, message: "out of memory")
        }
        self.pointer = pointer
        self.surface = surface
        try CairoError.check(cairo_status(pointer), "create context")
        // Hint metrics round advance widths to device pixels; off, text measures and places alike at every scale.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            CairoFonts.withLock { cairo_set_font_options(pointer, options) }
            cairo_font_options_destroy(options)
        }
    }

    // Releasing a context releases its scaled font (see `CairoFonts`).
    deinit { CairoFonts.withLock { cairo_destroy(pointer) } }

    /// Throws the first error any drawing call met.
    public func check(_ operation: String = "draw") throws(CairoError) {
        try CairoError.check(cairo_status(pointer), operation)
    }

    // MARK: - State

    // Restoring a state and changing the matrix release the state's scaled font (see `CairoFonts`).
    public func save() { cairo_save(pointer) }
    public func restore() { CairoFonts.withLock { cairo_restore(pointer) } }
    public func scale(_ sx: Double, _ sy: Double) { CairoFonts.withLock { cairo_scale(pointer, sx, sy) } }
    public func translate(_ x: Double, _ y: Double) { CairoFonts.withLock { cairo_translate(pointer, x, y) } }

    public func setSource(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        cairo_set_source_rgba(pointer, red, green, blue, alpha)
    }

    public func setLineWidth(_ width: Double) { cairo_set_line_width(pointer, width) }

    public func setDash(_ pattern: [Double], offset: Double = 0) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(pointer, $0.baseAddress, Int32($0.count), offset) }
    }

    /// Butt caps and miter joins are Cairo's defaults; charts want square ends on rules.
    public func setLineCapSquare(_ square: Bool) { cairo_set_line_cap(pointer, square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT) }

    // MARK: - Paths

    public func moveTo(_ x: Double, _ y: Double) { cairo_move_to(pointer, x, y) }
    public func lineTo(_ x: Double, _ y: Double) { cairo_line_to(pointer, x, y) }
    public func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) { cairo_rectangle(pointer, x, y, width, height) }
    public func arc(_ x: Double, _ y: Double, radius: Double) { cairo_arc(pointer, x, y, radius, 0, 2 * Double.pi) }
    public func closePath() { cairo_close_path(pointer) }
    public func newPath() { cairo_new_path(pointer) }
    public func fill() { cairo_fill(pointer) }
    public func fillPreserve() { cairo_fill_preserve(pointer) }
    public func stroke() { cairo_stroke(pointer) }
    public func paint() { cairo_paint(pointer) }
    /// Makes every pixel transparent (for a surface drawn on again).
    public func clear() {
        cairo_save(pointer)
        cairo_set_operator(pointer, CAIRO_OPERATOR_CLEAR)
        cairo_paint(pointer)
        CairoFonts.withLock { cairo_restore(pointer) }
    }

    // MARK: - Text (Cairo's toy API: enough for labels in one font family)

    public func selectFont(family: String, bold: Bool, italic: Bool = false) {
        CairoFonts.withLock {
            cairo_select_font_face(pointer, family, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                                   bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
    }

    /// Uses a font loaded from its file.
    public func setFontFace(_ face: FontFace) { CairoFonts.withLock { cairo_set_font_face(pointer, face.pointer) } }

    public func setFontSize(_ size: Double) { CairoFonts.withLock { cairo_set_font_size(pointer, size) } }

    /// The advance width of `text` in the current font.
    public func textAdvance(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        CairoFonts.withLock { cairo_text_extents(pointer, text, &extents) }
        return extents.x_advance
    }

    /// Ascent and descent of the current font.
    public func fontMetrics() -> (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        CairoFonts.withLock { cairo_font_extents(pointer, &extents) }
        return (extents.ascent, extents.descent)
    }

    /// Draws `text` with its baseline starting at (x, y).
    public func showText(_ text: String, x: Double, y: Double) {
        cairo_move_to(pointer, x, y)
        CairoFonts.withLock { cairo_show_text(pointer, text) }
    }

    /// The glyphs `showText` draws for `text` from (x, y) in the current font: each glyph's index
    /// in the font and where its origin goes, in user space. Throws what Cairo reports (the
    /// font's error, which `check()` would not see).
    public func glyphs(_ text: String, x: Double, y: Double) throws(CairoError) -> [Glyph] {
        try CairoFonts.withLock { () throws(CairoError) -> [Glyph] in
            guard let font = cairo_get_scaled_font(pointer) else { return [] }
            try CairoError.check(cairo_scaled_font_status(font), "select the font for \"\(text)\"")
            var list: UnsafeMutablePointer<cairo_glyph_t>?
            var count: Int32 = 0
            let status = cairo_scaled_font_text_to_glyphs(font, x, y, text, Int32(text.utf8.count), &list, &count, nil, nil, nil)
            defer { cairo_glyph_free(list) }
            try CairoError.check(status, "find the glyphs of \"\(text)\"")
            guard let list else { return [] }
            return (0..<Int(count)).map { Glyph(index: UInt(list[$0].index), x: list[$0].x, y: list[$0].y) }
        }
    }

    /// The outline of glyph `index` of the current font with its origin at (0, 0), as a path
    /// (the context's current path is cleared).
    public func glyphOutline(_ index: UInt) throws(CairoError) -> [PathElement] {
        try CairoFonts.withLock { () throws(CairoError) -> [PathElement] in
            cairo_new_path(pointer)
            var glyph = cairo_glyph_t(index: CUnsignedLong(index), x: 0, y: 0)
            cairo_glyph_path(pointer, &glyph, 1)
            defer { cairo_new_path(pointer) }
            try CairoError.check(cairo_status(pointer), "outline glyph \(index)")
            guard let path = cairo_copy_path(pointer) else { return [] }
            defer { cairo_path_destroy(path) }
            try CairoError.check(path.pointee.status, "copy the outline of glyph \(index)")
            guard let data = path.pointee.data else { return [] }
            var elements: [PathElement] = []
            var i = 0
            while i < Int(path.pointee.num_data) {
                let header = data[i].header
                let p = { (k: Int) in (data[i + k].point.x, data[i + k].point.y) }
                switch header.type {
                case CAIRO_PATH_MOVE_TO: elements.append(.move(p(1)))
                case CAIRO_PATH_LINE_TO: elements.append(.line(p(1)))
                case CAIRO_PATH_CURVE_TO: elements.append(.curve(p(1), p(2), p(3)))
                default: elements.append(.close)
                }
                i += Int(header.length)
            }
            return elements
        }
    }
}

/// A glyph of a font, placed: its index in the font and where its origin is.
public struct Glyph: Hashable, Sendable {
    public var index: UInt
    public var x: Double
    public var y: Double
}

/// One step of a path, in user space.
public enum PathElement: Sendable {
    case move((x: Double, y: Double))
    case line((x: Double, y: Double))
    case curve((x: Double, y: Double), (x: Double, y: Double), (x: Double, y: Double))
    case close
}
