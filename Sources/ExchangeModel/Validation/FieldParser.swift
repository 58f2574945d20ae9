/// Turns one field's text into a typed value, collecting issues rather than stopping at the first.
public struct FieldParser {
    public let rules: ValidationRules
    public var issues: [ValidationIssue] = []

    public init(rules: ValidationRules) { self.rules = rules }

    /// Empty text counts as absent.
    public static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Text with a control character is refused, not cut or stored: a NUL ends the text for
    /// SQLite's C functions, ESC and CR rewrite a terminal. Tabs and line breaks are allowed where
    /// `multiline` (notes and quotes; in CSV, inside a quoted field).
    public mutating func refuseControlCharacters(_ field: String, _ text: String?, multiline: Bool) {
        guard var text else { return }
        // Checked on the bytes; only a text that fails is walked again, to say where.
        guard !text.withUTF8({ Self.isPlain($0, multiline: multiline) }) else { return }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            // The same rule, a character at a time (each of its conditions is about one character).
            var character = String(scalar)
            guard !character.withUTF8({ Self.isPlain($0, multiline: multiline) }) else { continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            fail(field, "\(field) holds the control character \(code) at character \(offset + 1)",
                 multiline ? "remove it (tabs and line breaks are the only control characters text may hold)" : "remove it: this field is one line of plain text")
            return
        }
    }

    /// The one rule for control characters in text (`refuseControlCharacters`, the store's reader), on
    /// UTF-8 bytes: no C0 control (but tab and line breaks where `multiline`), no DEL, no C1 control
    /// (C2 80–9F), no line or paragraph separator (E2 80 A8–A9), no bidirectional override or isolate
    /// (E2 80 AA–AE, E2 81 A6–A9), which can make a text read as something else.
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, multiline: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 {
                if !(multiline && (b == 0x09 || b == 0x0A || b == 0x0D)) { return false }
            } else if b == 0x7F {
                return false
            } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) {
                return false
            } else if b == 0xE2, i + 2 < n {
                let (c, d) = (bytes[i + 1], bytes[i + 2])
                if c == 0x80, (0xA8...0xAE).contains(d) { return false }
                if c == 0x81, (0xA6...0xA9).contains(d) { return false }
            }
            i += 1
        }
        return true
    }

    public mutating func fail(_ field: String, _ message: String, _ hint: String) {
        issues.append(ValidationIssue(field: field, message: message, hint: hint))
    }

    public mutating func requiredText(_ field: String, _ text: String?, what: String) -> String? {
        guard let text = Self.nonEmpty(text) else {
            fail(field, "\(field) is empty", "give \(what)")
            return nil
        }
        return text
    }

    public mutating func day(_ field: String, _ text: String?, required: Bool) -> Day? {
        guard let text = Self.nonEmpty(text) else {
            if required { fail(field, "\(field) is empty", "give the date as YYYY-MM-DD, e.g. 2024-12-30") }
            return nil
        }
        guard Day.hasISOShape(text) else {
            fail(field, "\(field) \(quoted(text)) is not a date in the form YYYY-MM-DD", "write it as YYYY-MM-DD, e.g. 2024-12-30")
            return nil
        }
        guard let day = Day(iso: text) else {
            fail(field, "\(field) \(quoted(text)) is not a real date", "check the month and day (e.g. February has 28 or 29 days)")
            return nil
        }
        if let latest = rules.latestAllowedDay, day > latest {
            fail(field, "\(field) \(day.iso) is after today (\(latest.iso))",
                 "check the date; a record cannot precede the event (pass --now to change what \"today\" is)")
            return nil
        }
        return day
    }

    public mutating func count(_ field: String, _ text: String?) -> Int? {
        guard let text = Self.nonEmpty(text) else { return nil }
        let trimmed = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let isWhole = !trimmed.isEmpty && trimmed.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        if text.hasPrefix("-"), isWhole || Double(trimmed) != nil {
            fail(field, "\(field) \(quoted(text)) is negative", "counts are 0 or more; leave the field empty if the number is unknown")
            return nil
        }
        guard isWhole else {
            let hint = text.contains(",") || text.contains(" ")
                ? "write the number without separators, e.g. 1358"
                : "write a whole number of people, or leave the field empty if it is unknown"
            fail(field, "\(field) \(quoted(text)) is not a whole number", hint)
            return nil
        }
        guard trimmed.count <= 12, let value = Int(trimmed), value <= rules.maximumCount else {
            fail(field, "\(field) \(text) is implausibly large (over \(rules.maximumCount.grouped(separator: ",")))",
                 "check for a typo or an extra digit")
            return nil
        }
        return value
    }

    /// The length of the `https://` or `http://` an address starts with, in any case (no letter
    /// outside ASCII lowercases to one of these), or nil: the validators and the store's reader
    /// apply this one rule.
    public static func webSchemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        func starts(with scheme: StaticString) -> Bool {
            scheme.withUTF8Buffer { s in bytes.count >= s.count && s.indices.allSatisfy { lower(bytes[$0]) == s[$0] } }
        }
        return starts(with: "https://") ? 8 : starts(with: "http://") ? 7 : nil
    }

    public mutating func url(_ field: String, _ text: String?) -> String? {
        guard let text = requiredText(field, text, what: "the http(s) address of the source the figures come from") else { return nil }
        var bytes = text
        guard let scheme = bytes.withUTF8({ Self.webSchemeLength($0) }) else {
            fail(field, "\(field) \(quoted(text)) is not an http or https address", "give the full address, starting with https://")
            return nil
        }
        let rest = text.dropFirst(scheme)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        // A host is made of labels of letters and digits (any script: .укр is a real domain) joined by
        // dots and hyphens, with a dot in it: "https://…" names no source.
        let dot = UInt8(ascii: ".")
        let isHost = host.utf8.contains(dot) && host.utf8.first != dot && !zip(host.utf8, host.utf8.dropFirst()).contains { $0 == dot && $1 == dot }
            && host.unicodeScalars.allSatisfy { scalar in
                // ASCII without a look-up in Unicode's tables.
                scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-"
                               : scalar.properties.isAlphabetic
            }
        // ASCII whitespace and control characters are what break an address; checking bytes keeps bulk imports fast.
        guard isHost || authority.hasPrefix("["), !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            fail(field, "\(field) \(quoted(text)) is not a valid address", "give the full address of the source, without spaces")
            return nil
        }
        return text
    }

    /// One of the raw values of `T`, or nil (with an issue when it is none of them, or empty but required).
    public mutating func choice<T: RawRepresentable & CaseIterable>(_ field: String, _ text: String?, required: Bool,
                                                             of type: T.Type, hint: String) -> T? where T.RawValue == String {
        guard let raw = Self.nonEmpty(text) else {
            if required { fail(field, "\(field) is empty", hint) }
            return nil
        }
        guard let value = T(rawValue: raw) else {
            let suggestion = T(rawValue: raw.lowercased().replacingOccurrences(of: " ", with: "_")).map { " (did you mean \($0.rawValue)?)" } ?? ""
            fail(field, "\(field) \(quoted(raw)) is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))\(suggestion)", hint)
            return nil
        }
        return value
    }

    /// A vocabulary code: one line, no spaces at its ends, no ";" (which joins several).
    /// Whether the code is in the vocabulary is checked on import, where the vocabulary is known.
    public mutating func code(_ field: String, _ text: String?) -> String? {
        guard let text = Self.nonEmpty(text) else { return nil }
        guard !text.contains(";") else {
            fail(field, "\(field) \(quoted(text)) names more than one", "give one code of the vocabulary")
            return nil
        }
        return codes(field, text)
    }

    /// Vocabulary codes joined by "; ", written back in that form (`USA;UAE` → `USA; UAE`).
    public mutating func codes(_ field: String, _ text: String?) -> String? {
        guard let text = Self.nonEmpty(text) else { return nil }
        let codes = Vocabulary.codes(in: text)
        guard !codes.contains(where: \.isEmpty) else {
            fail(field, "\(field) \(quoted(text)) has an empty code", "write codes joined by \"; \", e.g. USA; UAE")
            return nil
        }
        guard Set(codes).count == codes.count else {
            fail(field, "\(field) \(quoted(text)) names a code twice", "name each once")
            return nil
        }
        return codes.joined(separator: "; ")
    }

    public func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? text.prefix(37) + "…" : Substring(text)
        return "\"\(shown)\""
    }
}
