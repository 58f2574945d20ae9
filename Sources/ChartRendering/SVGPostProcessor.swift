import Charts

/// Makes Cairo's SVG fit for inlining and assistive technology.
///
/// Cairo names ids with process-global counters (`surface5`) and repeats glyph ids across
/// documents, so two charts inlined in one page collide and re-renders differ. Every id is
/// renamed to `<chart id>-<n>` in order of first appearance, and references follow.
/// Then `role="img"`, `aria-labelledby`, `<title>` and `<desc>` are added.
enum SVGPostProcessor {
    static func process(_ svg: String, scene: Scene) -> String {
        let prefix = XML.idSafe(scene.id)
        var renamed: [String: String] = [:]
        var out = ""
        out.reserveCapacity(svg.utf8.count + 512)
        var rest = Substring(svg)
        // First pass: every id="…" in order.
        var scan = Substring(svg)
        while let range = scan.range(of: "id=\"") {
            let after = scan[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            let id = String(after[..<end])
            if renamed[id] == nil { renamed[id] = "\(prefix)-\(renamed.count + 1)" }
            scan = after[end...]
        }
        // Second pass: rewrite id="x", href="#x" and url(#x).
        while let index = rest.firstIndex(where: { $0 == "i" || $0 == "#" }) {
            out += rest[..<index]
            rest = rest[index...]
            if rest.hasPrefix("id=\""), let end = rest.dropFirst(4).firstIndex(of: "\"") {
                let id = String(rest[rest.index(rest.startIndex, offsetBy: 4)..<end])
                out += "id=\"\(renamed[id] ?? id)\""
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("#") {
                let nameEnd = rest.dropFirst().firstIndex(where: { $0 == "\"" || $0 == ")" }) ?? rest.endIndex
                let id = String(rest[rest.index(after: rest.startIndex)..<nameEnd])
                if let new = renamed[id] {
                    out += "#" + new
                    rest = rest[nameEnd...]
                } else {
                    out += "#"
                    rest = rest.dropFirst()
                }
            } else {
                out.append(rest[rest.startIndex])
                rest = rest.dropFirst()
            }
        }
        out += rest
        return addAccessibility(out, scene: scene, prefix: prefix)
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

/// Escaping for text that comes from data.
enum XML {
    static func escape(_ text: String) -> String {
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
