extension String {
    /// The text with every control character (C0, DEL, C1, and the Unicode line and paragraph
    /// separators) turned into a space, so that text from the record cannot move a terminal's
    /// cursor, start a new Markdown block or break a line of a plain-text document. With
    /// `keepingLineBreaks`, line feeds stay (a CR LF becomes one line feed) and tabs stay.
    public func replacingControlCharacters(keepingLineBreaks: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
            guard isControl else { out.append(scalar); continue }
            if keepingLineBreaks {
                if scalar == "\n" { if !previousWasCR { out.append(scalar) }; continue }
                if scalar == "\r" { out.append("\n"); continue }
                if scalar == "\t" { out.append(scalar); continue }
            }
            out.append(" ")
        }
        return String(out)
    }
}
