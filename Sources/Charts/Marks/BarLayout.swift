/// Bars over categories: per-year totals with value labels and reported-total markers.
enum BarLayout {
    static func marks(_ series: BarSeries, in body: Rect, style: ChartStyle, numbers: NumberStyle, measurer: some TextMeasuring) -> [Mark] {
        let theme = style.theme
        let font = style.label
        let lineHeight = style.lineHeight(font)
        let (ascent, _) = measurer.metrics(font)
        let n = max(1, series.bars.count)
        let maximum = Double(series.bars.map { max($0.value, $0.reference ?? 0) }.max() ?? 1)
        let axis = ValueAxis(maximum: maximum, plotHeight: body.height * 0.7, style: style, numbers: numbers, measurer: measurer)
        let plotX = body.x + axis.labelWidth + style.px(10)
        let band = (body.maxX - plotX) / Double(n)
        // Category labels may wrap ("2026," over "to 5 Feb"); the tallest sets the space under the plot.
        let widest = series.bars.map { $0.label.split(separator: " ").map { measurer.width(String($0), font: font) }.max() ?? 0 }.max() ?? 0
        // Labels wrap at spaces; when even single words are wider than a band, only every k-th is shown.
        let every = widest <= band - style.px(6) ? 1 : Int((widest + style.px(12)) / band) + 1
        let categoryLines = series.bars.enumerated().map { i, bar in
            i % every == 0 ? TextLayout.wrap(bar.label, font: font, width: every == 1 ? band - style.px(6) : .infinity, measurer: measurer) : []
        }
        let labelRows = Double(categoryLines.map(\.count).max() ?? 1)
        let valueSpace = lineHeight + style.px(6)
        let plot = Rect(x: plotX, y: body.y + valueSpace, width: body.maxX - plotX,
                        height: max(1, body.height - valueSpace - labelRows * lineHeight - style.px(10)))
        let y = LinearScale(domain: 0...axis.top, range: plot.y...plot.maxY, inverted: true)
        var marks = axis.marks(plot: plot, scale: y, style: style, measurer: measurer)

        let barWidth = min(band * 0.64, style.px(150))
        var labels: [Mark] = []
        var bars: [Mark] = []
        var lastCategoryRight = -Double.infinity
        for (i, bar) in series.bars.enumerated() {
            let centre = plot.x + band * (Double(i) + 0.5)
            let x = centre - barWidth / 2
            let top = y(Double(bar.value))
            let fill = switch bar.style {
            case .normal: theme.bar
            case .highlight: theme.highlight
            case .partial: theme.partial
            }
            bars.append(.rect(Rect(x: x, y: top, width: barWidth, height: plot.maxY - top), fill: fill))
            var labelBase = top
            if let reference = bar.reference {
                let ry = y(Double(reference))
                bars.append(.line(from: Point(x - style.px(6), ry), to: Point(x + barWidth + style.px(6), ry),
                                  stroke: theme.reference, width: style.px(3), dash: []))
                labelBase = min(labelBase, ry - style.px(1.5))
            }
            labels.append(.label(bar.valueLabel, at: Point(centre, labelBase - style.px(6)),
                                 font: bar.style == .highlight ? style.labelBold : font, color: theme.text, anchor: .middle, measurer: measurer))
            // Kept within the plot's width, clear of the value axis labels at the left, and of the previous category.
            let w = categoryLines[i].map { measurer.width($0, font: font) }.max() ?? 0
            let labelX = min(max(centre, plot.x + w / 2), plot.maxX - w / 2)
            if !categoryLines[i].isEmpty, labelX - w / 2 >= lastCategoryRight + style.px(6) {
                lastCategoryRight = labelX + w / 2
                for (row, line) in categoryLines[i].enumerated() {
                    marks.append(.label(line, at: Point(labelX, plot.maxY + style.px(8) + ascent + Double(row) * lineHeight),
                                        font: font, color: theme.mutedText, anchor: .middle, measurer: measurer))
                }
            }
        }
        // Axis labels are placed first; a value label that would touch one is left out, never drawn over it.
        var placer = LabelPlacer(bounds: Rect(x: body.x, y: body.y, width: body.width, height: plot.maxY - body.y),
                                 padding: style.px(2), reserved: marks.compactMap(\.textBounds))
        let placed = labels.filter { placer.place($0) }
        return marks + bars + placed
    }
}
