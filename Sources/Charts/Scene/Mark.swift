/// Where a text's x coordinate is: its start, middle or end.
public enum TextAnchor: String, Hashable, Sendable { case start, middle, end }

/// One drawing primitive. The whole backend contract: rectangles, lines, polygons, circles, text.
public enum Mark: Hashable, Sendable {
    /// A filled rectangle.
    case rect(Rect, fill: RGBA)
    /// A straight line; `dash` empty for solid.
    case line(from: Point, to: Point, stroke: RGBA, width: Double, dash: [Double])
    /// An open path through the points.
    case polyline([Point], stroke: RGBA, width: Double)
    /// A closed shape, filled and/or outlined.
    case polygon([Point], fill: RGBA?, stroke: RGBA?, width: Double)
    /// A circle, filled and/or outlined.
    case circle(center: Point, radius: Double, fill: RGBA?, stroke: RGBA?, width: Double)
    /// A single line of text on its baseline at `at`, measured at layout time (`bounds` is its box).
    case text(String, at: Point, font: Font, color: RGBA, anchor: TextAnchor, bounds: Rect)
}

extension Mark {
    /// The box a text mark covers, or nil for other marks.
    public var textBounds: Rect? {
        if case let .text(_, _, _, _, _, bounds) = self { return bounds }
        return nil
    }

    /// The vertical span the mark can paint, generously: strokes, miter joins (up to Cairo's
    /// default limit of 10), glyphs reaching past their measured box. A renderer that draws a
    /// horizontal band of the scene skips the marks outside it.
    public var verticalExtent: ClosedRange<Double> {
        func span(_ ys: [Double], _ margin: Double) -> ClosedRange<Double> {
            ((ys.min() ?? 0) - margin)...((ys.max() ?? 0) + margin)
        }
        switch self {
        case let .rect(r, _): return r.y...max(r.y, r.maxY)
        case let .line(from, to, _, width, _): return span([from.y, to.y], width)
        case let .polyline(points, _, width): return span(points.map(\.y), width * 5)
        case let .polygon(points, _, _, width): return span(points.map(\.y), width * 5)
        case let .circle(center, radius, _, _, width): return span([center.y], radius + width)
        case let .text(_, _, font, _, _, bounds): return span([bounds.y, bounds.maxY], font.size / 2)
        }
    }

    /// A text mark laid out with `measurer`.
    static func label(_ text: String, at point: Point, font: Font, color: RGBA, anchor: TextAnchor,
                      measurer: some TextMeasuring) -> Mark {
        let width = measurer.width(text, font: font)
        let (ascent, descent) = measurer.metrics(font)
        let x = switch anchor {
        case .start: point.x
        case .middle: point.x - width / 2
        case .end: point.x - width
        }
        return .text(text, at: point, font: font, color: color, anchor: anchor,
                     bounds: Rect(x: x, y: point.y - ascent, width: width, height: ascent + descent))
    }
}
