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

/// A time axis: tick marks under the baseline and labels that never touch.
enum TimeAxis {
    /// The first candidate set (finest first) whose labels all fit side by side inside the plot and
    /// that has no more ticks than the plot has room for; the coarsest set, thinned, if none does.
    static func chooseTicks(_ options: [[AxisTick]], scale: LinearScale, plot: Rect, font: Font, gap: Double,
                            measurer: some TextMeasuring) -> [AxisTick] {
        let domain = scale.domain
        func visible(_ ticks: [AxisTick]) -> [AxisTick] {
            ticks.filter { $0.labelCentre >= domain.lowerBound && $0.labelCentre <= domain.upperBound }
        }
        func fits(_ ticks: [AxisTick]) -> Bool {
            var lastEnd = -Double.infinity
            for tick in ticks {
                let box = labelBox(tick, scale: scale, plot: plot, font: font, measurer: measurer)
                if box.lowerBound < lastEnd + gap { return false }
                lastEnd = box.upperBound
            }
            return true
        }
        // Ticks closer than this are noise even when their labels fit.
        let room = max(1, Int(plot.width / (gap * 4)))
        for option in options {
            let ticks = visible(option)
            if !ticks.isEmpty, ticks.count <= room, fits(ticks) { return ticks }
        }
        let coarsest = visible(options.last ?? [])
        var step = 2
        while step < coarsest.count {
            let thinned = coarsest.enumerated().filter { $0.offset % step == 0 }.map(\.element)
            if fits(thinned) { return thinned }
            step += 1
        }
        return Array(coarsest.prefix(1))
    }

    /// The label's horizontal extent: centred on its position, shifted inwards at the plot's edges.
    static func labelBox(_ tick: AxisTick, scale: LinearScale, plot: Rect, font: Font, measurer: some TextMeasuring) -> ClosedRange<Double> {
        let w = measurer.width(tick.label, font: font)
        let centre = min(max(scale(tick.labelCentre), plot.x + w / 2), max(plot.x + w / 2, plot.maxX - w / 2))
        return (centre - w / 2)...(centre + w / 2)
    }

    static func marks(_ ticks: [AxisTick], scale: LinearScale, plot: Rect, style: ChartStyle, measurer: some TextMeasuring) -> [Mark] {
        var marks: [Mark] = []
        let font = style.label
        let (ascent, _) = measurer.metrics(font)
        for tick in ticks {
            if let position = tick.position, position >= scale.domain.lowerBound, position <= scale.domain.upperBound {
                let x = scale(position)
                marks.append(.line(from: Point(x, plot.maxY), to: Point(x, plot.maxY + style.px(5)), stroke: style.theme.axis, width: style.px(1), dash: []))
            }
            let box = labelBox(tick, scale: scale, plot: plot, font: font, measurer: measurer)
            marks.append(.label(tick.label, at: Point((box.lowerBound + box.upperBound) / 2, plot.maxY + style.px(8) + ascent), font: font,
                                color: style.theme.mutedText, anchor: .middle, measurer: measurer))
        }
        return marks
    }
}
