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
