/// A running total as a step line, with officially reported totals as points beside it.
enum StepLayout {
    static func marks(_ s: StepSeries, emptyMessage: String?, in body: Rect, style: ChartStyle, numbers: NumberStyle,
                      measurer: some TextMeasuring) -> [Mark] {
        let theme = style.theme
        let font = style.label
        let lineHeight = style.lineHeight(font)
        let (ascent, descent) = measurer.metrics(style.labelBold)
        let maximum = Double(max(1, s.startValue ?? 0, s.steps.map(\.value).max() ?? 0, s.reported.map(\.value).max() ?? 0))
        let axis = ValueAxis(maximum: maximum, plotHeight: body.height * 0.8, style: style, numbers: numbers, measurer: measurer)
        let plotX = body.x + axis.labelWidth + style.px(10)
        let endLabelWidth = measurer.width(s.endLabel, font: style.labelBold) + style.px(10)
        let plot = Rect(x: plotX, y: body.y + lineHeight / 2, width: max(1, body.maxX - plotX - endLabelWidth),
                        height: max(1, body.height - lineHeight / 2 - lineHeight - style.px(12)))
        let x = LinearScale(domain: s.start...max(s.end, s.start + 1), range: plot.x...plot.maxX)
        let y = LinearScale(domain: 0...axis.top, range: plot.y...plot.maxY, inverted: true)

        let ticks = TimeAxis.chooseTicks(s.tickOptions, scale: x, plot: plot, font: font, gap: style.px(14), measurer: measurer)
        var marks = axis.marks(plot: plot, scale: y, style: style, measurer: measurer)

        let startValue = s.startValue ?? s.steps.first?.value
        if startValue == nil, s.reported.isEmpty {
            // Nothing to draw: the time axis says which period, the plot says why.
            return TimeAxis.marks(ticks, scale: x, plot: plot, style: style, measurer: measurer)
                + [.line(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), stroke: theme.axis, width: style.px(1.5), dash: [])]
                + PlotMessage.marks(emptyMessage ?? "", in: plot, style: style, measurer: measurer)
        }
        marks += TimeAxis.marks(ticks, scale: x, plot: plot, style: style, measurer: measurer)
        var last = startValue ?? 0
        if let startValue {
            var points = [Point(s.startValue == nil ? x(s.steps[0].position) : x(s.start), y(Double(startValue)))]
            for step in s.steps {
                let px = x(step.position)
                points.append(Point(px, y(Double(last))))
                points.append(Point(px, y(Double(step.value))))
                last = step.value
            }
            points.append(Point(x(s.end), y(Double(last))))
            marks.append(.polyline(points, stroke: theme.bar, width: style.px(2.5)))
            // Undisclosed stages sit on the line where they happened: from there on, the total is a floor.
            let diamond = style.px(10)
            for stage in s.undisclosed {
                let centre = Point(x(stage.position), y(Double(stage.value)) - diamond / 2 - style.px(2))
                marks.append(.polygon([Point(centre.x, centre.y - diamond / 2), Point(centre.x + diamond * 0.4, centre.y),
                                       Point(centre.x, centre.y + diamond / 2), Point(centre.x - diamond * 0.4, centre.y)],
                                      fill: theme.background, stroke: theme.undisclosed, width: style.px(1.5)))
            }
        } else if let message = emptyMessage {
            // Reported totals without a line from the record: they stay, with the reason there is no line.
            marks += PlotMessage.marks(message, in: Rect(x: plot.x, y: plot.maxY - plot.height / 2, width: plot.width, height: plot.height / 2),
                                       style: style, measurer: measurer)
        }

        let size = style.px(9)
        for point in s.reported {
            let centre = Point(x(point.position), y(Double(point.value)))
            if point.isLowerBound {
                marks.append(Marks.triangleUp(center: centre, size: size, stroke: theme.reference, width: style.px(1.5)))
            } else {
                marks.append(.circle(center: centre, radius: size * 0.4, fill: theme.reference, stroke: theme.background, width: style.px(1)))
            }
        }
        if startValue != nil {
            let endY = min(max(y(Double(last)) + (ascent - descent) / 2, plot.y + ascent), plot.maxY)
            marks.append(.label(s.endLabel, at: Point(x(s.end) + style.px(8), endY), font: style.labelBold, color: theme.bar,
                                anchor: .start, measurer: measurer))
        }
        // The latest reported total is labelled where it is drawn, left of its point (or right, near the left edge).
        if let latest = s.reported.last, let text = s.latestReportedLabel {
            let centre = Point(x(latest.position), y(Double(latest.value)))
            let font = style.footer, (a, d) = measurer.metrics(font)
            let baseline = centre.y + (a - d) / 2
            var placer = LabelPlacer(bounds: Rect(x: body.x, y: body.y, width: body.width, height: plot.maxY - body.y), padding: style.px(2),
                                     reserved: marks.compactMap(\.textBounds))
            let candidates = [Mark.label(text, at: Point(centre.x - size, baseline), font: font, color: theme.text, anchor: .end, measurer: measurer),
                              Mark.label(text, at: Point(centre.x + size, baseline), font: font, color: theme.text, anchor: .start, measurer: measurer),
                              Mark.label(text, at: Point(centre.x, centre.y - size - d), font: font, color: theme.text, anchor: .middle, measurer: measurer)]
            if let placed = candidates.first(where: { placer.place($0) }) { marks.append(placed) }
        }
        return marks
    }
}
