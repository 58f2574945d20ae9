import Foundation
import Cairo
import Charts

/// Draws a scene: as SVG, written mark by mark, and as PNG, drawn with Cairo.
public enum SceneRenderer {
    /// The scene as an SVG document (see `SVGWriter`): in px with a viewBox, ids prefixed by the
    /// scene's id, `role="img"`, `<title>` and `<desc>` tied to the root by `aria-labelledby`.
    public static func svg(_ scene: Scene, typeface: Typeface) throws -> String {
        String(decoding: try svgBytes(scene, typeface: typeface), as: UTF8.self)
    }

    /// The same SVG document as UTF-8 bytes, as written to a file.
    public static func svgBytes(_ scene: Scene, typeface: Typeface) throws -> [UInt8] {
        try SVGWriter.document(scene, typeface: typeface)
    }

    /// The scene as PNG at `scale` × its size, recording 72 × `scale` pixels per inch, its slices
    /// drawn and compressed on all cores (see `PNGRendering`).
    public static func png(_ scene: Scene, typeface: Typeface, scale: Int,
                           bandHeight: Int = PNGRendering.defaultBandHeight, slices: Int = PNGRendering.defaultSlices) throws -> [UInt8] {
        let rendering = try PNGRendering(scene, typeface: typeface, scale: scale, bandHeight: bandHeight, slices: slices)
        try ParallelWork.run((0..<rendering.sliceCount).map { index in { try rendering.renderSlice(index) } })
        return rendering.bytes()
    }

    /// Draws every mark in order (public for checks that compare renderings); with `rows`, only the
    /// marks that can reach that horizontal band of the scene (in scene units), as a banded raster needs.
    public static func draw(_ scene: Scene, on c: Context, typeface: Typeface, rows: ClosedRange<Double>? = nil) {
        set(c, scene.background)
        c.rectangle(0, 0, scene.width, scene.height)
        c.fill()
        for mark in scene.marks {
            if let rows, !mark.verticalExtent.overlaps(rows) { continue }
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

    /// The largest coordinate, size or width, in px, that a scene may have: Cairo's fixed-point
    /// device coordinates reach ±8 million, and a PNG is drawn at up to 3×.
    public static let largestCoordinate = 1_000_000.0

    /// Throws unless Cairo can draw every mark as the scene says: every number finite and within
    /// `largestCoordinate`, every dash pattern of lengths of 0 or more, not all 0. The SVG writer and
    /// the PNG renderer both check first, so that neither writes a chart the other would refuse.
    public static func checkDrawable(_ scene: Scene) throws(RenderingError) {
        func drawable(_ numbers: [Double]) -> Bool { numbers.allSatisfy { $0.isFinite && abs($0) <= largestCoordinate } }
        func colour(_ c: RGBA?) -> [Double] { c.map { [$0.red, $0.green, $0.blue, $0.alpha] } ?? [] }
        guard drawable([scene.width, scene.height] + colour(scene.background)) else {
            throw .notDrawable(scene: scene.id, reason: "its size or background is not a finite number of px")
        }
        for mark in scene.marks {
            let numbers: [Double]
            switch mark {
            case let .rect(r, fill): numbers = [r.x, r.y, r.width, r.height] + colour(fill)
            case let .line(from, to, stroke, width, dash):
                guard dash.isEmpty || (dash.allSatisfy { $0 >= 0 } && dash.contains { $0 > 0 }) else {
                    throw .notDrawable(scene: scene.id, reason: "a line's dash pattern \(dash) has a negative length or only zeros")
                }
                numbers = [from.x, from.y, to.x, to.y, width] + dash + colour(stroke)
            case let .polyline(points, stroke, width): numbers = points.flatMap { [$0.x, $0.y] } + [width] + colour(stroke)
            case let .polygon(points, fill, stroke, width): numbers = points.flatMap { [$0.x, $0.y] } + [width] + colour(fill) + colour(stroke)
            case let .circle(center, radius, fill, stroke, width): numbers = [center.x, center.y, radius, width] + colour(fill) + colour(stroke)
            case let .text(_, at, font, color, _, bounds): numbers = [at.x, at.y, font.size, bounds.x, bounds.y, bounds.width, bounds.height] + colour(color)
            }
            guard drawable(numbers) else {
                throw .notDrawable(scene: scene.id, reason: "a mark has a number that is not finite or beyond ±1,000,000 px: \(mark)")
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

/// A scene that cannot be drawn as it says: a defect in the layout, never in the data.
public enum RenderingError: Error, CustomStringConvertible {
    case notDrawable(scene: String, reason: String)

    public var description: String {
        switch self {
        case let .notDrawable(scene, reason):
            "cannot draw the chart \(scene): \(reason). Nothing was written. This is a defect in Homecoming's chart layout: please report it with the command that made it."
        }
    }
}
