import Foundation

/// Bars over categories: per-year totals with value labels, and reported totals as marker lines with labels of their own.
enum BarLayout {
    static func marks(_ series: BarSeries, emptyMessage: String?, in body: Rect, style: ChartStyle, numbers: NumberStyle,
                      measurer: some TextMeasuring) -> [Mark] {
        if series.bars.isEmpty { return PlotMessage.marks(emptyMessage ?? "", in: body, style: style, measurer: measurer) }
        let theme = style.theme
        let font = style.label
        let small = style.footer
        let lineHeight = style.lineHeight(font)
        let (ascent, descent) = measurer.metrics(font)
        let smallDescent = measurer.metrics(small).descent
        let n = series.bars.count
        let maximum = Double(series.bars.map { max($0.value ?? 0, $0.reference?.value ?? 0) }.max() ?? 0)
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
        // Room above the tallest bar for its value label and a reference label above that.
        let headroom = lineHeight + style.lineHeight(small) + style.px(8)
        let plot = Rect(x: plotX, y: body.y + headroom, width: body.maxX - plotX,
                        height: max(1, body.height - headroom - labelRows * lineHeight - style.px(10)))
        let y = LinearScale(domain: 0...axis.top, range: plot.y...plot.maxY, inverted: true)
        // No count to measure (every one undisclosed): a baseline, no scale that would mean nothing.
        var marks = maximum > 0 ? axis.marks(plot: plot, scale: y, style: style, measurer: measurer)
            : [.line(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), stroke: theme.axis, width: style.px(1.5), dash: [])]

        let barWidth = min(band * 0.64, style.px(150))
        var valueLabels: [Mark] = []
        var referenceLabels: [Mark] = []
        var bars: [Mark] = []
        var barBoxes: [Rect] = []
        var lastCategoryRight = -Double.infinity
        for (i, bar) in series.bars.enumerated() {
            let centre = plot.x + band * (Double(i) + 0.5)
            let x = centre - barWidth / 2
            let fill = switch bar.style {
            case .normal: theme.bar
            case .highlight: theme.highlight
            case .partial: theme.partial
            }
            let top = y(Double(bar.value ?? 0))
            if let value = bar.value, value > 0 {
                bars.append(.rect(Rect(x: x, y: top, width: barWidth, height: plot.maxY - top), fill: fill))
                barBoxes.append(Rect(x: x, y: top, width: barWidth, height: plot.maxY - top))
            }
            // The value inside the top of the bar when it fits there, else just above it: never on a reference line.
            let valueFont = bar.style == .highlight ? style.labelBold : font
            let valueWidth = measurer.width(bar.valueLabel, font: valueFont)
            let inside = bar.value != nil && plot.maxY - top >= lineHeight + style.px(10) && valueWidth <= barWidth - style.px(6)
            var aboveTop = top
            if inside {
                valueLabels.append(.label(bar.valueLabel, at: Point(centre, top + style.px(5) + ascent), font: valueFont,
                                          color: RGBA.readable(on: fill, theme.background, theme.text), anchor: .middle, measurer: measurer))
            } else {
                var baseline = top - style.px(6) - descent
                var text = bar.valueLabel
                if let reference = bar.reference {
                    let ry = y(Double(reference.value))
                    // The line would cross the label: the label goes above the line, named, so that it is not read as the line's value.
                    if ry <= top, ry >= baseline - ascent - style.px(3) {
                        baseline = ry - style.px(5) - descent
                        text = "\(series.valueName): \(bar.valueLabel)"
                    }
                }
                valueLabels.append(.label(text, at: Point(centre, baseline), font: valueFont, color: theme.text,
                                          anchor: .middle, measurer: measurer))
                aboveTop = baseline - ascent
            }
            if let reference = bar.reference {
                let ry = y(Double(reference.value))
                bars.append(.line(from: Point(x - style.px(6), ry), to: Point(x + barWidth + style.px(6), ry),
                                  stroke: theme.reference, width: style.px(3), dash: []))
                let baseline = min(ry - style.px(1.5), aboveTop) - style.px(4) - smallDescent
                referenceLabels.append(.label(reference.label, at: Point(centre, baseline), font: small, color: theme.text,
                                              anchor: .middle, measurer: measurer))
            }
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
        // Axis labels are placed first; a label that would touch one is left out, never drawn over it.
        // Values before reference labels; a reference label never covers a bar.
        let area = Rect(x: body.x, y: body.y, width: body.width, height: plot.maxY - body.y)
        var placer = LabelPlacer(bounds: area, padding: style.px(2), reserved: marks.compactMap(\.textBounds))
        let placedValues = valueLabels.filter { placer.place($0) }
        var referencePlacer = LabelPlacer(bounds: area, padding: style.px(2), reserved: placer.taken + barBoxes)
        let placedReferences = referenceLabels.filter { referencePlacer.place($0) }
        return marks + bars + placedValues + placedReferences
    }
}

extension RGBA {
    /// Relative luminance (WCAG 2).
    public var luminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// The WCAG contrast ratio between two opaque colours (1 to 21).
    public func contrast(with other: RGBA) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// Whichever of the two candidates reads better on `fill`.
    static func readable(on fill: RGBA, _ first: RGBA, _ second: RGBA) -> RGBA {
        fill.contrast(with: first) >= fill.contrast(with: second) ? first : second
    }
}
