/// Wraps text into lines that fit a width; a word longer than the width is broken, never clipped.
enum TextLayout {
    static func wrap(_ text: String, font: Font, width: Double, measurer: some TextMeasuring) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if measurer.width(candidate, font: font) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = String(word)
                // Break a single word that is wider than the line.
                while measurer.width(line, font: font) > width, line.count > 1 {
                    var cut = line.count - 1
                    while cut > 1, measurer.width(String(line.prefix(cut)), font: font) > width { cut -= 1 }
                    lines.append(String(line.prefix(cut)))
                    line = String(line.dropFirst(cut))
                }
            }
            lines.append(line)
        }
        return lines
    }
}

/// Keeps labels that do not collide with each other or with reserved areas, highest priority first.
struct LabelPlacer {
    private(set) var taken: [Rect] = []
    let bounds: Rect
    let padding: Double

    init(bounds: Rect, padding: Double, reserved: [Rect] = []) {
        self.bounds = bounds
        self.padding = padding
        taken = reserved
    }

    /// Places the label if it fits; returns whether it did.
    mutating func place(_ mark: Mark) -> Bool {
        guard let box = mark.textBounds, bounds.contains(box) else { return false }
        let padded = box.insetBy(-padding)
        guard !taken.contains(where: { $0.intersects(padded) }) else { return false }
        taken.append(box)
        return true
    }
}

/// A sentence in the middle of an empty plot ("No exchange in the record in 2019."), wrapped to fit.
enum PlotMessage {
    static func marks(_ text: String, in plot: Rect, style: ChartStyle, measurer: some TextMeasuring) -> [Mark] {
        let font = style.subtitle
        let lineHeight = style.lineHeight(font)
        // As many lines as the area holds (one at least); a cut sentence ends with "…", and is whole in the alt text.
        var lines = TextLayout.wrap(text, font: font, width: max(1, plot.width - style.px(20)), measurer: measurer)
        let room = max(1, Int(plot.height / lineHeight))
        if lines.count > room {
            lines = Array(lines.prefix(room))
            lines[room - 1] += " …"
        }
        let ascent = measurer.metrics(font).ascent
        var top = plot.y + max(0, (plot.height - Double(lines.count) * lineHeight) / 2)
        var marks: [Mark] = []
        for line in lines {
            marks.append(.label(line, at: Point(plot.x + plot.width / 2, top + ascent), font: font, color: style.theme.mutedText,
                                anchor: .middle, measurer: measurer))
            top += lineHeight
        }
        return marks
    }
}
