import ExchangeModel
import Foundation
import PropertyBased
import Testing

/// The check of a source address (`FieldParser.url`), run on every imported row and every stored
/// total, accepts and refuses exactly what the rule says, over generated addresses: the rule is
/// written out here a second time, the slow and obvious way, as the model the check must agree with.
@Suite("Source addresses over generated text")
struct AddressPropertyTests {
    /// The rule: http:// or https:// in any case, then a host of letters (any script), digits, dots
    /// and hyphens with a dot in it, not starting with one and without two in a row (or an IPv6
    /// literal in brackets), and no ASCII space or control character anywhere.
    static func model(_ text: String) -> (accepted: Bool, schemeRefused: Bool) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else {
            return (false, true)
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        let isHost = host.contains(".") && !host.hasPrefix(".") && !host.contains("..")
            && host.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        return (( isHost || authority.hasPrefix("[")) && !text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }), false)
    }

    static let addresses = Generator<String, Shrink.None<String>> { rng in
        let schemes = ["https://", "http://", "HTTPS://", "HtTp://", "https:/", "ftp://", "https\u{1A}//", "https:\u{0F}/", "", "https://https://"]
        let pieces = ["example", "org", ".", "..", "-", "укр", "київ", "ï", "é", "1", "2024", "[::1]", ":8080", "@", "user", "/", "/a/b", "?q=1",
                      "#f", " ", "\t", "\u{7F}", "\u{1A}", "\u{0}", "_", "%20", "ẞ", "İ", "K", "\u{2028}", "🇺🇦", "ß"]
        var text = schemes[Int.random(in: 0..<schemes.count, using: &rng)]
        for _ in 0..<Int.random(in: 0...7, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
        return text
    }

    @Test func theCheckAgreesWithTheRule() async {
        await propertyCheck(count: 4000, input: Self.addresses) { text in
            var parser = FieldParser(rules: ValidationRules(today: nil))
            let accepted = parser.url("source_url", text)
            let expected = Self.model(text)
            #expect((accepted != nil) == expected.accepted, "\(text.debugDescription)")
            if accepted == nil, !text.isEmpty {
                #expect(parser.issues.count == 1)
                #expect(parser.issues.first?.message.contains("is not an http or https address") == expected.schemeRefused, "\(text.debugDescription): \(parser.issues)")
            }
        }
    }
}
