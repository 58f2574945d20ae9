/// Writes CSV as the bundled files are written: LF line ends, quotes only where needed.
///
/// Safe to open in a spreadsheet: a field that would start a formula there (`=`, `+`, `-`, `@`,
/// a tab or a carriage return first) is written with a `'` in front, as OWASP recommends; a field
/// that already starts with `'`s before such a character gets one more. The reader takes exactly
/// one off again (`CSVWriter.unneutralised`), so every text round-trips byte for byte.
public enum CSVWriter {
    /// One line for the fields, ending in a line feed; `nil` is written as an empty field.
    public static func line(_ fields: [String?]) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(",") }
            guard let raw = field else { continue }
            let field = neutralised(raw)
            // By Unicode scalar: "\r\n" is a single Character, equal to neither "\r" nor "\n".
            if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                out.append("\"")
                for scalar in field.unicodeScalars {
                    if scalar == "\"" { out.unicodeScalars.append("\"") }
                    out.unicodeScalars.append(scalar)
                }
                out.append("\"")
            } else {
                out.append(field)
            }
        }
        out.append("\n")
        return out
    }

    /// Whether the scalar would make a spreadsheet read the cell as a formula when it comes first.
    static func startsFormula(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "=" || scalar == "+" || scalar == "-" || scalar == "@" || scalar == "\t" || scalar == "\r"
    }

    /// The field as written: one more `'` in front of `'*` followed by a formula character.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first(where: { $0 != "'" }), startsFormula(first) else { return field }
        return "'" + field
    }

    /// The field as read: one `'` fewer in front of `'+` followed by a formula character.
    public static func unneutralised(_ field: String) -> String {
        guard field.unicodeScalars.first == "'", let first = field.unicodeScalars.first(where: { $0 != "'" }), startsFormula(first) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }
}
