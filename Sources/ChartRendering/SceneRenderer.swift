import Cairo
import Charts

/// Plays a scene on a Cairo surface. One draw routine serves SVG and PNG.
public enum SceneRenderer {
    /// The scene as an SVG document in px, with a viewBox, ids prefixed by the scene's id, and
    /// `role="img"`, `<title>` and `<desc>` tied to the root by `aria-labelledby`.
    public static func svg(_ scene: Scene) throws(CairoError) -> String {
        let surface = try SVGSurface(width: scene.width, height: scene.height)
        let context = try Context(surface)
        draw(scene, on: context)
        try context.check("draw \(scene.id) as SVG")
        let bytes = try surface.finish()
        return SVGPostProcessor.process(String(decoding: bytes, as: UTF8.self), scene: scene)
    }

    /// The scene as PNG at `scale` × its size, recording 72 × `scale` pixels per inch.
    ///
    /// - Parameter level: zlib level, 1 (fast, larger) to 9 (slow, smaller).
    ///
    /// The image is drawn in bands of rows, each band encoded as soon as it is drawn, so that a
    /// 2400 × 1350 chart needs a tenth of its full-size surface.
    public static func png(_ scene: Scene, scale: Int, level: Int32 = 3, bandHeight: Int = 128) throws -> [UInt8] {
        let width = Int((scene.width * Double(scale)).rounded()), height = Int((scene.height * Double(scale)).rounded())
        let band = min(height, max(1, bandHeight))
        let surface = try ImageSurface(width: width, height: band)
        let writer = try PNGEncoder.Writer(width: width, height: height, opaque: scene.background.alpha >= 1,
                                           level: level, pixelsPerInch: 72 * Double(scale))
        var top = 0
        while top < height {
            let context = try Context(surface)
            context.translate(0, -Double(top))
            context.scale(Double(scale), Double(scale))
            draw(scene, on: context)
            try context.check("draw \(scene.id) as PNG")
            try surface.flush()
            try writer.add(rows: min(band, height - top), of: surface)
            top += band
        }
        return try writer.finish()
    }

    /// Draws every mark in order.
    static func draw(_ scene: Scene, on c: Context) {
        set(c, scene.background)
        c.rectangle(0, 0, scene.width, scene.height)
        c.fill()
        for mark in scene.marks {
            switch mark {
            case let .rect(r, fill):
                set(c, fill)
                c.rectangle(r.x, r.y, r.width, r.height)
                c.fill()
            case let .line(from, to, stroke, width, dash):
                set(c, stroke)
                c.setLineWidth(width)
                c.setDash(dash)
                c.moveTo(from.x, from.y)
                c.lineTo(to.x, to.y)
                c.stroke()
                c.setDash([])
            case let .polyline(points, stroke, width):
                guard let first = points.first else { continue }
                set(c, stroke)
                c.setLineWidth(width)
                c.moveTo(first.x, first.y)
                for p in points.dropFirst() { c.lineTo(p.x, p.y) }
                c.stroke()
            case let .polygon(points, fill, stroke, width):
                guard let first = points.first else { continue }
                c.moveTo(first.x, first.y)
                for p in points.dropFirst() { c.lineTo(p.x, p.y) }
                c.closePath()
                paint(c, fill: fill, stroke: stroke, width: width)
            case let .circle(center, radius, fill, stroke, width):
                c.newPath()
                c.arc(center.x, center.y, radius: radius)
                paint(c, fill: fill, stroke: stroke, width: width)
            case let .text(text, _, font, color, _, bounds):
                set(c, color)
                c.selectFont(family: font.family, bold: font.bold)
                c.setFontSize(font.size)
                // The box was measured at layout time; its left edge and the baseline place the text.
                let ascent = c.fontMetrics().ascent
                c.showText(text, x: bounds.x, y: bounds.y + ascent)
            }
        }
    }

    private static func paint(_ c: Context, fill: RGBA?, stroke: RGBA?, width: Double) {
        if let fill {
            set(c, fill)
            if stroke != nil { c.fillPreserve() } else { c.fill() }
        }
        if let stroke {
            set(c, stroke)
            c.setLineWidth(width)
            c.stroke()
        }
        c.newPath()
    }

    private static func set(_ c: Context, _ color: RGBA) {
        c.setSource(red: color.red, green: color.green, blue: color.blue, alpha: color.alpha)
    }
}
