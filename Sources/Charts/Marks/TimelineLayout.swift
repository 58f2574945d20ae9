/// One bar per exchange on a true time axis; stages stacked; undisclosed counts as outline diamonds.
enum TimelineLayout {
    static func marks(_ t: Timeline, emptyMessage: String?, in body: Rect, style: ChartStyle, numbers: NumberStyle,
                      measurer: some TextMeasuring) -> [Mark] {
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
        let ticks = TimeAxis.chooseTicks(t.tickOptions, scale: x, plot: plot, font: font, gap: style.px(14), measurer: measurer)
        if t.items.isEmpty {
            // Nothing in the period: the time axis says which period, the plot says so in words.
            return marks + TimeAxis.marks(ticks, scale: x, plot: plot, style: style, measurer: measurer)
                + [.line(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), stroke: theme.axis, width: style.px(1.5), dash: [])]
                + PlotMessage.marks(emptyMessage ?? "", in: plot, style: style, measurer: measurer)
        }
        // No count to measure (every one undisclosed): a baseline, no scale that would mean nothing.
        marks += t.items.contains { $0.total > 0 } ? axis.marks(plot: plot, scale: y, style: style, measurer: measurer)
            : [.line(from: Point(plot.x, plot.maxY), to: Point(plot.maxX, plot.maxY), stroke: theme.axis, width: style.px(1.5), dash: [])]
        marks += TimeAxis.marks(ticks, scale: x, plot: plot, style: style, measurer: measurer)

        let spacing = plot.width / Double(max(1, t.items.count))
        var barWidth = min(max(spacing * 0.45, style.px(1.5)), style.px(8))
        if t.slotWidth > 1 { barWidth = min(barWidth, max(1, (x(t.slotWidth) - x(0)) * 0.85)) }
        // Separate exchanges never touch, so that they cannot pass for the stacked stages of one; at least
        // a pixel of background between them, or they blur into one block.
        let gap = max(1, style.px(1.5))
        if Double(t.items.count) * (barWidth + gap) > plot.width { barWidth = max(0.5, plot.width / Double(t.items.count) - gap) }
        let wanted = t.items.map { x($0.position + t.slotWidth / 2 - 0.5) }
        var centres = Dodge.centres(wanted, width: barWidth + gap, within: plot.x...plot.maxX)
        // Bars moved apart must stay near their dates: narrower bars until none is moved more than one and a half widths.
        func largestShift() -> Double { zip(centres, wanted).map { abs($0 - $1) }.max() ?? 0 }
        while largestShift() > max(1.5 * barWidth, style.px(4)), barWidth > max(1, style.px(1.5)) {
            barWidth = max(max(1, style.px(1.5)), barWidth * 0.8)
            centres = Dodge.centres(wanted, width: barWidth + gap, within: plot.x...plot.maxX)
        }
        let halo = max(0.5, style.px(1))
        let diamond = min(style.px(11), max(style.px(6), barWidth * 1.4))

        // Tallest first, so that a shorter bar close by is drawn in front and stays visible.
        var bars: [Mark] = []
        var barBoxes: [Rect] = []
        var labelAnchors: [(item: Timeline.Item, top: Double, cx: Double)] = []
        var countLabels: [[Mark]] = []
        let descent = measurer.metrics(style.footer).descent
        for (index, item) in t.items.enumerated().sorted(by: { ($0.element.total, $1.element.position) > ($1.element.total, $0.element.position) }) {
            let cx = centres[index]
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
                if let count = item.undisclosedLabel {
                    // "×9" beside the marker (above it, else to its right or left): one marker stands for that many stages.
                    let font = style.footer, w = measurer.width(count, font: font)
                    let side = centre.y + diamond / 2 - descent
                    countLabels.append([Point(cx, base - style.px(3) - descent), Point(cx + diamond / 2 + style.px(3) + w / 2, side),
                                        Point(cx - diamond / 2 - style.px(3) - w / 2, side)].map {
                        Mark.label(count, at: $0, font: font, color: theme.mutedText, anchor: .middle, measurer: measurer)
                    })
                }
            }
            if item.label != nil { labelAnchors.append((item, base, cx)) }
        }
        var placer = LabelPlacer(bounds: Rect(x: body.x, y: body.y, width: body.width, height: plot.maxY - body.y),
                                 padding: style.px(2), reserved: marks.compactMap(\.textBounds) + barBoxes.map { $0.insetBy(-0.5) })
        var labels: [Mark] = countLabels.compactMap { candidates in candidates.first { placer.place($0) } }
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

/// Moves bars apart sideways, as little as needed, so that none is closer than `width` to the next:
/// bars that would touch form clusters centred where their bars wanted to be (a one-dimensional beeswarm).
enum Dodge {
    static func centres(_ wanted: [Double], width: Double, within range: ClosedRange<Double>) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        // Each cluster: the indices it holds (in order) and the sum of their wanted centres.
        var clusters: [(members: [Int], sum: Double)] = []
        func start(_ c: (members: [Int], sum: Double)) -> Double {
            let mean = c.sum / Double(c.members.count)
            return mean - width * Double(c.members.count - 1) / 2
        }
        for i in order {
            clusters.append(([i], wanted[i]))
            while clusters.count > 1 {
                let last = clusters[clusters.count - 1], previous = clusters[clusters.count - 2]
                guard start(previous) + width * Double(previous.members.count) > start(last) + 0.001 else { break }
                clusters.removeLast(2)
                clusters.append((previous.members + last.members, previous.sum + last.sum))
            }
        }
        var out = wanted
        // Clusters pushed past an edge shift inwards; the whole row never needs more than the plot.
        var floor = range.lowerBound + width / 2
        var placed: [(members: [Int], first: Double)] = []
        for c in clusters {
            let first = max(start(c), floor)
            placed.append((c.members, first))
            floor = first + width * Double(c.members.count)
        }
        var ceiling = range.upperBound - width / 2
        for (members, first) in placed.reversed() {
            let shifted = min(first, ceiling - width * Double(members.count - 1))
            for (k, i) in members.enumerated() { out[i] = shifted + width * Double(k) }
            ceiling = shifted - width
        }
        return out
    }
}
