/// One bar per exchange on a true time axis; stages stacked; undisclosed counts as outline diamonds.
enum TimelineLayout {
    static func marks(_ t: Timeline, in body: Rect, style: ChartStyle, numbers: NumberStyle, measurer: some TextMeasuring) -> [Mark] {
        let theme = style.theme
        let font = style.label
        let lineHeight = style.lineHeight(font)
        let maximum = Double(max(1, t.items.map(\.total).max() ?? 1))
        let axis = ValueAxis(maximum: maximum, plotHeight: body.height * 0.75, style: style, numbers: numbers, measurer: measurer)
        let plotX = body.x + axis.labelWidth + style.px(10)
        let top = lineHeight + style.px(8)
        let plot = Rect(x: plotX, y: body.y + top, width: body.maxX - plotX,
                        height: max(1, body.height - top - lineHeight - style.px(12)))
        let x = LinearScale(domain: t.start...max(t.end, t.start + 1), range: plot.x...plot.maxX)
        let y = LinearScale(domain: 0...axis.top, range: plot.y...plot.maxY, inverted: true)

        var marks: [Mark] = []
        if let span = t.highlightSpan {
            let x0 = max(plot.x, x(span.lowerBound)), x1 = min(plot.maxX, x(span.upperBound + 1))
            if x1 > x0 { marks.append(.rect(Rect(x: x0, y: plot.y, width: max(style.px(2), x1 - x0), height: plot.height), fill: theme.grid)) }
        }
        marks += axis.marks(plot: plot, scale: y, style: style, measurer: measurer)
        let ticks = TimeAxis.chooseTicks(t.ticks, scale: x, plot: plot, font: font, gap: style.px(14), measurer: measurer)
        marks += TimeAxis.marks(ticks, scale: x, plot: plot, style: style, measurer: measurer)

        let spacing = plot.width / Double(max(1, t.items.count))
        var barWidth = min(max(spacing * 0.45, style.px(1.5)), style.px(8))
        if t.slotWidth > 1 { barWidth = min(barWidth, max(1, (x(t.slotWidth) - x(0)) * 0.85)) }
        let halo = max(0.5, style.px(1))
        let diamond = min(style.px(11), max(style.px(6), barWidth * 1.4))

        // Tallest first, so that a shorter bar close by is drawn in front and stays visible.
        var bars: [Mark] = []
        var barBoxes: [Rect] = []
        var labelAnchors: [(item: Timeline.Item, top: Double, cx: Double)] = []
        for item in t.items.sorted(by: { ($0.total, $1.position) > ($1.total, $0.position) }) {
            let cx = x(item.position + t.slotWidth / 2 - 0.5)
            let left = cx - barWidth / 2
            var base = plot.maxY
            if item.total > 0 {
                let topY = y(Double(item.total))
                bars.append(.rect(Rect(x: left - halo, y: topY - halo, width: barWidth + 2 * halo, height: plot.maxY - topY + halo), fill: theme.background))
                barBoxes.append(Rect(x: left, y: topY, width: barWidth, height: plot.maxY - topY))
                for (i, segment) in item.segments.enumerated() where segment > 0 {
                    let value = Double(item.segments.prefix(i + 1).reduce(0, +))
                    let top = y(value)
                    bars.append(.rect(Rect(x: left, y: top, width: barWidth, height: base - top),
                                      fill: item.highlighted ? theme.highlight : theme.bar))
                    if i > 0 {
                        bars.append(.line(from: Point(left, base), to: Point(left + barWidth, base), stroke: theme.background, width: halo, dash: []))
                    }
                    base = top
                }
            }
            if item.hasUndisclosed {
                let centre = Point(cx, base - diamond / 2 - style.px(2))
                bars.append(Marks.diamond(center: centre, size: diamond, stroke: item.highlighted ? theme.highlight : theme.undisclosed, width: style.px(1.5)))
                base = centre.y - diamond / 2
            }
            if item.label != nil { labelAnchors.append((item, base, cx)) }
        }
        var placer = LabelPlacer(bounds: Rect(x: body.x, y: body.y, width: body.width, height: plot.maxY - body.y),
                                 padding: style.px(2), reserved: marks.compactMap(\.textBounds) + barBoxes.map { $0.insetBy(-0.5) })
        var labels: [Mark] = []
        for anchor in labelAnchors.sorted(by: { ($0.item.labelPriority, $1.item.position) > ($1.item.labelPriority, $0.item.position) }) {
            guard let text = anchor.item.label else { continue }
            let w = measurer.width(text, font: anchor.item.highlighted ? style.labelBold : font)
            let cx = min(max(anchor.cx, plot.x + w / 2), plot.maxX - w / 2)
            let mark = Mark.label(text, at: Point(cx, anchor.top - style.px(8)), font: anchor.item.highlighted ? style.labelBold : font,
                                  color: theme.text, anchor: .middle, measurer: measurer)
            if placer.place(mark) { labels.append(mark) }
        }
        return marks + bars + labels
    }
}
