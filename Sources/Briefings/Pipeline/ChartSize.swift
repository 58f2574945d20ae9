/// The size a chart is laid out at, in CSS pixels: a named size or any WxH from 320×240 to 4000×4000.
public struct ChartSize: Sendable, Hashable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    /// `article`, `square`, `wide`, or nil for a size given as WxH.
    public let name: String?

    public static let article = ChartSize(width: 1200, height: 675, name: "article")
    public static let square = ChartSize(width: 1080, height: 1080, name: "square")
    public static let wide = ChartSize(width: 1600, height: 900, name: "wide")
    public static let allowed = "article (1200x675), square (1080x1080), wide (1600x900) or WxH from 320x240 to 4000x4000"

    private init(width: Int, height: Int, name: String?) {
        self.width = width; self.height = height; self.name = name
    }

    /// `article`, `square`, `wide` or `WxH` (e.g. 800x600).
    public init?(_ text: String) {
        if let named = [Self.article, .square, .wide].first(where: { $0.name == text }) {
            self = named
            return
        }
        guard let (w, h) = Self.dimensions(text), (320...4000).contains(w), (240...4000).contains(h) else { return nil }
        self.init(width: w, height: h, name: nil)
    }

    /// The two numbers of a `WxH` ("1200x675", or "1200×675" as a typographer writes it), in range or not.
    public static func dimensions(_ text: String) -> (width: Int, height: Int)? {
        let parts = text.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }), let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        return (w, h)
    }

    public var description: String { name ?? "\(width)x\(height)" }
}
