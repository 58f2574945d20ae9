/// A count axis from zero: round ticks, gridlines across the plot, labels at the left.
struct ValueAxis {
    let ticks: [Double]
    let labels: [String]
    let labelWidth: Double
    let font: Font

    init(maximum: Double, plotHeight: Double, style: ChartStyle, numbers: NumberStyle, measurer: some TextMeasuring) {
        let count = max(2, min(6, Int(plotHeight / style.px(70))))
        ticks = NiceTicks.ticks(maximum: maximum, count: count)
        labels = ticks.map { numbers.format(Int($0)) }
        font = style.label
        labelWidth = labels.map { measurer.width($0, font: style.label) }.max() ?? 0
    }

    var top: Double { ticks.last ?? 1 }

    /// Gridlines and labels for a plot area and its scale.
    func marks(plot: Rect, scale: LinearScale, style: ChartStyle, measurer: some TextMeasuring) -> [Mark] {
        var marks: [Mark] = []
        let (ascent, descent) = measurer.metrics(font)
        for (value, label) in zip(ticks, labels) {
            let y = scale(value)
            let isBaseline = value == 0
            marks.append(.line(from: Point(plot.x, y), to: Point(plot.maxX, y), stroke: isBaseline ? style.theme.axis : style.theme.grid,
                               width: isBaseline ? style.px(1.5) : style.px(1), dash: []))
            marks.append(.label(label, at: Point(plot.x - style.px(8), y + (ascent - descent) / 2), font: font,
                                color: style.theme.mutedText, anchor: .end, measurer: measurer))
        }
        return marks
    }
}

/// A time axis: tick marks under the baseline and as many labels as fit without touching.
enum TimeAxis {
    /// The ticks to label: the most detailed level whose labels all fit, thinned at level 0 if even years crowd.
    static func chooseTicks(_ candidates: [AxisTick], scale: LinearScale, plot: Rect, font: Font, gap: Double,
                            measurer: some TextMeasuring) -> [AxisTick] {
        let inRange = candidates.filter { $0.position >= scale.domain.lowerBound && $0.position <= scale.domain.upperBound }
        func fits(_ ticks: [AxisTick]) -> Bool {
            var lastEnd = -Double.infinity
            for tick in ticks {
                let x = scale(tick.position), w = measurer.width(tick.label, font: font)
                if x - w / 2 < plot.x - gap * 2 || x + w / 2 > plot.maxX + gap * 2 { continue }
                if x - w / 2 < lastEnd + gap { return false }
                lastEnd = x + w / 2
            }
            return true
        }
        let levels = Set(inRange.map(\.level)).sorted(by: >)
        for level in levels {
            let ticks = inRange.filter { $0.level <= level }
            if fits(ticks) { return ticks }
        }
        let years = inRange.filter { $0.level == 0 }
        var step = 2
        while step < max(2, years.count) {
            let thinned = years.enumerated().filter { $0.offset % step == 0 }.map(\.element)
            if fits(thinned) { return thinned }
            step += 1
        }
        return Array(years.prefix(1))
    }

    static func marks(_ ticks: [AxisTick], scale: LinearScale, plot: Rect, style: ChartStyle, measurer: some TextMeasuring) -> [Mark] {
        var marks: [Mark] = []
        let font = style.label
        let (ascent, _) = measurer.metrics(font)
        for tick in ticks {
            let x = scale(tick.position)
            marks.append(.line(from: Point(x, plot.maxY), to: Point(x, plot.maxY + style.px(5)), stroke: style.theme.axis, width: style.px(1), dash: []))
            let w = measurer.width(tick.label, font: font)
            // Keep the label inside the chart: shift the ones at the edges inwards.
            let anchorX = min(max(x, plot.x - style.px(4) + w / 2), plot.maxX + style.px(4) - w / 2)
            marks.append(.label(tick.label, at: Point(anchorX, plot.maxY + style.px(8) + ascent), font: font,
                                color: style.theme.mutedText, anchor: .middle, measurer: measurer))
        }
        return marks
    }
}
