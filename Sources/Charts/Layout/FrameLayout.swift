/// Title, subtitle and legend at the top; note, source and byline at the bottom; the body in between.
struct FrameLayout {
    var marks: [Mark] = []
    /// The area left for axes and plot.
    var body: Rect

    init(spec: ChartSpec, style: ChartStyle, width: Double, height: Double, measurer: some TextMeasuring) {
        let theme = style.theme
        let pad = max(8, style.px(22))
        let contentWidth = width - 2 * pad
        var marks: [Mark] = []
        var y = pad

        func paragraph(_ text: String, font: Font, color: RGBA, top: inout Double) {
            for line in TextLayout.wrap(text, font: font, width: contentWidth, measurer: measurer) {
                let ascent = measurer.metrics(font).ascent
                marks.append(.label(line, at: Point(pad, top + ascent), font: font, color: color, anchor: .start, measurer: measurer))
                top += style.lineHeight(font)
            }
        }
        paragraph(spec.title, font: style.title, color: theme.text, top: &y)
        y += style.px(2)
        if !spec.subtitle.isEmpty { paragraph(spec.subtitle, font: style.subtitle, color: theme.text, top: &y) }

        if !spec.legend.isEmpty {
            y += style.px(8)
            let font = style.label
            let box = font.size * 0.9
            let (ascent, _) = measurer.metrics(font)
            var x = pad
            for item in spec.legend {
                let textWidth = min(measurer.width(item.label, font: font), contentWidth - box - style.px(6))
                let itemWidth = box + style.px(6) + textWidth
                if x > pad, x + itemWidth > pad + contentWidth {
                    x = pad
                    y += style.lineHeight(font)
                }
                let symbolRect = Rect(x: x, y: y + (style.lineHeight(font) - box) / 2, width: box, height: box)
                marks += LegendSymbols.marks(item.symbol, in: symbolRect, style: style)
                // A label longer than the line is wrapped under its symbol.
                var top = y
                for line in TextLayout.wrap(item.label, font: font, width: contentWidth - box - style.px(6), measurer: measurer) {
                    marks.append(.label(line, at: Point(x + box + style.px(6), top + ascent + (style.lineHeight(font) - font.size) / 2),
                                        font: font, color: theme.text, anchor: .start, measurer: measurer))
                    top += style.lineHeight(font)
                }
                y = top - style.lineHeight(font)
                x += itemWidth + style.px(18)
            }
            y += style.lineHeight(font)
        }
        y += style.px(12)

        // The footer is laid out bottom-up: byline and source on the last lines, the note above.
        let footerFont = style.footer
        let footerLine = style.lineHeight(footerFont)
        let (footerAscent, _) = measurer.metrics(footerFont)
        // The footer keeps to a fifth of the chart: the source line to two lines at most (one on small
        // charts), the note to what is left. Cut text ends with "…"; the whole of it is in the alt text and data files.
        let footerRoom = height < 400 ? 2 : max(2, Int(height * 0.2 / footerLine))
        func cut(_ lines: [String], to room: Int, width: Double = contentWidth) -> [String] {
            guard lines.count > room else { return lines }
            guard room > 0 else { return [] }
            var kept = Array(lines.prefix(room))
            var last = kept[room - 1]
            while !last.isEmpty, measurer.width(last + " …", font: footerFont) > width { last.removeLast() }
            kept[room - 1] = last + " …"
            return kept
        }
        let bylineWidth = spec.byline.map { measurer.width($0, font: footerFont) } ?? 0
        let sharesLine = spec.byline != nil && bylineWidth < contentWidth * 0.45
        let sourceWidth = sharesLine ? contentWidth - bylineWidth - style.px(16) : contentWidth
        let bylineLines = spec.byline != nil && !sharesLine ? TextLayout.wrap(spec.byline!, font: footerFont, width: contentWidth, measurer: measurer) : []
        let sourceLines = cut(TextLayout.wrap(spec.source, font: footerFont, width: sourceWidth, measurer: measurer), to: footerRoom <= 3 ? 1 : 2, width: sourceWidth)
        let noteRoom = max(footerRoom - sourceLines.count - bylineLines.count, spec.note == nil ? 0 : 1)
        var footerLines: [(text: String, anchor: TextAnchor)] = []
        if let note = spec.note, !note.isEmpty {
            footerLines += cut(TextLayout.wrap(note, font: footerFont, width: contentWidth, measurer: measurer), to: noteRoom).map { ($0, .start) }
        }
        footerLines += sourceLines.map { ($0, .start) }
        let bylineOnOwnLine = !bylineLines.isEmpty
        footerLines += bylineLines.map { ($0, .start) }
        var top = height - pad - Double(footerLines.count) * footerLine
        let footerTop = top
        for (text, anchor) in footerLines {
            marks.append(.label(text, at: Point(pad, top + footerAscent), font: footerFont, color: theme.mutedText, anchor: anchor, measurer: measurer))
            top += footerLine
        }
        if let byline = spec.byline, !bylineOnOwnLine {
            marks.append(.label(byline, at: Point(pad + contentWidth, height - pad - footerLine + footerAscent), font: footerFont,
                                color: theme.mutedText, anchor: .end, measurer: measurer))
        }
        self.marks = marks
        body = Rect(x: pad, y: y, width: contentWidth, height: max(0, footerTop - style.px(12) - y))
    }
}

/// The small shapes of a legend, drawn as the chart draws them.
enum LegendSymbols {
    static func marks(_ symbol: LegendItem.Symbol, in r: Rect, style: ChartStyle) -> [Mark] {
        let theme = style.theme
        let midY = r.y + r.height / 2
        switch symbol {
        case .bar: return [.rect(r, fill: theme.bar)]
        case .highlight: return [.rect(r, fill: theme.highlight)]
        case .partial: return [.rect(r, fill: theme.partial)]
        case .referenceLine:
            return [.line(from: Point(r.x - style.px(2), midY), to: Point(r.maxX + style.px(2), midY), stroke: theme.reference, width: style.px(3), dash: [])]
        case .line:
            return [.line(from: Point(r.x - style.px(2), midY), to: Point(r.maxX + style.px(2), midY), stroke: theme.bar, width: style.px(3), dash: [])]
        case .undisclosed:
            return [Marks.diamond(center: Point(r.x + r.width / 2, midY), size: r.height, stroke: theme.undisclosed, width: style.px(1.5))]
        case .referenceDot:
            return [.circle(center: Point(r.x + r.width / 2, midY), radius: r.height * 0.38, fill: theme.reference, stroke: nil, width: 0)]
        case .referenceFloor:
            return [Marks.triangleUp(center: Point(r.x + r.width / 2, midY), size: r.height * 0.9, stroke: theme.reference, width: style.px(1.5))]
        }
    }
}

/// Shapes shared by legends and plots.
enum Marks {
    /// An outlined diamond: "a count was not disclosed".
    static func diamond(center c: Point, size: Double, stroke: RGBA, width: Double) -> Mark {
        let h = size / 2
        return .polygon([Point(c.x, c.y - h), Point(c.x + h * 0.8, c.y), Point(c.x, c.y + h), Point(c.x - h * 0.8, c.y)],
                        fill: nil, stroke: stroke, width: width)
    }

    /// An outlined triangle pointing up: "more than this".
    static func triangleUp(center c: Point, size: Double, stroke: RGBA, width: Double) -> Mark {
        let h = size / 2
        return .polygon([Point(c.x, c.y - h), Point(c.x + h, c.y + h * 0.8), Point(c.x - h, c.y + h * 0.8)],
                        fill: nil, stroke: stroke, width: width)
    }
}
