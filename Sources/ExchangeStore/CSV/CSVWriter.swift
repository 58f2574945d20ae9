/// Writes CSV as the bundled files are written: LF line ends, quotes only where needed.
public enum CSVWriter {
    /// One line for the fields, ending in a line feed; `nil` is written as an empty field.
    public static func line(_ fields: [String?]) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(",") }
            guard let field else { continue }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append("\"")
                for character in field {
                    if character == "\"" { out.append("\"") }
                    out.append(character)
                }
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\n")
        return out
    }
}
