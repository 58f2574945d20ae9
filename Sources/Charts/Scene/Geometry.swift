/// A point in CSS pixels, y down.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

/// An axis-aligned rectangle in CSS pixels.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether the two overlap by more than `tolerance` in both directions.
    public func intersects(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        x < other.maxX - tolerance && other.x < maxX - tolerance && y < other.maxY - tolerance && other.y < maxY - tolerance
    }

    /// Whether `other` lies inside this rectangle (with `tolerance` to spare).
    public func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.x >= x - tolerance && other.maxX <= maxX + tolerance && other.y >= y - tolerance && other.maxY <= maxY + tolerance
    }

    /// The rectangle grown by `d` on every side.
    public func insetBy(_ d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}

/// A colour with straight alpha, components 0–1.
public struct RGBA: Hashable, Sendable, CustomStringConvertible {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// Parses `#RRGGBB` or `#RRGGBBAA`.
    public init?(hex: String) {
        var text = Substring(hex)
        if text.hasPrefix("#") { text = text.dropFirst() }
        guard text.count == 6 || text.count == 8, let value = UInt64(text, radix: 16) else { return nil }
        let v = text.count == 6 ? value << 8 | 0xFF : value
        self.init(red: Double((v >> 24) & 0xFF) / 255, green: Double((v >> 16) & 0xFF) / 255,
                  blue: Double((v >> 8) & 0xFF) / 255, alpha: Double(v & 0xFF) / 255)
    }

    /// `#RRGGBB`, or `#RRGGBBAA` when not opaque.
    public var hex: String {
        func byte(_ c: Double) -> String {
            let s = String(Int((c * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
    }

    public var description: String { hex }
}

/// A font: family, size in px, weight.
public struct Font: Hashable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool

    public init(family: String, size: Double, bold: Bool = false) {
        self.family = family; self.size = size; self.bold = bold
    }
}

/// Measures text for layout. The chart engine never guesses text size: the renderer supplies the real measurer.
public protocol TextMeasuring {
    /// The advance width of `text` in `font`, in px.
    func width(_ text: String, font: Font) -> Double
    /// The ascent and descent of `font`, in px.
    func metrics(_ font: Font) -> (ascent: Double, descent: Double)
}

/// A measurer with fixed per-character widths: deterministic everywhere, for golden tests.
public struct ApproximateTextMeasurer: TextMeasuring {
    public init() {}
    public func width(_ text: String, font: Font) -> Double {
        Double(text.count) * font.size * (font.bold ? 0.62 : 0.56)
    }
    public func metrics(_ font: Font) -> (ascent: Double, descent: Double) { (font.size * 0.93, font.size * 0.24) }
}
