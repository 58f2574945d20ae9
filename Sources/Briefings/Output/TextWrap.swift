/// Wraps plain text for e-mail and messengers: lines over `width` characters break at spaces,
/// and continuation lines keep the line's indentation (plus two for a list item).
enum TextWrap {
    static func wrap(_ text: String, width: Int = 72) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            let indent = line.prefix { $0 == " " }.count
            let isItem = line.dropFirst(indent).hasPrefix("- ")
            let continuation = String(repeating: " ", count: indent + (isItem ? 2 : 0))
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                let prefix = lines.isEmpty && current.isEmpty ? String(repeating: " ", count: indent) : ""
                if current.isEmpty {
                    current = (lines.isEmpty ? prefix : continuation) + word
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = continuation + word
                }
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
