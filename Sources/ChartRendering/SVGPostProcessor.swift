import Charts

/// Makes Cairo's SVG fit for inlining and assistive technology.
///
/// Cairo names ids with process-global counters (`surface5`) and repeats glyph ids across
/// documents, so two charts inlined in one page collide and re-renders differ. Every id is
/// renamed to `<chart id>-<n>` in order of first appearance, and references (`#id`) follow.
/// Numbers are rounded to two decimals. Then `role="img"`, `aria-labelledby`, `<title>` and
/// `<desc>` are added.
/// Works on UTF-8 bytes: the documents are large and the patterns ASCII.
enum SVGPostProcessor {
    static func process(_ bytes: [UInt8], scene: Scene) -> [UInt8] {
        let prefix = XML.idSafe(scene.id)
        let out = bytes.withUnsafeBufferPointer { rewriteIDs($0, prefix: prefix) }
        return addAccessibility(out, scene: scene, prefix: prefix)
    }

    /// Two passes over the bytes (raw pointers: this runs on every chart's critical path).
    private static func rewriteIDs(_ b: UnsafeBufferPointer<UInt8>, prefix: String) -> [UInt8] {
        let n = b.count
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), close = UInt8(ascii: ")"), space = UInt8(ascii: " ")
        let i0 = UInt8(ascii: "i"), d0 = UInt8(ascii: "d"), equals = UInt8(ascii: "=")

        /// The id's bytes when an `id="…"` attribute starts at `i`.
        @inline(__always) func id(at i: Int) -> Range<Int>? {
            guard i > 0, i + 4 <= n, b[i - 1] == space, b[i + 1] == d0, b[i + 2] == equals, b[i + 3] == quote else { return nil }
            var end = i + 4
            while end < n, b[end] != quote { end += 1 }
            return (i + 4)..<end
        }
        // String keys: their Hashable conformance is already resolved at start-up; a first use of
        // Dictionary<[UInt8], …> costs the runtime a third of a millisecond.
        func key(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }

        // First pass: every id="…" in order of appearance.
        var renamed: [String: String] = [:]
        var i = 0
        while i < n {
            if b[i] == i0, let range = id(at: i) {
                let name = key(range)
                if renamed[name] == nil { renamed[name] = "\(prefix)-\(renamed.count + 1)" }
                i = range.upperBound
            }
            i += 1
        }
        // Second pass: rewrite id="x" and every #x that names one of them; copy the rest in runs.
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 8 + 512)
        var copied = 0
        i = 0
        while i < n {
            let byte = b[i]
            if byte == i0, let range = id(at: i), let new = renamed[key(range)] {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<range.lowerBound]))
                out += new.utf8
                copied = range.upperBound
                i = range.upperBound
            } else if byte == hash {
                var end = i + 1
                while end < n, b[end] != quote, b[end] != close { end += 1 }
                if let new = renamed[key((i + 1)..<end)] {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...i]))
                    out += new.utf8
                    copied = end
                }
                i = end
            } else if isNumberStart(b, at: i) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                let end = rounded(b, at: i, into: &out)
                copied = end
                i = end
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
        return out
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Whether a number starts at `i`: a digit, or a minus sign before one, not inside a name (`surface5`).
    static func isNumberStart(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func isNamePart(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2E || c == 0x2D }
        let first = b[i] == UInt8(ascii: "-") ? i + 1 : i
        return first < b.count && isDigit(b[first]) && (i == 0 || !isNamePart(b[i - 1]))
    }

    /// Cairo writes coordinates with six decimals (`47.992188`); two are a hundredth of a CSS
    /// pixel, and leave an inlined chart a sixth smaller. Appends the number that starts at `i`
    /// (see `isNumberStart`) to `out`, rounded half up to two decimals and without trailing zeros
    /// when it has more, as it is otherwise; returns where it ends.
    static func rounded(_ b: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout [UInt8]) -> Int {
        let n = b.count
        let negative = b[i] == UInt8(ascii: "-")
        let first = negative ? i + 1 : i
        var point = first
        var whole = 0
        while point < n, isDigit(b[point]) { whole = whole &* 10 &+ Int(b[point] - 0x30); point += 1 }
        var end = point
        guard point + 3 < n, point - first <= 15, b[point] == UInt8(ascii: "."), isDigit(b[point + 1]), isDigit(b[point + 2]), isDigit(b[point + 3]) else {
            if end < n, b[end] == UInt8(ascii: ".") { end += 1; while end < n, isDigit(b[end]) { end += 1 } }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<end]))
            return end
        }
        end = point + 4
        while end < n, isDigit(b[end]) { end += 1 }
        // In hundredths, plus one when the third decimal is 5 or more.
        let hundredths = whole * 100 + Int(b[point + 1] - 0x30) * 10 + Int(b[point + 2] - 0x30) + (b[point + 3] >= UInt8(ascii: "5") ? 1 : 0)
        if negative && hundredths > 0 { out.append(UInt8(ascii: "-")) }
        let units = hundredths / 100
        var power = 1
        while power <= units / 10 { power *= 10 }
        while power > 0 { out.append(UInt8(units / power % 10) + 0x30); power /= 10 }
        let fraction = hundredths % 100
        if fraction != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(fraction / 10) + 0x30)
            if fraction % 10 != 0 { out.append(UInt8(fraction % 10) + 0x30) }
        }
        return end
    }

    /// `role="img"` and `aria-labelledby` on the root, `<title>` and `<desc>` as its first children.
    private static func addAccessibility(_ svg: [UInt8], scene: Scene, prefix: String) -> [UInt8] {
        let open = Array("<svg".utf8)
        var start = 0
        while start + open.count <= svg.count, !svg[start..<(start + open.count)].elementsEqual(open) {
            start = svg[(start + 1)...].firstIndex(of: open[0]) ?? svg.count
        }
        guard start + open.count <= svg.count, var close = svg[start...].firstIndex(of: UInt8(ascii: ">")) else { return svg }
        let end = close + 1
        if svg[close - 1] == UInt8(ascii: "/") { close -= 1 }
        let titleID = "\(prefix)-title", descID = "\(prefix)-desc"
        let attributes = " role=\"img\" xml:lang=\"\(XML.escape(scene.language))\" lang=\"\(XML.escape(scene.language))\" aria-labelledby=\"\(titleID) \(descID)\">"
        let head = "\n<title id=\"\(titleID)\">\(XML.escape(scene.title))</title>\n<desc id=\"\(descID)\">\(XML.escape(scene.description))</desc>"
        var result: [UInt8] = []
        result.reserveCapacity(svg.count + attributes.utf8.count + head.utf8.count)
        result += svg[..<close]
        result += attributes.utf8
        result += head.utf8
        result += svg[end...]
        return result
    }
}

/// Escaping for text that comes from data, in XML and HTML.
public enum XML {
    /// The text with `& < > " '` escaped and control characters (but line breaks and tabs) blanked.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where c.value < 0x20 && c != "\n" && c != "\t": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// An id fragment made of letters, digits and hyphens.
    static func idSafe(_ text: String) -> String {
        let mapped = text.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).isEmpty ? "chart" : String(mapped)
    }
}
