import Charts

/// Makes Cairo's SVG fit for inlining and assistive technology.
///
/// Cairo names ids with process-global counters (`surface5`) and repeats glyph ids across
/// documents, so two charts inlined in one page collide and re-renders differ. Every id is
/// renamed to `<chart id>-<n>` in order of first appearance, and references (`#id`) follow.
/// Then `role="img"`, `aria-labelledby`, `<title>` and `<desc>` are added.
/// Works on UTF-8 bytes: the documents are large and the patterns ASCII.
enum SVGPostProcessor {
    static func process(_ svg: String, scene: Scene) -> String {
        let prefix = XML.idSafe(scene.id)
        let bytes = Array(svg.utf8)
        let n = bytes.count
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), close = UInt8(ascii: ")")
        let idOpen = Array("id=\"".utf8)

        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= n else { return false }
            for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
            return true
        }
        // First pass: every id="…" in order of appearance.
        var renamed: [[UInt8]: [UInt8]] = [:]
        var i = 0
        while i < n {
            if bytes[i] == UInt8(ascii: "i"), (i == 0 || bytes[i - 1] == UInt8(ascii: " ")), matches(idOpen, at: i) {
                var end = i + idOpen.count
                while end < n, bytes[end] != quote { end += 1 }
                let id = Array(bytes[(i + idOpen.count)..<end])
                if renamed[id] == nil { renamed[id] = Array("\(prefix)-\(renamed.count + 1)".utf8) }
                i = end
            }
            i += 1
        }
        // Second pass: rewrite id="x" and every #x that names one of them.
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 8 + 512)
        i = 0
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: "i"), (i == 0 || bytes[i - 1] == UInt8(ascii: " ")), matches(idOpen, at: i) {
                var end = i + idOpen.count
                while end < n, bytes[end] != quote { end += 1 }
                let id = Array(bytes[(i + idOpen.count)..<end])
                out += idOpen
                out += renamed[id] ?? id
                i = end
                continue
            }
            if byte == hash {
                var end = i + 1
                while end < n, bytes[end] != quote, bytes[end] != close { end += 1 }
                if let new = renamed[Array(bytes[(i + 1)..<end])] {
                    out.append(hash)
                    out += new
                    i = end
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return addAccessibility(String(decoding: out, as: UTF8.self), scene: scene, prefix: prefix)
    }

    private static func addAccessibility(_ svg: String, scene: Scene, prefix: String) -> String {
        guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].firstIndex(of: ">") else { return svg }
        let titleID = "\(prefix)-title", descID = "\(prefix)-desc"
        let attributes = " role=\"img\" aria-labelledby=\"\(titleID) \(descID)\""
        let head = "\n<title id=\"\(titleID)\">\(XML.escape(scene.title))</title>\n<desc id=\"\(descID)\">\(XML.escape(scene.description))</desc>"
        var result = String(svg[..<close])
        if result.hasSuffix("/") { result.removeLast() }
        return result + attributes + ">" + head + svg[svg.index(after: close)...]
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
