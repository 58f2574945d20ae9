import Cairo
import Charts

/// Measures text with Cairo itself, on the same settings the renderer draws with (hinting off).
public final class CairoTextMeasurer: TextMeasuring {
    private let context: Context
    private var widths: [Key: Double] = [:]
    private var metricsCache: [Font: (Double, Double)] = [:]

    private struct Key: Hashable { var text: String; var font: Font }

    private let typeface: Typeface

    /// A measurer on a 1 × 1 scratch surface, with the fonts the renderer will draw with.
    public init(typeface: Typeface) throws(CairoError) {
        self.typeface = typeface
        context = try Context(try ImageSurface(width: 1, height: 1))
    }

    public func width(_ text: String, font: Font) -> Double {
        let key = Key(text: text, font: font)
        if let width = widths[key] { return width }
        select(font)
        let width = context.textAdvance(text)
        widths[key] = width
        return width
    }

    public func metrics(_ font: Font) -> (ascent: Double, descent: Double) {
        if let cached = metricsCache[font] { return cached }
        select(font)
        let metrics = context.fontMetrics()
        metricsCache[font] = metrics
        return metrics
    }

    private func select(_ font: Font) { typeface.apply(font, to: context) }
}
