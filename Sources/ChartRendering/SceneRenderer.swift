import Foundation
import Cairo
import Charts

/// Plays a scene on a Cairo surface. One draw routine serves SVG and PNG.
public enum SceneRenderer {
    /// The scene as an SVG document in px, with a viewBox, ids prefixed by the scene's id, and
    /// `role="img"`, `<title>` and `<desc>` tied to the root by `aria-labelledby`.
    public static func svg(_ scene: Scene, typeface: Typeface) throws(CairoError) -> String {
        let surface = try SVGSurface(width: scene.width, height: scene.height)
        let context = try Context(surface)
        draw(scene, on: context, typeface: typeface)
        try context.check("draw \(scene.id) as SVG")
        let bytes = try surface.finish()
        return SVGPostProcessor.process(String(decoding: bytes, as: UTF8.self), scene: scene)
    }

    /// The scene as PNG at `scale` × its size, recording 72 × `scale` pixels per inch.
    ///
    /// The image is cut into horizontal slices, one per core; each slice is drawn in bands of rows
    /// and deflated as it goes, and the slices are joined into one zlib stream. A 2400 × 1350 chart
    /// thus never needs its full-size surface, and compression runs on both cores.
    ///
    /// - Parameter level: zlib level, 1 (fast, larger) to 9 (slow, smaller).
    public static func png(_ scene: Scene, typeface: Typeface, scale: Int, level: Int32 = 3, bandHeight: Int = 128, slices: Int = 2) throws -> [UInt8] {
        let width = Int((scene.width * Double(scale)).rounded()), height = Int((scene.height * Double(scale)).rounded())
        let count = max(1, min(slices, height / max(1, bandHeight)))
        let opaque = scene.background.alpha >= 1
        let bounds = (0...count).map { height * $0 / count }
        let parts = try (0..<count).map { try PNGEncoder.Part(width: width, opaque: opaque, level: level, isLast: $0 == count - 1) }
        final class Failure: @unchecked Sendable { var error: (any Error)?; let lock = NSLock() }
        let failure = Failure()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                try renderSlice(scene, typeface: typeface, scale: scale, rows: bounds[index]..<bounds[index + 1], width: width,
                                bandHeight: bandHeight, into: parts[index])
            } catch {
                failure.lock.lock()
                failure.error = failure.error ?? error
                failure.lock.unlock()
            }
        }
        if let error = failure.error { throw error }
        return PNGEncoder.assemble(parts: parts, width: width, height: height, pixelsPerInch: 72 * Double(scale))
    }

    /// Draws rows `rows` band by band into `part`; a slice below the first also draws the row above it, to filter against.
    private static func renderSlice(_ scene: Scene, typeface: Typeface, scale: Int, rows: Range<Int>, width: Int, bandHeight: Int,
                                    into part: PNGEncoder.Part) throws {
        let extra = rows.lowerBound > 0 ? 1 : 0
        let band = min(rows.count + extra, max(2, bandHeight))
        let surface = try ImageSurface(width: width, height: band)
        var top = rows.lowerBound - extra
        var first = true
        while top < rows.upperBound {
            let context = try Context(surface)
            context.translate(0, -Double(top))
            context.scale(Double(scale), Double(scale))
            draw(scene, on: context, typeface: typeface)
            try context.check("draw \(scene.id) as PNG")
            try surface.flush()
            let available = min(band, rows.upperBound - top)
            var start = 0
            if first, extra == 1 {
                try part.setPreviousRow(0, of: surface)
                start = 1
            }
            first = false
            try part.add(rows: start..<available, of: surface, final: top + available >= rows.upperBound)
            top += available
        }
    }

    /// Draws every mark in order (public for checks that compare renderings).
    public static func draw(_ scene: Scene, on c: Context, typeface: Typeface) {
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
                typeface.apply(font, to: c)
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
