/// Turns a chart spec into a scene for a given size and theme, in one visible order:
/// frame (title, legend, footer) → axes and scales → marks → labels placed without collisions.
public enum ChartEngine {
    /// The scene for `spec` at `width` × `height` px.
    ///
    /// Text is sized for the area (or at `textScale` of the theme's sizes, for a chart that is shown
    /// at its own size on a phone), then shrinks (to half the theme's sizes at most) until the plot
    /// keeps at least a third of the height, so small sizes keep every text whole instead of clipping it.
    public static func scene(_ spec: ChartSpec, width: Double, height: Double, theme: Theme, measurer: some TextMeasuring,
                             textScale: Double? = nil) -> Scene {
        let reference = (width * height / (1200 * 675)).squareRoot()
        var scale = textScale ?? min(1.6, max(0.55, reference))
        var style = ChartStyle(theme: theme, scale: scale)
        var frame = FrameLayout(spec: spec, style: style, width: width, height: height, measurer: measurer)
        while frame.body.height < max(style.px(90), height * 0.36), scale > 0.42 {
            scale *= 0.92
            style = ChartStyle(theme: theme, scale: scale)
            frame = FrameLayout(spec: spec, style: style, width: width, height: height, measurer: measurer)
        }
        let body: [Mark] = switch spec.body {
        case let .bars(series): BarLayout.marks(series, emptyMessage: spec.emptyMessage, in: frame.body, style: style, numbers: spec.numbers, measurer: measurer)
        case let .timeline(timeline): TimelineLayout.marks(timeline, emptyMessage: spec.emptyMessage, in: frame.body, style: style, numbers: spec.numbers, measurer: measurer)
        case let .steps(series): StepLayout.marks(series, emptyMessage: spec.emptyMessage, in: frame.body, style: style, numbers: spec.numbers, measurer: measurer)
        }
        return Scene(id: spec.id, width: width, height: height, background: theme.background,
                     marks: frame.marks + body, title: spec.title, description: spec.description, language: spec.language)
    }
}
