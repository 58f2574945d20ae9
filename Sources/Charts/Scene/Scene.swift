/// A chart as a backend-neutral display list: what to draw, in order, and what it means.
public struct Scene: Hashable, Sendable {
    /// The chart's name (`per-year`); prefixes every id in its SVG.
    public var id: String
    public var width: Double
    public var height: Double
    public var background: RGBA
    public var marks: [Mark]
    /// The chart's title, for `<title>`.
    public var title: String
    /// A text description of what the chart shows, for `<desc>` and alt text.
    public var description: String
    /// The language of its texts ("en", "uk"), for `xml:lang`.
    public var language: String

    public init(id: String, width: Double, height: Double, background: RGBA, marks: [Mark], title: String, description: String,
                language: String = "en") {
        self.id = id; self.width = width; self.height = height; self.background = background
        self.marks = marks; self.title = title; self.description = description; self.language = language
    }

    /// The text marks' boxes, in drawing order.
    public var textBounds: [Rect] { marks.compactMap(\.textBounds) }

    /// A stable text rendering of the scene, one mark a line, coordinates to 0.1 px: for golden tests.
    public func dump() -> String {
        func n(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        func p(_ pt: Point) -> String { "\(n(pt.x)),\(n(pt.y))" }
        func c(_ color: RGBA?) -> String { color?.hex ?? "none" }
        var lines = ["scene \(id) \(n(width))x\(n(height)) bg \(background.hex) lang \(language)", "title \(title)", "desc \(description)"]
        for mark in marks {
            switch mark {
            case let .rect(r, fill):
                lines.append("rect \(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height)) \(fill.hex)")
            case let .line(from, to, stroke, width, dash):
                lines.append("line \(p(from)) \(p(to)) \(stroke.hex) w\(n(width))" + (dash.isEmpty ? "" : " dash \(dash.map(n).joined(separator: ","))"))
            case let .polyline(points, stroke, width):
                lines.append("polyline \(points.map(p).joined(separator: " ")) \(stroke.hex) w\(n(width))")
            case let .polygon(points, fill, stroke, width):
                lines.append("polygon \(points.map(p).joined(separator: " ")) fill \(c(fill)) stroke \(c(stroke)) w\(n(width))")
            case let .circle(center, radius, fill, stroke, width):
                lines.append("circle \(p(center)) r\(n(radius)) fill \(c(fill)) stroke \(c(stroke)) w\(n(width))")
            case let .text(text, at, font, color, anchor, _):
                lines.append("text \(p(at)) \(anchor.rawValue) \(font.bold ? "bold " : "")\(n(font.size))px \(color.hex) \"\(text)\"")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
